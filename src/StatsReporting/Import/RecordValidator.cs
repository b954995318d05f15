using StatsReporting.Decisions;
using StatsReporting.FileSystem;

namespace StatsReporting.Import;

/// Turns a file's rows into decisions, one row at a time, or into errors naming row and column (spec §2). Problems
/// accumulate as rows pass; the check across rows (a beslut_id twice in the file) keeps one set of ids. The file is
/// good only when, after the last row, Ok is true: a consumer stores nothing before that (all or nothing).
public sealed class RecordValidator
{
    /// After this many errors reading stops: the file is refused anyway, and a person reads the first ones.
    public const int MaxErrors = 100;
    private const int MaxWarnings = 100;

    private readonly string _file;
    private readonly IReadOnlyList<string> _header;
    private readonly RowValidator _rows;
    private readonly int? _namndAt;
    /// The code of the nämnd the file is imported under; a `namnd` column must name it on every row.
    public string Namnd { get; init; } = Storage.Db.DefaultNamnd;
    // The row each beslut_id came on, by its upper-case form (X-1 and x-1 are one id to a person), with a hash of its
    // own spelling to tell an exact repeat from a twin in other case (the wording alone depends on it).
    private readonly StatsReporting.Records.IdMap<(int Row, int Spelling)> _seen = new();
    private readonly List<ImportError> _problems = [];
    private readonly List<ImportError> _found = [];
    private int _errors, _warningsLeftOut, _rowCount;
    private bool _finished;

    /// headerRow: the row the header is on (below any title rows).
    public RecordValidator(string file, IReadOnlyList<string> header, Catalog catalog, DateOnly today, ImportLimits? limits = null, int headerRow = 1)
    {
        _file = file;
        _header = header;
        if (header.Count == 0 || header.All(h => FieldText.Clean(h).Length == 0)) { Add(new(file, 1, null, "filen är tom.")); _rows = null!; return; }
        var index = HeaderMap.For(limits ?? ImportLimits.Default).Map(file, headerRow, header, _problems);
        Columns = index.OrderBy(c => c.Value).Select(c => (c.Key, FieldText.Clean(header[c.Value]))).ToList();
        _errors = _problems.Count;
        _namndAt = index.TryGetValue("namnd", out var at) ? at : null;
        _rows = new RowValidator(file, header.Count, index, catalog, today, limits ?? ImportLimits.Default);
    }

    public IReadOnlyList<ImportError> Problems => _problems;
    /// The columns found, in file order, each with the header it came from.
    public IReadOnlyList<(string Column, string Header)> Columns { get; } = [];
    /// Personnummer turned into IVO codes (none of them kept anywhere).
    public int PersonNumbers => _rows?.PersonNumbers ?? 0;
    public IReadOnlyList<ImportError> Warnings => _problems.Where(p => p.IsWarning).ToList();
    public bool Ok => _errors == 0;
    /// Data rows looked at so far.
    public int Rows => _rowCount;

    /// Validates one row: the decision, or null when the row has an error (then Ok is false).
    public Decision? Check(RawRow row)
    {
        if (_errors > 0 && _rows is null) return null;
        _rowCount++;
        var found = _found;
        found.Clear();
        var d = _rows.Validate(row, found);
        if (_namndAt is { } n && FieldText.Clean(n < row.Cells.Count ? row.Cells[n] : "") is var code && code != Namnd)
            found.Add(new(_file, row.Number, "namnd", $"nämnden '{FileSystem.UserText.Escape(code)}' stämmer inte med nämnden filen importeras till ({Namnd}); "
                + "ange rätt --namnd eller rätta kolumnen."));
        var failed = false;
        foreach (var p in found)
        {
            Add(p);
            failed |= !p.IsWarning;
        }
        if (d is null || failed) return null;
        var spelling = string.GetHashCode(d.BeslutId.AsSpan());
        ref var first = ref _seen.GetOrAdd(Folded(d.BeslutId), out var twice);
        if (twice)
        {
            Add(new(_file, row.Number, "beslut_id", first.Spelling == spelling
                ? $"beslut_id '{d.BeslutId}' finns redan på rad {first.Row} i samma fil."
                : $"beslut_id '{d.BeslutId}' på rad {row.Number} och beslut_id på rad {first.Row} skiljer sig bara i stora och små bokstäver; "
                  + "det är samma beslut för den som läser rapporten: rätta det ena i verksamhetssystemet."));
            return null;
        }
        first = (row.Number, spelling);
        return d;
    }

