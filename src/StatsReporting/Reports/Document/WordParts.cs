using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace StatsReporting.Reports.Document;

/// The fixed parts of the tjänsteskrivelse: styles (Calibri 11, Swedish), the bullet list, the A4 section with its
/// header and "Sida N av M" footer. Children are added in the schema's order: OpenXmlValidator checks it.
internal static class WordParts
{
    public const string Font = "Calibri";
    /// A4 in twentieths of a point, 2.5 cm margins left and right: 16 cm of text.
    public const int PageWidth = 11906, PageHeight = 16838, SideMargin = 1418, TextWidth = PageWidth - 2 * SideMargin;

    /// The styles the content uses, by their built-in names, and the id each has in this document: the template's own
    /// where it defines the style (Swedish Word calls Heading 1 "Rubrik1"), else ours, added to its styles.
    public static IReadOnlyDictionary<string, string> EnsureStyles(MainDocumentPart main)
    {
        var ours = OurStyles().ToList();
        if (main.StyleDefinitionsPart?.Styles is not { } styles)
        {
            var part = main.StyleDefinitionsPart ?? main.AddNewPart<StyleDefinitionsPart>();
            part.Styles = new Styles(Defaults(), ours[0]);
            part.Styles.Append(ours.Skip(1));
            part.Styles.Save();
            return ours.ToDictionary(x => x.StyleId!.Value!, x => x.StyleId!.Value!);
        }
        var byName = styles.Elements<Style>().Where(x => x.StyleName?.Val?.Value is not null && x.StyleId?.Value is not null)
            .GroupBy(x => x.StyleName!.Val!.Value!, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().StyleId!.Value!, StringComparer.OrdinalIgnoreCase);
        var ids = styles.Elements<Style>().Select(x => x.StyleId?.Value).ToHashSet();
        var map = new Dictionary<string, string>();
        foreach (var style in ours)
        {
            var (id, name) = (style.StyleId!.Value!, style.StyleName!.Val!.Value!);
            if (byName.TryGetValue(name, out var theirs)) { map[id] = theirs; continue; }
            var newId = ids.Contains(id) ? id + "SR" : id;
            style.StyleId = newId;
            if (style.BasedOn is { } basedOn && map.TryGetValue(basedOn.Val!.Value!, out var b)) basedOn.Val = b;
            if (style.NextParagraphStyle is { } next && map.TryGetValue(next.Val!.Value!, out var n)) next.Val = n;
            styles.Append(style);
            map[id] = newId;
        }
        styles.Save();
        return map;
    }

