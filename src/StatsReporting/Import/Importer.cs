using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Dapper;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using StatsReporting.Decisions;
using StatsReporting.Storage;
using StatsReporting.FileSystem;

namespace StatsReporting.Import;

public sealed record ImportOutcome(string FileName, long ImportId, bool AlreadyImported, int Rows, int New, int Changed,
    int Unchanged, IReadOnlyList<ImportError> Warnings)
{
    public string Summary => AlreadyImported
        ? $"{FileName}: redan importerad (import {ImportId}), inget ändrat."
        : $"{FileName}: {Rows} beslut importerade som import {ImportId} ({New} nya, {Changed} ändrade, {Unchanged} oförändrade)"
          + (Warnings.Count > 0 ? $", {Warnings.Count} varningar." : ".");
}

/// Imports one file in one transaction: either every row is stored, or nothing is (spec §2). The file streams through
/// reader, validator and store in one pass (never held in memory whole); its rows are stored as they come, inside
/// the transaction, which is rolled back when any row had an error, so every error is still reported with row and
/// column and a file with any error stores nothing.
public sealed class Importer(Db db, Catalog catalog, string archiveDir, TimeProvider clock, ImportLimits? limits = null)
{
    private readonly ImportLimits _limits = limits ?? ImportLimits.Default;

    public ImportOutcome Import(string path, string? displayName = null, CancellationToken ct = default)
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
        if (c.QuerySingleOrDefault<long?>(imported, new { sha }) is { } id) return new(name, id, true, 0, 0, 0, 0, []);

        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        using var source = Open(path, name, ct);
        var validator = new RecordValidator(source.FileName, source.Header, catalog, today, _limits) { Namnd = db.Namnd };

        // BEGIN IMMEDIATE: one writer at a time, in this process or another. The same file sent twice at once (two
        // uploads, an upload and the quarterly job) is looked up again under the lock, and the archive is written and,
        // on failure, removed under it too, so no other import can have recorded that copy in between.
        using var tx = c.BeginTransaction();
        Db.WriteLock(c, tx); // Postgres: the same one-writer rule, as an advisory lock held to commit or rollback
        if (c.QuerySingleOrDefault<long?>(imported, new { sha }, tx) is { } raced) return new(name, raced, true, 0, 0, 0, 0, []);
        var archive = Path.Combine(archiveDir, sha + Path.GetExtension(path).ToLowerInvariant());
        // The file is read and validated on a second thread while this one stores (ReadAhead); validator.Ok is read
        // again once the store has consumed every decision, when that thread has ended.
        var decisions = ReadAhead.Of(Guarded(validator.Decisions(source.Rows), name, path).Select(VersionRow.Of));
        var outcome = Store(c, tx, db.Namnd, name, sha, archive, decisions, () => validator.Ok, clock.GetUtcNow());
        var problems = source.Warnings.Concat(validator.Problems).ToList();
        if (!validator.Ok) throw new ImportFailedException(problems);   // the transaction rolls back: nothing stored
        var archivedNow = !File.Exists(archive);
        try
        {
            // The archive holds the case system's files as they came, personal data included: owner-only.
            if (archivedNow)
                RestrictedFiles.Write(archive, s =>
                {
                    using var file = File.OpenRead(path);
                    file.CopyTo(s);
                });
            tx.Commit();
            return outcome with { Warnings = problems.Where(p => p.IsWarning).ToList() };
        }
        catch
        {
            if (archivedNow) File.Delete(archive);
            throw;
        }
    }

    private RowSource Open(string path, string name, CancellationToken ct)
    {
        try { return RowSource.Open(path, name, _limits, ct); }
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

    /// SQLite streams the decisions through prepared statements; Postgres bulk-loads them (PostgresStore).
    private static ImportOutcome Store(DbConnection c, DbTransaction tx, string namnd, string name, string sha, string archive,
        IEnumerable<VersionRow> decisions, Func<bool> fileOk, DateTimeOffset now)
    {
        if (c is SqliteConnection lite) return Store(lite, (SqliteTransaction)tx, namnd, name, sha, archive, decisions, fileOk, now);
        var importId = c.ExecuteScalar<long>(PostgresStore.InsertImport, new { name, sha, archive, at = now.ToString("O") }, tx);
        var (rows, laws, added, changed, same) = PostgresStore.Store((Npgsql.NpgsqlConnection)c, (Npgsql.NpgsqlTransaction)tx, importId, decisions, fileOk);
        c.Execute(Counted, new { rows, laws = Laws(laws), importId }, tx);
        return new(name, importId, false, rows, (int)added, (int)changed, (int)same, []);
    }

    private const string InsertImport = """
        INSERT INTO imports (namnd, file_name, sha256, archive_path, imported_at, row_count, laws)
        VALUES (namnd(), @name, @sha, @archive, @at, 0, '') RETURNING id
        """;
    private const string Counted = "UPDATE imports SET row_count = @rows, laws = @laws WHERE id = @importId";

    /// The laws of a file as imports.laws stores them ("LSS,SoL"), on both providers.
    internal static string Laws(IEnumerable<Lag> laws) => string.Join(",", laws.Select(l => l.ToString()).Order(StringComparer.Ordinal));

    /// Streams the decisions into the store: one scan of the newest stored versions, then the new and changed
    /// decisions INSERTed 64 to a statement (DecisionVersions) and one UPDATE per version leaving its law's snapshot
    /// (migration 0006).
    private static ImportOutcome Store(SqliteConnection c, SqliteTransaction tx, string namnd, string name, string sha, string archive,
        IEnumerable<VersionRow> decisions, Func<bool> fileOk, DateTimeOffset now)
    {
        var importId = c.ExecuteScalar<long>(InsertImport, new { name, sha, archive, at = now.ToString("O") }, tx);
        var latest = LatestVersions.Load(c, tx);
        var laws = new HashSet<Lag>();
        int rows = 0, added = 0, changed = 0, same = 0;
        using (var store = new DecisionVersions(c, tx, importId, namnd))
        {
            foreach (var row in decisions)
            {
                rows++;
                // After an error the file is refused: the rest is only read, for the errors it holds.
                if (!fileOk()) continue;
                laws.Add(row.Decision.Lag);
                ref var prev = ref latest.Find(row.Decision.BeslutId);
                if (Unsafe.IsNullRef(ref prev)) { store.Insert(row, 1); added++; continue; }
                prev.Seen = true;
                if (prev.Hash == row.Hash) same++; else changed++;
                if (prev.Open && prev.Hash == row.Hash) continue;
                // Changed, or back unchanged after missing from a snapshot: a new version; the old one is never overwritten.
                if (prev.Open) store.Gone(prev.Id);
                store.Insert(row, prev.Version + 1);
            }
            store.Flush();
            foreach (var id in latest.OpenNotSeen(laws)) store.Gone(id);
        }
        c.Execute(Counted, new { rows, laws = Laws(laws), importId }, tx);
        return new(name, importId, false, rows, added, changed, same, []);
    }
}
