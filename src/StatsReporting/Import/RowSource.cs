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

    /// The row the header is on (a person's row number; 1 when the file has none).
    public int HeaderRow { get; } = 1;
    /// Non-empty rows above the header (a title such as "Ej verkställda beslut, uttag 2025-07-01"), skipped.
    public IReadOnlyList<RawRow> Skipped { get; } = [];

    /// How far down a decision file's header may be.
    public const int HeaderSearchRows = 10;

    private RowSource(string name, Stream file, IEnumerator<RawRow> rows, ImportLimits limits, IReadOnlyList<ImportError> warnings, HeaderMap? decisions)
    {
        FileName = name;
        _file = file;
        _rows = rows;
        _limits = limits;
        Warnings = warnings;
        if (decisions is null)
        {
            // A table: the header is the sheet's row 1 (an XLSX may start lower: then there is no header).
            var first = _rows.MoveNext() ? _rows.Current : null;
            if (first is { Number: 1 }) Header = first.Cells;
            else { Header = []; if (first is not null) _ahead.Enqueue(first); }
            return;
        }
        // A decision file: the header is the first of the first rows that names every required column; the rows above
        // it are titles. Without such a row, the first row with text is taken, and the validator names what it lacks.
        var above = new List<RawRow>();
        RawRow? beyond = null;
        while (_rows.MoveNext())
        {
            var row = _rows.Current;
            if (row.Number > HeaderSearchRows) { beyond = row; break; }
            if (!row.Cells.Any(c => c.Length > 0)) continue;
            if (decisions.HoldsRequired(row.Cells))
            {
                (Header, HeaderRow, Skipped) = (row.Cells, row.Number, above);
                return;
            }
            above.Add(row);
        }
        if (above.Count > 0)
        {
            (Header, HeaderRow) = (above[0].Cells, above[0].Number);
            foreach (var r in above.Skip(1)) _ahead.Enqueue(r);
        }
        else Header = [];
        if (beyond is not null) _ahead.Enqueue(beyond);
    }

    // Rows read while looking for the header that are data after all.
    private readonly Queue<RawRow> _ahead = new();

    /// Opens path (shown to the user as displayName) after checking that it is a regular file within MaxFileBytes.
    /// `decisions`: the file is a decision file, whose header may stand below title rows and have the kommun's names.
    public static RowSource Open(string path, string? displayName, ImportLimits limits, CancellationToken ct = default, HeaderMap? decisions = null)
    {
        var name = displayName ?? Path.GetFileName(path);
        InputFile.Check(path, limits);
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        try
        {
            if (IsXlsx(path)) return new RowSource(name, file, XlsxRows.Read(file, limits, ct, decisions).GetEnumerator(), limits, [], decisions);
            var enc = TextEncoding.Detect(file);
            var warnings = enc.StrayLines.Select(line => new ImportError(name, line, null,
                "tecken som inte är UTF-8 lästes som Windows-1252 (resten av filen är UTF-8); kontrollera å, ä och ö på raden.", IsWarning: true)).ToList();
            return new RowSource(name, file, CsvRows.Read(file, enc, limits, ct).GetEnumerator(), limits, warnings, decisions);
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
        for (var row = Next(); row is not null; row = Next())
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

    private RawRow? Next() => _ahead.Count > 0 ? _ahead.Dequeue() : _rows.MoveNext() ? _rows.Current : null;

    public void Dispose()
    {
        _rows.Dispose();
        _file.Dispose();
    }
}
