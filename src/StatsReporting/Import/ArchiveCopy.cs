using System.Text;

namespace StatsReporting.Import;

/// The archive's copy of a file that held personnummer: the table as it was read (title rows, header, every row),
/// each personnummer replaced by its IVO code, written as UTF-8 CSV with ';'. The number itself never reaches the
/// archive. The copy is named by the original's sha256, so the same file sent again is still "redan importerad".
/// Every column but beslut_id is replaced where a cell is a whole, valid personnummer: an export may carry one in a
/// column we do not read (a guardian's number, say), and the archive keeps that column too.
public static class ArchiveCopy
{
    /// The copy by a second reading of the file (a file whose first row held no personnummer, but a later one did).
    public static void Write(Stream to, string path, string name, ImportLimits limits, DateOnly today, CancellationToken ct)
    {
        var map = HeaderMap.For(limits);
        using var source = RowSource.Open(path, name, limits, ct, map);
        var copy = new Writer(to, source, map, today);
        foreach (var r in source.Rows) copy.Row(r.Cells);
        copy.Flush();
    }

    /// The copy written as the rows pass on their way to the validator, so the file is not read twice: begun when the
    /// first data row holds a personnummer, into an owner-only temporary file deleted when this is disposed. Whole:
    /// every row went into it.
    public sealed class Tee(RowSource source, ImportLimits limits, DateOnly today) : IDisposable
    {
        private FileStream? _file;
        private Writer? _copy;
        public bool Whole { get; private set; }

        public IEnumerable<RawRow> Rows()
        {
            var map = HeaderMap.For(limits);
            var person = -1;
            for (var i = 0; i < source.Header.Count && person < 0; i++) if (map.ColumnOf(source.Header[i]) == "person_id") person = i;
            var first = true;
            foreach (var r in source.Rows)
            {
                if (first && person >= 0 && person < r.Cells.Count && PersonNumber.HasShape(r.Cells[person]))
                {
                    var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.ReadWrite, Options = FileOptions.DeleteOnClose };
                    if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                    _file = new FileStream(Path.Combine(Path.GetTempPath(), $"statsreporting-arkiv-{Guid.NewGuid():N}.csv"), options);
                    _copy = new Writer(_file, source, map, today);
                }
                first = false;
                _copy?.Row(r.Cells);
                yield return r;
            }
            _copy?.Flush();
            Whole = _copy is not null;
        }

        public void CopyTo(Stream to)
        {
            _file!.Position = 0;
            _file.CopyTo(to);
        }

        public void Dispose() => _file?.Dispose();
    }

    private sealed class Writer
    {
        private readonly StreamWriter _w;
        private readonly int _keep = -1;
        private readonly DateOnly _today;
        private readonly StringBuilder _line = new();

        public Writer(Stream to, RowSource source, HeaderMap map, DateOnly today)
        {
            _today = today;
            for (var i = 0; i < source.Header.Count && _keep < 0; i++) if (map.ColumnOf(source.Header[i]) == "beslut_id") _keep = i;
            _w = new StreamWriter(to, new UTF8Encoding(true), 1 << 16, leaveOpen: true);
            foreach (var r in source.Skipped) Row(r.Cells);
            Row(source.Header);
        }

        public void Row(IReadOnlyList<string> cells)
        {
            _line.Clear();
            for (var i = 0; i < cells.Count; i++)
            {
                if (i > 0) _line.Append(';');
                var v = cells[i];
                if (i != _keep && PersonNumber.HasShape(v) && PersonNumber.ToIvoCode(v, _today, out var code, out _) == PersonNumber.Outcome.Ok) v = code;
                Quoted(_line, v);
            }
            _w.Write(_line);
            _w.Write("\r\n");
        }

        public void Flush() => _w.Flush();
    }

    private static void Quoted(StringBuilder line, string v)
    {
        if (v.AsSpan().IndexOfAny(";\"\r\n") < 0) { line.Append(v); return; }
        line.Append('"').Append(v.Replace("\"", "\"\"")).Append('"');
    }
}