    private static DocDefaults Defaults() =>
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                    new FontSize { Val = "22" }, new FontSizeComplexScript { Val = "22" },
                    new Languages { Val = "sv-SE" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { After = "120", Line = "264", LineRule = LineSpacingRuleValues.Auto })));

    /// Normal first: the others are based on it. The title prints on one line at 14 pt (TextDraft.Title is short).
    private static IEnumerable<Style> OurStyles() =>
        [
            ParagraphStyle("Normal", "Normal", null, null, null),
            ParagraphStyle("Title", "Title", 28, true, new SpacingBetweenLines { Before = "240", After = "240" }, keepNext: true),
            ParagraphStyle("Heading1", "heading 1", 26, true, new SpacingBetweenLines { Before = "360", After = "120" }, outline: 0),
            ParagraphStyle("Heading2", "heading 2", 22, true, new SpacingBetweenLines { Before = "240", After = "60" }, outline: 1),
            ParagraphStyle("Caption", "caption", 20, true, new SpacingBetweenLines { Before = "120", After = "60" }, keepNext: true),
            ParagraphStyle("ListParagraph", "List Paragraph", null, null, new SpacingBetweenLines { After = "40" }),
            new Style(new StyleName { Val = "Table Grid" }, new BasedOn { Val = "TableNormal" },
                new StyleTableProperties(new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
                    new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })))
            { Type = StyleValues.Table, StyleId = "TableGrid" },
        ];

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

    /// Our bullet list ("–"), added beside a template's own lists; returns the numbering id the bullets use.
    public static int EnsureNumbering(MainDocumentPart main)
    {
        var part = main.NumberingDefinitionsPart ?? main.AddNewPart<NumberingDefinitionsPart>();
        part.Numbering ??= new Numbering();
        var numbering = part.Numbering;
        var abstractId = numbering.Elements<AbstractNum>().Select(a => a.AbstractNumberId?.Value ?? 0).DefaultIfEmpty(0).Max() + 1;
        var numId = numbering.Elements<NumberingInstance>().Select(n => n.NumberID?.Value ?? 0).DefaultIfEmpty(0).Max() + 1;
        var bullet = new AbstractNum(
                new MultiLevelType { Val = MultiLevelValues.SingleLevel },
                new Level(
                    new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = NumberFormatValues.Bullet },
                    new LevelText { Val = "–" }, new LevelJustification { Val = LevelJustificationValues.Left },
                    new PreviousParagraphProperties(new Indentation { Left = "567", Hanging = "284" }))
                { LevelIndex = 0 })
            { AbstractNumberId = abstractId };
        // The schema wants every abstractNum before the first num.
        if (numbering.GetFirstChild<NumberingInstance>() is { } first) first.InsertBeforeSelf(bullet);
        else numbering.Append(bullet);
        numbering.Append(new NumberingInstance(new AbstractNumId { Val = abstractId }) { NumberID = numId });
        numbering.Save();
        return numId;
    }

    /// word/settings.xml with Word 2013+ compatibility (compatibilityMode 15), so that Word opens the document in its
    /// normal mode rather than in compatibility mode; a template's own settings are kept, its mode raised to 15.
    public static void EnsureSettings(MainDocumentPart main)
    {
        var part = main.DocumentSettingsPart ?? main.AddNewPart<DocumentSettingsPart>();
        if (part.Settings is not { } settings)
        {
            part.Settings = new Settings(new Zoom { Percent = "100" }, new DefaultTabStop { Val = 1304 },
                new CharacterSpacingControl { Val = CharacterSpacingValues.DoNotCompress }, new Compatibility(Mode15()));
            part.Settings.Save();
            return;
        }
        var compat = settings.GetFirstChild<Compatibility>();
        if (compat is null)
        {
            compat = new Compatibility();
            var after = settings.ChildElements.FirstOrDefault(e => CompatSuccessors.Contains(e.LocalName));
            if (after is null) settings.Append(compat); else after.InsertBeforeSelf(compat);
        }
        foreach (var old in compat.Elements<CompatibilitySetting>().Where(c => c.Name?.Value == CompatSettingNameValues.CompatibilityMode).ToList()) old.Remove();
        compat.Append(Mode15());
        settings.Save();
    }

    private static CompatibilitySetting Mode15() => new()
    {
        Name = CompatSettingNameValues.CompatibilityMode, Uri = "http://schemas.microsoft.com/office/word", Val = "15",
    };

    /// The elements of w:settings that come after w:compat in the schema.
    private static readonly HashSet<string> CompatSuccessors =
        ["docVars", "rsids", "mathPr", "attachedSchema", "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats",
         "doNotAutoCompressPictures", "forceUpgrade", "captions", "readModeInkLockDown", "smartTagType", "schemaLibrary",
         "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol", "listSeparator", "docId", "chartTrackingRefBased"];

    /// The width between the margins of the document's (a template's) last section; ours when it sets none.
    public static int TextWidthOf(MainDocumentPart main)
    {
        var section = main.Document?.Body?.Elements<SectionProperties>().LastOrDefault();
        var (width, margin) = (section?.GetFirstChild<PageSize>()?.Width?.Value, section?.GetFirstChild<PageMargin>());
        if (width is not { } w || margin?.Left?.Value is not { } left || margin.Right?.Value is not { } right) return TextWidth;
        return (int)Math.Clamp(w - left - right, 4000, 16000);
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
