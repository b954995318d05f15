using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace StatsReporting.Reports.Document;

/// The fixed parts of the tjänsteskrivelse: styles (Calibri 11, Swedish), the bullet list, the A4 section with its
/// header and "Sida N av M" footer. Children are added in the schema's order: OpenXmlValidator checks it.
internal static class WordParts
{
    public const string Font = "Calibri";
    public const int BulletList = 1;
    /// A4 in twentieths of a point, 2.5 cm margins left and right: 16 cm of text.
    public const int PageWidth = 11906, PageHeight = 16838, SideMargin = 1418, TextWidth = PageWidth - 2 * SideMargin;

    public static void AddStyles(MainDocumentPart main)
    {
        var part = main.AddNewPart<StyleDefinitionsPart>();
        part.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                    new FontSize { Val = "22" }, new FontSizeComplexScript { Val = "22" },
                    new Languages { Val = "sv-SE" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { After = "120", Line = "264", LineRule = LineSpacingRuleValues.Auto }))),
            ParagraphStyle("Normal", "Normal", null, null, null),
            ParagraphStyle("Title", "Title", 32, true, new SpacingBetweenLines { Before = "240", After = "240" }),
            ParagraphStyle("Heading1", "heading 1", 26, true, new SpacingBetweenLines { Before = "360", After = "120" }, outline: 0),
            ParagraphStyle("Heading2", "heading 2", 22, true, new SpacingBetweenLines { Before = "240", After = "60" }, outline: 1),
            ParagraphStyle("Caption", "caption", 20, true, new SpacingBetweenLines { Before = "120", After = "60" }, keepNext: true),
            ParagraphStyle("ListParagraph", "List Paragraph", null, null, new SpacingBetweenLines { After = "40" }),
            new Style(new StyleName { Val = "Table Grid" }, new BasedOn { Val = "TableNormal" },
                new StyleTableProperties(new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
                    new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })))
            { Type = StyleValues.Table, StyleId = "TableGrid" });
        part.Styles.Save();
    }

    private static Style ParagraphStyle(string id, string name, int? halfPoints, bool? bold, SpacingBetweenLines? spacing, int? outline = null,
        bool keepNext = false)
    {
        var style = new Style(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id, Default = id == "Normal" ? true : null };
        if (id != "Normal") style.Append(new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" });
        if (id != "Normal") style.Append(new PrimaryStyle());
        var p = new StyleParagraphProperties();
        if (outline is not null || keepNext) p.Append(new KeepNext());
        if (spacing is not null) p.Append(spacing);
        if (outline is { } level) p.Append(new OutlineLevel { Val = level });
        if (p.HasChildren) style.Append(p);
        var r = new StyleRunProperties();
        if (bold == true) r.Append(new Bold());
        if (halfPoints is { } hp) r.Append(new FontSize { Val = hp.ToString() });
        if (r.HasChildren) style.Append(r);
        return style;
    }

    public static void AddNumbering(MainDocumentPart main)
    {
        var part = main.AddNewPart<NumberingDefinitionsPart>();
        part.Numbering = new Numbering(
            new AbstractNum(
                new MultiLevelType { Val = MultiLevelValues.SingleLevel },
                new Level(
                    new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = NumberFormatValues.Bullet },
                    new LevelText { Val = "–" }, new LevelJustification { Val = LevelJustificationValues.Left },
                    new PreviousParagraphProperties(new Indentation { Left = "567", Hanging = "284" }))
                { LevelIndex = 0 })
            { AbstractNumberId = 1 },
            new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = BulletList });
        part.Numbering.Save();
    }

    /// The page: A4 portrait with its margins, a header naming kommun, nämnd and the document, a footer with the
    /// date it was made and the page number.
    public static SectionProperties Section(MainDocumentPart main, string left, string right, string footerLeft)
    {
        var header = main.AddNewPart<HeaderPart>();
        header.Header = new Header(Line(left, right, tab: TextWidth));
        header.Header.Save();
        var footer = main.AddNewPart<FooterPart>();
        footer.Footer = new Footer(Line(footerLeft, null, tab: TextWidth, pageNumbers: true));
        footer.Footer.Save();
        return new SectionProperties(
            new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
            new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
            new PageSize { Width = PageWidth, Height = PageHeight },
            new PageMargin { Top = 1418, Right = SideMargin, Bottom = 1134, Left = SideMargin, Header = 567, Footer = 567, Gutter = 0 });
    }

    /// One line with text at the left and, after a right tab, either text or "Sida N av M".
    private static Paragraph Line(string left, string? right, int tab, bool pageNumbers = false)
    {
        var p = new Paragraph(new ParagraphProperties(
            new Tabs(new TabStop { Val = TabStopValues.Right, Position = tab }),
            new SpacingBetweenLines { After = "0" }));
        p.Append(Small(left), new Run(new RunProperties(new FontSize { Val = "18" }), new TabChar()));
        if (right is not null) p.Append(Small(right));
        if (!pageNumbers) return p;
        p.Append(Small("Sida "), Field("PAGE"), Small(" av "), Field("NUMPAGES"));
        return p;
    }

    private static Run Small(string text) =>
        new(new RunProperties(new FontSize { Val = "18" }), new Text(text) { Space = SpaceProcessingModeValues.Preserve });

    private static SimpleField Field(string name) => new(Small("1")) { Instruction = $" {name} " };
}
