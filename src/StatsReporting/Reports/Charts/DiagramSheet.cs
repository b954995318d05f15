using ClosedXML.Excel;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using A = DocumentFormat.OpenXml.Drawing;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;

namespace StatsReporting.Reports.Charts;

/// A chart as the workbook shows it: a caption line above the picture, the title as its alternative text.
public sealed record ChartImage(string Caption, string Title, byte[] Png, ChartKind? Kind = null);

/// The *Diagram* sheet of a KF workbook. ClosedXML 0.95.4's AddPicture needs libgdiplus, which a plain Linux machine
/// lacks, so ClosedXML writes the captions and the pictures are added to the saved file through OpenXml 2.x.
public static class DiagramSheet
{
    public const string Name = "Diagram";
    // Shown at 640 × 400 px, 17 cm (the PNG has 2.5 times that, so it stays sharp in print): 20 rows of 20 px, a
    // caption row and a blank one per chart; two charts per A4 page, printed at full size (no shrinking to fit).
    private const int ShownWidth = 640, ShownHeight = 400, RowsPerChart = 22, ChartsPerPage = 2;
    private const double RowHeightPoints = 15; // 20 px
    private const long EmuPerPixel = 9525;

    public static void Add(XLWorkbook wb, IReadOnlyList<ChartImage> charts)
    {
        var ws = wb.Worksheets.Add(Name);
        // Pictures float over cells, so the print area is set to hold them: column A is a little wider than a picture
        // (91 × 7 + 5 px) plus a narrow spare column, together within the width of a portrait A4 page, and the row
        // heights are fixed so that a picture covers its 20 rows in every program.
        ws.Column(1).Width = 91;
        ws.Column(2).Width = 1;
        var lastRow = CaptionRow(charts.Count) - 1;
        ws.Rows(1, lastRow).Height = RowHeightPoints;
        ws.PageSetup.PrintAreas.Add(1, 1, lastRow, 2);
        for (var i = 0; i < charts.Count; i++)
        {
            var cell = ws.Cell(CaptionRow(i), 1);
            KfWorkbook.SetText(cell, $"Diagram {i + 1}. {charts[i].Caption}");
            cell.Style.Font.Bold = true;
            if (i > 0 && i % ChartsPerPage == 0) ws.PageSetup.AddHorizontalPageBreak(CaptionRow(i) - 1);
        }
    }

    /// Adds the pictures to the Diagram sheet of a workbook saved by ClosedXML (before it is written into place).
    public static void Embed(SpreadsheetDocument doc, IReadOnlyList<ChartImage> charts)
    {
        var workbook = doc.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == Name);
        var wsPart = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        var drawings = wsPart.AddNewPart<DrawingsPart>();
        drawings.WorksheetDrawing = new Xdr.WorksheetDrawing();
        drawings.WorksheetDrawing.AddNamespaceDeclaration("xdr", "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing");
        drawings.WorksheetDrawing.AddNamespaceDeclaration("a", "http://schemas.openxmlformats.org/drawingml/2006/main");
        for (var i = 0; i < charts.Count; i++)
        {
            var image = drawings.AddImagePart(ImagePartType.Png);
            using (var png = new MemoryStream(charts[i].Png)) image.FeedData(png);
            drawings.WorksheetDrawing.Append(Anchor(i, drawings.GetIdOfPart(image), charts[i].Title));
        }
        drawings.WorksheetDrawing.Save();

        // <drawing> has a fixed place in a worksheet: after the page set-up and breaks, before tables and extensions.
        var worksheet = wsPart.Worksheet;
        var drawing = new Drawing { Id = wsPart.GetIdOfPart(drawings) };
        var next = worksheet.ChildElements.FirstOrDefault(e => e is LegacyDrawing or LegacyDrawingHeaderFooter or DrawingHeaderFooter
            or Picture or OleObjects or Controls or WebPublishItems or TableParts or WorksheetExtensionList);
        if (next is null) worksheet.Append(drawing); else worksheet.InsertBefore(drawing, next);
        worksheet.Save();
    }

    private static int CaptionRow(int chart) => 2 + chart * RowsPerChart;

    private static Xdr.OneCellAnchor Anchor(int chart, string imageId, string title)
    {
        long cx = ShownWidth * EmuPerPixel, cy = ShownHeight * EmuPerPixel;
        var id = (uint)chart + 1;
        return new Xdr.OneCellAnchor(
            // Markers count from 0: row index CaptionRow is the row under the caption.
            new Xdr.FromMarker(new Xdr.ColumnId("0"), new Xdr.ColumnOffset("0"), new Xdr.RowId(CaptionRow(chart).ToString()), new Xdr.RowOffset("0")),
            new Xdr.Extent { Cx = cx, Cy = cy },
            new Xdr.Picture(
                new Xdr.NonVisualPictureProperties(
                    new Xdr.NonVisualDrawingProperties { Id = id, Name = $"Diagram {id}", Description = title },
                    new Xdr.NonVisualPictureDrawingProperties(new A.PictureLocks { NoChangeAspect = true })),
                new Xdr.BlipFill(new A.Blip { Embed = imageId }, new A.Stretch(new A.FillRectangle())),
                new Xdr.ShapeProperties(
                    new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = cx, Cy = cy }),
                    new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })),
            new Xdr.ClientData());
    }
}