    /// The decisions of the rows, lazily; a reading failure (a limit, a cut-off file) becomes an error on its row and
    /// ends the rows. Stops after MaxErrors errors. Call Finish (or enumerate to the end, which calls it) before Ok.
    public IEnumerable<Decision> Decisions(IEnumerable<RawRow> rows)
    {
        if (_errors > 0) { Finish(); yield break; }
        using var e = rows.GetEnumerator();
        while (true)
        {
            RawRow row;
            try
            {
                if (!e.MoveNext()) break;
                row = e.Current;
            }
            catch (NotATableException x)
            {
                Add(new(_file, x.Row, ColumnName(x.Column), x.Message));
                break;
            }
            if (Check(row) is { } d) yield return d;
            if (_errors >= MaxErrors)
            {
                _problems.Add(new(_file, row.Number, null, $"fler än {MaxErrors} fel; läsningen avbröts här."));
                break;
            }
        }
        Finish();
    }

    public void Finish()
    {
        if (_finished) return;
        _finished = true;
        if (_errors == 0 && _rowCount == 0) Add(new(_file, 1, null, "filen innehåller inga beslut."));
        if (_rows is { FirstSamordning: > 0 and var at })
            _problems.Add(new(_file, at, "person_id", "filen har samordningsnummer (dag + 60); IVO:s vägledning säger inget om dem, så IVO-koden "
                + "behåller numrets egna siffror (dag 61–91): kontrollera med IVO att det är så de vill ha dem.", IsWarning: true));
        if (_warningsLeftOut > 0) _problems.Add(new(_file, 1, null, $"och {_warningsLeftOut} varningar till av samma slag.", IsWarning: true));
    }

    private static string Folded(string id) =>
        id.AsSpan().ContainsAnyInRange('a', 'z') || id.AsSpan().ContainsAnyExceptInRange('\u0000', '\u007f') ? id.ToUpperInvariant() : id;

    /// A reader names a column by number (CSV) or letter (XLSX); the header's own name says more.
    private string? ColumnName(string? column)
    {
        if (column is null) return null;
        var i = int.TryParse(column, out var n) ? n - 1 : column.All(char.IsAsciiLetterUpper) ? column.Aggregate(0, (a, c) => a * 26 + c - 'A' + 1) - 1 : -1;
        return i >= 0 && i < _header.Count && FieldText.Clean(_header[i]) is { Length: > 0 } h ? h : column;
    }

    private void Add(ImportError p)
    {
        if (!p.IsWarning) { _errors++; _problems.Add(p); return; }
        if (_problems.Count(x => x.IsWarning) < MaxWarnings) _problems.Add(p);
        else _warningsLeftOut++;
    }

    public sealed record Result(IReadOnlyList<Decision> Decisions, IReadOnlyList<ImportError> Problems)
    {
        public bool Ok => Problems.All(p => p.IsWarning);
    }

    /// The whole table at once (a thin wrapper over the streaming validator).
    public static Result Validate(RawTable t, Catalog catalog, DateOnly today, ImportLimits? limits = null)
    {
        var v = new RecordValidator(t.FileName, t.Header, catalog, today, limits);
        var decisions = v.Decisions(t.Rows).ToList();
        return new(decisions, v.Problems);
    }

    /// A file read and validated under limits: every valid decision in memory (for the importer of today), or
    /// the problems. Streaming consumers use RowSource and Decisions(source.Rows) instead.
    public static Result Validate(RowSource source, Catalog catalog, DateOnly today, ImportLimits limits)
    {
        var v = new RecordValidator(source.FileName, source.Header, catalog, today, limits);
        var decisions = v.Decisions(source.Rows).ToList();
        return new(decisions, source.Warnings.Concat(v.Problems).ToList());
    }
}
