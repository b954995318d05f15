using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using Pic = DocumentFormat.OpenXml.Drawing.Pictures;
using Wp = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace StatsReporting.Reports.Document;

/// The building blocks of the tjänsteskrivelse's body: paragraphs, lists, fields, tables and pictures. `styles` maps
/// our style ids to the document's (a template's own), `bullets` is the numbering of our lists and `textWidth` the
/// width between the margins, in twips.
internal sealed class WordContent(MainDocumentPart main, IReadOnlyDictionary<string, string> styles, int bullets, int textWidth)
{
    /// A table of up to this many rows is kept on one page; a longer one repeats its header row on the next.
    public const int UnsplitRows = 15;

    public Body Body { get; } = new();
    // Above the ids a template's own pictures (its logo) use: a drawing's id is unique in the document.
    private uint _pictures = 100;

    private string Style(string id) => styles.GetValueOrDefault(id, id);

    public void Styled(string style, string text) =>
        Body.Append(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = Style(style) }), TextRun(text)));

    public void Heading(string text) => Styled("Heading1", text);

    public void Paragraph(string text, bool bold = false, bool keepNext = false) => Body.Append(keepNext
        ? new Paragraph(new ParagraphProperties(new KeepNext()), TextRun(text, bold))
        : new Paragraph(TextRun(text, bold)));

    /// A lead line kept with the list it introduces, and the list's items kept together (all of them with `keepAll`,
    /// which keeps the list with what follows as well).
    public void List(string? lead, IReadOnlyList<string> items, bool keepAll = false)
    {
        if (lead is not null)
            Body.Append(new Paragraph(new ParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "160", After = "60" }), TextRun(lead)));
        for (var i = 0; i < items.Count; i++) Bullet(items[i], keepNext: keepAll || i < items.Count - 1);
    }

    private void Bullet(string text, bool keepNext)
    {
        var props = new ParagraphProperties(new ParagraphStyleId { Val = Style("ListParagraph") });
        if (keepNext) props.Append(new KeepNext());
        props.Append(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = bullets }));
        Body.Append(new Paragraph(props, TextRun(text)));
    }

    /// "Ärendenr: 2025/123", or "Ärendenr: [fylls i]" with the part to fill in highlighted, so that nobody sends it on unfilled.
    public void Field(string label, string? value, string what, bool keepNext = false)
    {
        var p = new Paragraph();
        if (keepNext) p.Append(new ParagraphProperties(new KeepNext()));
        p.Append(TextRun(label + " ", bold: true));
        p.Append(value is not null ? TextRun(value) : new Run(new RunProperties(new Highlight { Val = HighlightColorValues.Yellow }), new Text($"[{what}]")));
        Body.Append(p);
    }

    /// A KF table as a Word table: header row repeated on each page, numbers right-aligned, sums bold, zero rows '-'
    /// and "uppgift saknas" left empty, as in the workbook. Up to UnsplitRows rows it is kept on one page.
    public void Table(ReportTable t)
    {
        var numbers = t.Columns.Count;
        var numberWidth = numbers > 4 ? 1150 : 1400;
        var keep = t.Rows.Count + 1 <= UnsplitRows;
        var widths = new[] { textWidth - numbers * numberWidth }.Concat(Enumerable.Repeat(numberWidth, numbers)).ToArray();
        var table = new Table(new TableProperties(
                new TableStyle { Val = Style("TableGrid") },
                new TableWidth { Width = textWidth.ToString(), Type = TableWidthUnitValues.Dxa },
                new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString() })));
        table.Append(Row([t.LabelHeader, .. t.Columns], widths, bold: true, header: true, keepNext: true));
        for (var i = 0; i < t.Rows.Count; i++)
        {
            var row = t.Rows[i];
            var cells = row.Values.Select(v => row.IsZero && v is not null ? "-" : v?.ToString() ?? "").ToList();
            table.Append(Row([row.Label, .. cells], widths, bold: row.Kind != RowKind.Detail, header: false, keepNext: keep && i < t.Rows.Count - 1));
        }
        Body.Append(table);
        Body.Append(new Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "0" })));
    }

    /// `keepNext` on every paragraph of a row keeps it on the page of the next row: so a short table is never split.
    private static TableRow Row(IReadOnlyList<string> cells, int[] widths, bool bold, bool header, bool keepNext)
    {
        var rowProps = new TableRowProperties(new CantSplit());
        if (header) rowProps.Append(new TableHeader());
        var row = new TableRow(rowProps);
        for (var i = 0; i < cells.Count; i++)
        {
            var props = new TableCellProperties(new TableCellWidth { Width = widths[i].ToString(), Type = TableWidthUnitValues.Dxa });
            if (header) props.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "FFFFFF" });
            var pp = new ParagraphProperties();
            if (keepNext) pp.Append(new KeepNext());
            pp.Append(new SpacingBetweenLines { Before = "20", After = "20" },
                new Justification { Val = i == 0 ? JustificationValues.Left : JustificationValues.Right });
            var p = new Paragraph(pp, TextRun(cells[i], bold));
            row.Append(new TableCell(props, p));
        }
        return row;
    }

    /// A chart as an inline picture the width of the text, with its title as alternative text.
    public void Picture(byte[] png, string title, int widthPx, int heightPx)
    {
        var image = main.AddImagePart(ImagePartType.Png);
        using (var s = new MemoryStream(png)) image.FeedData(s);
        var id = ++_pictures;
        long cx = textWidth * 635L, cy = cx * heightPx / widthPx; // 1 twip = 635 EMU
        var inline = new Wp.Inline(
            new Wp.Extent { Cx = cx, Cy = cy },
            new Wp.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            new Wp.DocProperties { Id = id, Name = $"Diagram {id}", Description = title },
            new Wp.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(
                new Pic.Picture(
                    new Pic.NonVisualPictureProperties(
                        new Pic.NonVisualDrawingProperties { Id = id, Name = $"diagram{id}.png", Description = title },
                        new Pic.NonVisualPictureDrawingProperties()),
                    new Pic.BlipFill(new A.Blip { Embed = main.GetIdOfPart(image) }, new A.Stretch(new A.FillRectangle())),
                    new Pic.ShapeProperties(
                        new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = cx, Cy = cy }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        { DistanceFromTop = 0, DistanceFromBottom = 0, DistanceFromLeft = 0, DistanceFromRight = 0 };
        Body.Append(new Paragraph(new Run(new Drawing(inline))));
    }

    private static Run TextRun(string text, bool bold = false)
    {
        var run = new Run();
        if (bold) run.Append(new RunProperties(new Bold()));
        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }
}
