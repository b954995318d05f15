using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using Pic = DocumentFormat.OpenXml.Drawing.Pictures;
using Wp = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace StatsReporting.Tests.Reports.Document;

/// A kommun's own Word template as Swedish Word saves one: a logo in the header, its own "Rubrik1" (heading 1) and
/// "Rubrik" (Title) in Georgia, markers in body, header and footer, one of them split over three runs as spell-check
/// leaves it, the {{innehall}} paragraph and the kommun's own text after it, and margins of its own.
public static class TemplateFile
{
    public const int LogoWidth = 120, LogoHeight = 48;
    public const string OwnText = "Kommunens egen text efter innehållet.";

    public static byte[] Logo()
    {
        var plot = new ScottPlot.Plot();
        plot.FigureBackground.Color = ScottPlot.Color.FromHex("#1F4E79");
        plot.Axes.Frameless();
        return plot.GetImageBytes(LogoWidth, LogoHeight, ScottPlot.ImageFormat.Png);
    }

    public static string Write(string path, WordprocessingDocumentType type = WordprocessingDocumentType.Document)
    {
        using var doc = WordprocessingDocument.Create(path, type);
        var main = doc.AddMainDocumentPart();
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            Style("Normal", "Normal", 24, bold: false),
            Style("Rubrik1", "heading 1", 36, bold: true),
            Style("Rubrik", "Title", 40, bold: true));
        styles.Styles.Save();

        var header = main.AddNewPart<HeaderPart>();
        var logo = header.AddImagePart(ImagePartType.Png);
        using (var s = new MemoryStream(Logo())) logo.FeedData(s);
        header.Header = new Header(
            new Paragraph(new Run(new Drawing(Inline(header.GetIdOfPart(logo)))), Plain("  {{kommun}}")),
            new Paragraph(Plain("{{forvaltning}}")));
        header.Header.Save();

        var footer = main.AddNewPart<FooterPart>();
        // "{{namnd}}" as Word leaves it after a spelling check: three runs.
        footer.Footer = new Footer(new Paragraph(Plain("{{na"), Plain("mn"), Plain("d}}"), Plain(" · {{datum}}")));
        footer.Footer.Save();

        main.Document = new DocumentFormat.OpenXml.Wordprocessing.Document(new Body(
            new Paragraph(Plain("Ärendenr: {{arendenr}}")),
            new Paragraph(Plain("Handläggare: {{handl"), Plain("aggare}}")),
            new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Rubrik" }), Plain("{{rubrik}}")),
            new Paragraph(Plain("{{innehall}}")),
            new Paragraph(Plain(OwnText)),
            new SectionProperties(
                new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
                new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1701, Right = 1134, Bottom = 1418, Left = 1701, Header = 567, Footer = 567, Gutter = 0 })));
        main.Document.Save();
        return path;
    }

    private static Run Plain(string text) => new(new Text(text) { Space = SpaceProcessingModeValues.Preserve });

    private static Style Style(string id, string name, int halfPoints, bool bold)
    {
        var run = new StyleRunProperties(new RunFonts { Ascii = "Georgia", HighAnsi = "Georgia" });
        if (bold) run.Append(new Bold());
        run.Append(new FontSize { Val = halfPoints.ToString() });
        var style = new Style(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id, Default = id == "Normal" ? true : null };
        if (id != "Normal") style.Append(new BasedOn { Val = "Normal" });
        style.Append(run);
        return style;
    }

    private static Wp.Inline Inline(string relId)
    {
        const long cx = 3 * 360000L, cy = cx * LogoHeight / LogoWidth; // 3 cm wide
        return new Wp.Inline(
            new Wp.Extent { Cx = cx, Cy = cy },
            new Wp.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            new Wp.DocProperties { Id = 1, Name = "Logotyp", Description = "Kommunens logotyp" },
            new Wp.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(
                new Pic.Picture(
                    new Pic.NonVisualPictureProperties(new Pic.NonVisualDrawingProperties { Id = 1, Name = "logo.png" }, new Pic.NonVisualPictureDrawingProperties()),
                    new Pic.BlipFill(new A.Blip { Embed = relId }, new A.Stretch(new A.FillRectangle())),
                    new Pic.ShapeProperties(new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = cx, Cy = cy }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        { DistanceFromTop = 0, DistanceFromBottom = 0, DistanceFromLeft = 0, DistanceFromRight = 0 };
    }
}
