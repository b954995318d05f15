using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace StatsReporting.Bevakning;

/// ClosedXML 0.95.4 writes the rows to repeat on every page as 'Sheet'!1:1, which Excel reads but LibreOffice ignores;
/// 'Sheet'!$1:$1 is what both print with the header row on every page.
public static partial class PrintTitles
{
    public static void MakeAbsolute(string xlsx)
    {
        using var doc = SpreadsheetDocument.Open(xlsx, isEditable: true);
        MakeAbsolute(doc);
    }

    public static void MakeAbsolute(Stream xlsx)
    {
        using var doc = SpreadsheetDocument.Open(xlsx, isEditable: true);
        MakeAbsolute(doc);
    }

    private static void MakeAbsolute(SpreadsheetDocument doc)
    {
        var names = doc.WorkbookPart?.Workbook.DefinedNames?.Elements<DefinedName>() ?? [];
        foreach (var name in names.Where(n => n.Name?.Value == "_xlnm.Print_Titles"))
            name.Text = RowRange().Replace(name.Text, "!$$$1:$$$2");
        doc.WorkbookPart?.Workbook.Save();
    }

    [GeneratedRegex(@"!\$?(\d+):\$?(\d+)")]
    private static partial Regex RowRange();
}
