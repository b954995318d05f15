using System.Security.Cryptography;
using Dapper;
using System.Data.Common;
using StatsReporting.Decisions;
using StatsReporting.Storage;
using StatsReporting.FileSystem;
using StatsReporting.Logg;
using StatsReporting.Records;

namespace StatsReporting.Import;

/// Checked: a dry run (`import --check`), which stored nothing. Columns: each column found with the header it came
/// from; Skipped: the rows above the header; PersonNumbers: how many personnummer became IVO codes.
public sealed record ImportOutcome(string FileName, long ImportId, bool AlreadyImported, int Rows, int New, int Changed,
    int Unchanged, IReadOnlyList<ImportError> Warnings)
{
    public bool Checked { get; init; }
    public IReadOnlyList<(string Column, string Header)> Columns { get; init; } = [];
    public int HeaderRow { get; init; } = 1;
    public IReadOnlyList<int> Skipped { get; init; } = [];
    public int PersonNumbers { get; init; }

    public string Summary => (AlreadyImported, Checked) switch
    {
        (true, false) => $"{FileName}: redan importerad (import {ImportId}), inget ändrat.",
        (true, true) => $"{FileName}: redan importerad (import {ImportId}); en import skulle inte ändra något.",
        (false, false) => $"{FileName}: {Rows} beslut importerade som import {ImportId} ({New} nya, {Changed} ändrade, {Unchanged} oförändrade)"
            + (Warnings.Count > 0 ? $", {Warnings.Count} varningar." : ".") + Details,
        _ => $"{FileName}: kontrollerad, inget sparat. En import skulle ge {Rows} beslut ({New} nya, {Changed} ändrade, {Unchanged} oförändrade)"
            + (Warnings.Count > 0 ? $", {Warnings.Count} varningar." : ".") + Details,
    };

    private string Details =>
        (Skipped.Count > 0 ? $" Rubrikraden är rad {HeaderRow}; {RowList(Skipped)} ovanför den hoppades över." : "")
        + (PersonNumbers > 0 ? $" {PersonNumbers} personnummer ersattes med IVO-kod vid inläsningen." : "");

    /// "rad 1", "rad 1 och 2", "rad 1, 2 och 3".
    private static string RowList(IReadOnlyList<int> rows) =>
        "rad " + (rows.Count == 1 ? $"{rows[0]}" : $"{string.Join(", ", rows.Take(rows.Count - 1))} och {rows[^1]}");

    /// What `--check` and the form's "Kontrollera" show under the summary: the columns found and their headers.
    public IEnumerable<string> ColumnLines => Columns.Select(c =>
        c.Column == c.Header ? $"  {c.Column}" : $"  {c.Column} ← rubriken '{UserText.Escape(c.Header)}'");
}

/// Imports one file in one transaction: either every row is stored, or nothing is (spec §2). The file streams through
/// reader, validator and store in one pass (never held in memory whole); its rows are stored as they come, inside
/// the transaction, which is rolled back when any row had an error, so every error is still reported with row and
/// column and a file with any error stores nothing.
public sealed class Importer(Db db, Catalog catalog, string archiveDir, TimeProvider clock, ImportLimits? limits = null)
{
    private readonly ImportLimits _limits = limits ?? ImportLimits.Default;

    /// `by`: who imports, for the behandlingslogg row written in the import's transaction (the file holds IVO codes);
    /// default this process (user@machine). A refused file stores nothing, that row included.
    public ImportOutcome Import(string path, string? displayName = null, CancellationToken ct = default, Actor? by = null) =>
        Run(path, displayName, ct, check: false, by ?? Actor.ThisProcess);

    /// The dry run: the whole file read, validated and compared with what is stored, in a transaction that is rolled
    /// back; no archive copy and no behandlingslogg row. The outcome says what an import would do.
    public ImportOutcome Check(string path, string? displayName = null, CancellationToken ct = default) =>
        Run(path, displayName, ct, check: true, Actor.ThisProcess);

