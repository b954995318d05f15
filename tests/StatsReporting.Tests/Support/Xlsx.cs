using ClosedXML.Excel;

namespace StatsReporting.Tests.Support;

/// Reads a written workbook back: each sheet as rows of cell texts, as a person would see them.
public static class Xlsx
{
    public static Dictionary<string, List<string[]>> Read(string path)
    {
        using var wb = Open(path);
        return wb.Worksheets.ToDictionary(ws => ws.Name, ws =>
        {
            var used = ws.RangeUsed();
            if (used is null) return new List<string[]>();
            var cols = used.LastColumn().ColumnNumber();
            return ws.RowsUsed().Select(r => Enumerable.Range(1, cols).Select(c => r.Cell(c).GetFormattedString()).ToArray()).ToList();
        });
    }

    /// ClosedXML 0.95.4 reads pictures through System.Drawing, which on Linux needs libgdiplus (./test.sh installs it).
    public static XLWorkbook Open(string path)
    {
        try { return new XLWorkbook(path); }
        catch (TypeInitializationException e) when (e.InnerException is DllNotFoundException)
        {
            throw new InvalidOperationException($"{path} har bilder, och ClosedXML 0.95.4 behöver libgdiplus för att läsa dem: kör ./test.sh eller apt-get install libgdiplus.", e);
        }
    }

    /// The numbers of the row labelled `label` ('-' read as 0).
    public static int[] Numbers(List<string[]> sheet, string label) =>
        sheet.Single(r => r[0] == label).Skip(1).Where(v => v != "").Select(v => v == "-" ? 0 : int.Parse(v)).ToArray();
}
