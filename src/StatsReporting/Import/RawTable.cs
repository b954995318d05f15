using System.Globalization;
using System.Text;
using ClosedXML.Excel;

namespace StatsReporting.Import;

/// A file's cells as text: a header and data rows, each row with its number as a person sees it (header = row 1).
public sealed record RawTable(string FileName, IReadOnlyList<string> Header, IReadOnlyList<RawRow> Rows);

public sealed record RawRow(int Number, IReadOnlyList<string> Cells);

/// The input cannot be read as a table; the message is Swedish, for the user, and Row the line where reading failed.
public sealed class NotATableException(string message, int row = 1) : Exception(message)
{
    public int Row { get; } = row;
}

public static class RawTableReader
{
    static RawTableReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static RawTable Read(string path, string? displayName = null)
    {
        var name = displayName ?? Path.GetFileName(path);
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".xlsx" or ".xlsm" => ReadXlsx(path, name),
            _ => ReadCsv(File.ReadAllBytes(path), name),
        };
    }

    /// UTF-8 (with or without BOM) when the bytes are valid UTF-8, otherwise Windows-1252, as Swedish Excel writes.
    /// A BOM does not prove UTF-8: a UTF-8 file re-saved as "ANSI" by some tools keeps its first three bytes.
    public static string Decode(byte[] bytes)
    {
        var body = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? bytes[3..] : bytes;
        try { return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body); }
        catch (DecoderFallbackException) { return Encoding.GetEncoding(1252).GetString(body); }
    }

    public static RawTable ReadCsv(byte[] bytes, string name)
    {
        // A NUL byte never occurs in CSV text: this is a binary file (an .xls, a PDF) with the wrong name.
        if (Array.IndexOf(bytes, (byte)0) >= 0) throw new NotATableException("filen är ingen CSV-text (kanske en .xls- eller PDF-fil); spara den som CSV eller .xlsx.");
        // CRLF (Windows) and a lone CR (old Mac exports) end a line just as LF does.
        var text = Decode(bytes).Replace("\r\n", "\n").Replace('\r', '\n');
        var firstLine = text.Split('\n', 2)[0];
        var sep = firstLine.Count(ch => ch == ';') >= firstLine.Count(ch => ch == ',') ? ';' : ',';
        var records = ParseCsv(text, sep);
        if (records.Count == 0) return new RawTable(name, [], []);
        var rows = records.Skip(1)
            .Where(r => r.Cells.Any(c => c.Length > 0))
            .Select(r => new RawRow(r.Line, r.Cells)).ToList();
        return new RawTable(name, records[0].Cells, rows);
    }

    /// RFC 4180: quoted fields may hold the separator, doubled quotes and line breaks. Line = the record's first line.
    private static List<(int Line, List<string> Cells)> ParseCsv(string text, char sep)
    {
        var records = new List<(int, List<string>)>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        int line = 1, recordLine = 1, quoteLine = 0;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else { if (ch == '\n') line++; cell.Append(ch); }
            }
            // A quote opens a quoted field also after spaces ("a; "b;c""), which the cell's trim would drop anyway.
            else if (ch == '"' && string.IsNullOrWhiteSpace(cell.ToString())) { cell.Clear(); quoted = true; quoteLine = line; }
            else if (ch == sep) { cells.Add(cell.ToString().Trim()); cell.Clear(); }
            else if (ch == '\n')
            {
                cells.Add(cell.ToString().Trim()); cell.Clear();
                records.Add((recordLine, cells)); cells = [];
                recordLine = ++line;
            }
            else cell.Append(ch);
        }
        // Else every row after it would silently become part of one text.
        if (quoted) throw new NotATableException("ett citattecken (\") öppnar ett fält som aldrig avslutas; resten av filen skulle ha lästs som en enda text.", quoteLine);
        if (cell.Length > 0 || cells.Count > 0) { cells.Add(cell.ToString().Trim()); records.Add((recordLine, cells)); }
        return records;
    }

    /// The reason, in Swedish, for a known failure to read a file, or null: no table at all, or a workbook with pictures
    /// on a machine without libgdiplus (ClosedXML 0.95.4 opens pictures through System.Drawing; the program itself does not).
    public static string? WhyUnreadable(Exception e)
    {
        if (e is NotATableException) return e.Message;
        for (var x = e; x is not null; x = x.InnerException)
            if (x is DllNotFoundException && x.Message.Contains("gdiplus", StringComparison.OrdinalIgnoreCase))
                return "arbetsboken innehåller bilder eller diagram, och de kan inte öppnas på den här datorn (systempaketet libgdiplus "
                       + "saknas): ta bort bilderna eller spara det första bladet som CSV och använd den filen.";
        return null;
    }

    private static RawTable ReadXlsx(string path, string name)
    {
        using var wb = new XLWorkbook(path);
        var ws = wb.Worksheets.First();
        var used = ws.RangeUsed();
        if (used is null) return new RawTable(name, [], []);
        var lastCol = used.LastColumn().ColumnNumber();
        var lastRow = used.LastRow().RowNumber();
        string Cell(int r, int c)
        {
            var cell = ws.Cell(r, c);
            return cell.DataType switch
            {
                XLDataType.DateTime => cell.GetDateTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                XLDataType.Number => cell.GetDouble().ToString(CultureInfo.InvariantCulture),
                _ => cell.GetString().Trim(),
            };
        }
        var header = Enumerable.Range(1, lastCol).Select(c => Cell(1, c)).ToList();
        var rows = new List<RawRow>();
        for (var r = 2; r <= lastRow; r++)
        {
            var cells = Enumerable.Range(1, lastCol).Select(c => Cell(r, c)).ToList();
            if (cells.Any(c => c.Length > 0)) rows.Add(new RawRow(r, cells));
        }
        return new RawTable(name, header, rows);
    }
}
