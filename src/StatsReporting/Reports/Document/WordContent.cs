using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using Pic = DocumentFormat.OpenXml.Drawing.Pictures;
using Wp = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace StatsReporting.Reports.Document;

/// The building blocks of the tjänsteskrivelse's body: paragraphs, bullets, placeholders, tables and pictures.
internal sealed class WordContent(MainDocumentPart main)
{
    public Body Body { get; } = new();
    private uint _pictures;

    public void Styled(string style, string text) =>
        Body.Append(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = style }), TextRun(text)));

    public void Heading(string text) => Styled("Heading1", text);

    /// `keepWithList` sets the paragraph off from what is above and keeps it with the bullets that follow.
    public void Paragraph(string text, bool bold = false, bool keepWithList = false) => Body.Append(keepWithList
        ? new Paragraph(new ParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "160", After = "60" }), TextRun(text, bold))
        : new Paragraph(TextRun(text, bold)));

    public void Bullet(string text) => Body.Append(new Paragraph(
        new ParagraphProperties(new ParagraphStyleId { Val = "ListParagraph" },
            new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = WordParts.BulletList })),
        TextRun(text)));

    /// "Ärendenr: [fylls i]" with the part to fill in highlighted, so that nobody sends it on unfilled.
    public void Placeholder(string label, string what) => Body.Append(new Paragraph(
        TextRun(label + " ", bold: true),
        new Run(new RunProperties(new Highlight { Val = HighlightColorValues.Yellow }), new Text($"[{what}]"))));

    /// A KF table as a Word table: header row repeated on each page, numbers right-aligned, sums bold, zero rows '-'
    /// and "uppgift saknas" left empty, as in the workbook.
    public void Table(ReportTable t)
    {
        var numbers = t.Columns.Count;
        var numberWidth = numbers > 4 ? 1150 : 1400;
        var widths = new[] { WordParts.TextWidth - numbers * numberWidth }.Concat(Enumerable.Repeat(numberWidth, numbers)).ToArray();
        var table = new Table(new TableProperties(
                new TableStyle { Val = "TableGrid" },
                new TableWidth { Width = WordParts.TextWidth.ToString(), Type = TableWidthUnitValues.Dxa },
                new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString() })));
        table.Append(Row([t.LabelHeader, .. t.Columns], widths, bold: true, header: true));
        foreach (var row in t.Rows)
        {
            var cells = row.Values.Select(v => row.IsZero && v is not null ? "-" : v?.ToString() ?? "").ToList();
            table.Append(Row([row.Label, .. cells], widths, bold: row.Kind != RowKind.Detail, header: false));
        }
        Body.Append(table);
        Body.Append(new Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "0" })));
    }

    private static TableRow Row(IReadOnlyList<string> cells, int[] widths, bool bold, bool header)
    {
        var rowProps = new TableRowProperties(new CantSplit());
        if (header) rowProps.Append(new TableHeader());
        var row = new TableRow(rowProps);
        for (var i = 0; i < cells.Count; i++)
        {
            var props = new TableCellProperties(new TableCellWidth { Width = widths[i].ToString(), Type = TableWidthUnitValues.Dxa });
            if (header) props.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "FFFFFF" });
            var p = new Paragraph(new ParagraphProperties(
                    new SpacingBetweenLines { Before = "20", After = "20" },
                    new Justification { Val = i == 0 ? JustificationValues.Left : JustificationValues.Right }),
                TextRun(cells[i], bold));
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
        long cx = WordParts.TextWidth * 635L, cy = cx * heightPx / widthPx; // 1 twip = 635 EMU
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