    private ImportOutcome Run(string path, string? displayName, CancellationToken ct, bool check, Actor by)
    {
        // Shown in messages and the log: a name holding control characters is kept visible, never echoed raw.
        var name = UserText.Escape(displayName ?? Path.GetFileName(path));
        // A FIFO or a device is refused before anything opens it, and so is a file over Import:MaxFileBytes.
        try { InputFile.Check(path, _limits); }
        catch (NotATableException e) { throw new ImportFailedException([new(name, 1, null, e.Message)]); }
        // Hashed as a stream: the file is never held in memory whole.
        string sha;
        try
        {
            using var file = File.OpenRead(path);
            sha = Convert.ToHexStringLower(SHA256.HashData(file));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ImportFailedException([new(name, 1, null, "filen kan inte läsas (det är en mapp, eller läsrätt saknas).")]);
        }

        const string imported = "SELECT id FROM imports WHERE namnd = namnd() AND sha256 = @sha";
        using var c = db.Open();
        if (c.QuerySingleOrDefault<long?>(imported, new { sha }) is { } id) return new(name, id, true, 0, 0, 0, 0, []) { Checked = check };

        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        using var source = Open(path, name, ct);
        var validator = new RecordValidator(source.FileName, source.Header, catalog, today, _limits, source.HeaderRow) { Namnd = db.Namnd };

        // BEGIN IMMEDIATE: one writer at a time, in this process or another. The same file sent twice at once (two
        // uploads, an upload and the quarterly job) is looked up again under the lock, and the archive is written and,
        // on failure, removed under it too, so no other import can have recorded that copy in between.
        using var tx = c.BeginTransaction();
        db.WriteLock(c, tx); // Postgres: the same one-writer rule, as an advisory lock held to commit or rollback
        if (c.QuerySingleOrDefault<long?>(imported, new { sha }, tx) is { } raced) return new(name, raced, true, 0, 0, 0, 0, []) { Checked = check };
        var archive = Path.Combine(archiveDir, sha + Path.GetExtension(path).ToLowerInvariant());
        // The file is read and validated on a second thread while this one stores (ReadAhead); validator.Ok is read
        // again once the store has consumed every decision, when that thread has ended.
        var persons = new HashSet<string>(StringComparer.Ordinal); // for the log: how many persons the file holds
        using var tee = new ArchiveCopy.Tee(source, _limits, today);
        var decisions = ReadAhead.Of(Guarded(validator.Decisions(check ? source.Rows : tee.Rows()), name, path).Select(d =>
        {
            persons.Add(d.PersonId);
            return VersionRow.Of(d);
        }));
        var stored = VersionStore.For(db).Store(c, tx, new ImportFile(name, sha, archive, clock.GetUtcNow()), decisions, () => validator.Ok);
        var problems = source.Warnings.Concat(validator.Problems).ToList();
        var outcome = new ImportOutcome(name, stored.ImportId, false, stored.Rows, stored.Added, stored.Changed, stored.Unchanged, [])
        {
            Checked = check, Columns = validator.Columns, HeaderRow = source.HeaderRow, Skipped = source.Skipped.Select(r => r.Number).ToList(),
            PersonNumbers = validator.PersonNumbers, Warnings = problems.Where(p => p.IsWarning).ToList(),
        };
        if (!validator.Ok) throw new ImportFailedException(problems);   // the transaction rolls back: nothing stored
        if (check)
        {
            tx.Rollback();
            return outcome;
        }
        // A file with personnummer is archived as a copy with IVO codes in their place (ArchiveCopy), never as it came.
        if (validator.PersonNumbers > 0 && !archive.EndsWith(".csv", StringComparison.Ordinal))
        {
            archive = Path.ChangeExtension(archive, ".csv");
            const string archivedAs = "UPDATE imports SET archive_path = @archive WHERE id = @id";
            c.Execute(archivedAs, new { archive, id = stored.ImportId }, tx);
        }
        var archivedNow = !File.Exists(archive);
        try
        {
            // The archive holds the case system's files as they came, personal data included: owner-only.
            if (archivedNow)
                RestrictedFiles.Write(archive, s =>
                {
                    if (validator.PersonNumbers > 0 && tee.Whole) { tee.CopyTo(s); return; }
                    if (validator.PersonNumbers > 0) { ArchiveCopy.Write(s, path, name, _limits, today, ct); return; }
                    using var file = File.OpenRead(path);
                    file.CopyTo(s);
                });
            Behandlingslogg.Write(db, c, tx, by.Did(Handling.Import, Resultat.Ok) with
                { Objekt = name, Namnd = db.Namnd, AntalPersoner = persons.Count }, clock.GetUtcNow());
            tx.Commit();
            return outcome;
        }
        catch
        {
            if (archivedNow) File.Delete(archive);
            throw;
        }
    }

    private RowSource Open(string path, string name, CancellationToken ct)
    {
        try { return RowSource.Open(path, name, _limits, ct, HeaderMap.For(_limits)); }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException)) { throw Unreadable(e, name, path); }
    }

    /// A reading failure the validator does not turn into a row's error (a damaged workbook, say) refuses the file.
    private static IEnumerable<Decision> Guarded(IEnumerable<Decision> decisions, string name, string path)
    {
        using var e = decisions.GetEnumerator();
        while (true)
        {
            try
            {
                if (!e.MoveNext()) yield break;
            }
            catch (Exception x) when (x is not (OutOfMemoryException or OperationCanceledException or DbException)) { throw Unreadable(x, name, path); }
            yield return e.Current;
        }
    }

    private static ImportFailedException Unreadable(Exception e, string name, string path)
    {
        var kind = RowSource.IsXlsx(path) ? "en XLSX-fil" : "en CSV-fil";
        return new ImportFailedException([new(name, e is NotATableException n ? n.Row : 1, (e as NotATableException)?.Column, RawTableReader.WhyUnreadable(e)
            ?? $"filen kan inte läsas som {kind}; spara den på nytt från verksamhetssystemet eller Excel.")]);
    }
}
