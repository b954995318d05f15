using System.Text;

namespace StatsReporting.Import;

/// The archive's copy of a file that held personnummer: the table as it was read (title rows, header, every row),
/// each personnummer replaced by its IVO code, written as UTF-8 CSV with ';'. The number itself never reaches the
/// archive. The copy is named by the original's sha256, so the same file sent again is still "redan importerad".
/// Every column but beslut_id is replaced where a cell is a whole, valid personnummer: an export may carry one in a
/// column we do not read (a guardian's number, say), and the archive keeps that column too.
public static class ArchiveCopy
{
    public static void Write(Stream to, string path, string name, ImportLimits limits, DateOnly today, CancellationToken ct)
    {
        var map = HeaderMap.For(limits);
        using var source = RowSource.Open(path, name, limits, ct, map);
        var keep = -1;
        for (var i = 0; i < source.Header.Count && keep < 0; i++) if (map.ColumnOf(source.Header[i]) == "beslut_id") keep = i;
        using var w = new StreamWriter(to, new UTF8Encoding(true), 1 << 16, leaveOpen: true);
        var line = new StringBuilder();
        void Write(IReadOnlyList<string> cells)
        {
            line.Clear();
            for (var i = 0; i < cells.Count; i++)
            {
                if (i > 0) line.Append(';');
                var v = cells[i];
                if (i != keep && PersonNumber.HasShape(v) && PersonNumber.ToIvoCode(v, today, out var code, out _) == PersonNumber.Outcome.Ok) v = code;
                Quoted(line, v);
            }
            w.Write(line);
            w.Write("\r\n");
        }
        foreach (var r in source.Skipped) Write(r.Cells);
        Write(source.Header);
        foreach (var r in source.Rows) Write(r.Cells);
    }

    private static void Quoted(StringBuilder line, string v)
    {
        if (v.AsSpan().IndexOfAny(";\"\r\n") < 0) { line.Append(v); return; }
        line.Append('"').Append(v.Replace("\"", "\"\"")).Append('"');
    }
}
