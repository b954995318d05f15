namespace StatsReporting.Import;

/// A file's cells as text: a header and data rows, each row with its number as a person sees it (header = row 1).
public sealed record RawTable(string FileName, IReadOnlyList<string> Header, IReadOnlyList<RawRow> Rows);

/// InexactNumbers: the columns where an XLSX held a number too long for Excel to keep every digit (16 or more);
/// Fractions: the columns where it held a number that is not whole.
public sealed record RawRow(int Number, IReadOnlyList<string> Cells)
{
    public IReadOnlyList<int> InexactNumbers { get; init; } = [];
    public IReadOnlyList<int> Fractions { get; init; } = [];
}

/// The input cannot be read as a table; the message is Swedish, for the user, Row the line where reading failed
/// and Column, when known, the column (a letter in an XLSX, a number in a CSV).
public sealed class NotATableException(string message, int row = 1, string? column = null) : Exception(message)
{
    public int Row { get; } = row;
    public string? Column { get; } = column;
}

/// Whole-file entry points over RowSource, for callers that want every row at once (a published table is small).
public static class RawTableReader
{
    public static RawTable Read(string path, string? displayName = null, ImportLimits? limits = null, CancellationToken ct = default)
    {
        using var source = RowSource.Open(path, displayName, limits ?? ImportLimits.Default, ct);
        return new RawTable(source.FileName, source.Header, source.Rows.ToList());
    }

    /// Decodes a whole CSV file's bytes the way RowSource does (see TextEncoding.Detect).
    public static string Decode(byte[] bytes)
    {
        using var s = new MemoryStream(bytes, writable: false);
        var enc = TextEncoding.Detect(s);
        return enc.Encoding.GetString(bytes, enc.Preamble, bytes.Length - enc.Preamble);
    }

    public static RawTable ReadCsv(byte[] bytes, string name, ImportLimits? limits = null)
    {
        using var s = new MemoryStream(bytes, writable: false);
        var enc = TextEncoding.Detect(s);
        var records = CsvRows.Read(s, enc, limits ?? ImportLimits.Default, CancellationToken.None).ToList();
        if (records.Count == 0) return new RawTable(name, [], []);
        return new RawTable(name, records[0].Cells, records.Skip(1).Where(r => r.Cells.Any(c => c.Length > 0)).ToList());
    }

    /// The reason, in Swedish, for a known failure to read a file, or null. ClosedXML no longer reads input, but the
    /// message for a workbook with pictures on a machine without libgdiplus stays for the callers that still open one.
    public static string? WhyUnreadable(Exception e)
    {
        if (e is NotATableException) return e.Message;
        for (var x = e; x is not null; x = x.InnerException)
            if (x is DllNotFoundException && x.Message.Contains("gdiplus", StringComparison.OrdinalIgnoreCase))
                return "arbetsboken innehåller bilder eller diagram, och de kan inte öppnas på den här datorn (systempaketet libgdiplus "
                       + "saknas): ta bort bilderna eller spara det första bladet som CSV och använd den filen.";
        return null;
    }
}
