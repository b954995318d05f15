namespace StatsReporting.Import;

/// One input file opened for reading under Import's limits: the header once, then the data rows one at a time
/// (Rows can be enumerated once). Nothing here holds more than one row; the caller decides what to keep.
/// Every refusal is a NotATableException with a Swedish reason, the row and, where known, the column.
public sealed class RowSource : IDisposable
{
    private readonly Stream _file;
    private readonly IEnumerator<RawRow> _rows;
    private readonly ImportLimits _limits;
    private bool _started;

    public string FileName { get; }
    public IReadOnlyList<string> Header { get; }
    /// What the reader noticed about the file as a whole (a stray non-UTF-8 byte), as warnings naming rows.
    public IReadOnlyList<ImportError> Warnings { get; }

    private RowSource(string name, Stream file, IEnumerator<RawRow> rows, ImportLimits limits, IReadOnlyList<ImportError> warnings)
    {
        FileName = name;
        _file = file;
        _rows = rows;
        _limits = limits;
        Warnings = warnings;
        // The header is the sheet's row 1 (an XLSX may start lower: then there is no header, and the validator says so).
        _first = _rows.MoveNext() ? _rows.Current : null;
        if (_first is { Number: 1 }) { Header = _first.Cells; _first = null; }
        else Header = [];
    }

    private RawRow? _first;

    /// Opens path (shown to the user as displayName) after checking that it is a regular file within MaxFileBytes.
    public static RowSource Open(string path, string? displayName, ImportLimits limits, CancellationToken ct = default)
    {
        var name = displayName ?? Path.GetFileName(path);
        InputFile.Check(path, limits);
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        try
        {
            if (IsXlsx(path)) return new RowSource(name, file, XlsxRows.Read(file, limits, ct).GetEnumerator(), limits, []);
            var enc = TextEncoding.Detect(file);
            var warnings = enc.StrayLines.Select(line => new ImportError(name, line, null,
                "tecken som inte är UTF-8 lästes som Windows-1252 (resten av filen är UTF-8); kontrollera å, ä och ö på raden.", IsWarning: true)).ToList();
            return new RowSource(name, file, CsvRows.Read(file, enc, limits, ct).GetEnumerator(), limits, warnings);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    public static bool IsXlsx(string path) => Path.GetExtension(path).ToLowerInvariant() is ".xlsx" or ".xlsm";

    /// The data rows that have any text, in file order; MaxRows and MaxCells are counted here for every reader.
    public IEnumerable<RawRow> Rows
    {
        get
        {
            if (_started) throw new InvalidOperationException("Rows can be read once.");
            _started = true;
            return Read();
        }
    }

    private IEnumerable<RawRow> Read()
    {
        long cells = Header.Count;
        var count = 0;
        for (var row = _first ?? Next(); row is not null; row = Next())
        {
            cells += row.Cells.Count;
            if (cells > _limits.MaxCells)
                throw new NotATableException($"filen har fler än {_limits.MaxCells} celler (gränsen Import:MaxCells).", row.Number);
            if (!row.Cells.Any(c => c.Length > 0)) continue;
            if (++count > _limits.MaxRows)
                throw new NotATableException($"filen har fler än {_limits.MaxRows} rader (gränsen Import:MaxRows).", row.Number);
            yield return row;
        }
    }

    private RawRow? Next() => _rows.MoveNext() ? _rows.Current : null;

    public void Dispose()
    {
        _rows.Dispose();
        _file.Dispose();
    }
}
