using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Dapper;
using Microsoft.Data.Sqlite;
using StatsReporting.Decisions;
using StatsReporting.Storage;

namespace StatsReporting.Import;

public sealed record ImportOutcome(string FileName, long ImportId, bool AlreadyImported, int Rows, int New, int Changed,
    int Unchanged, IReadOnlyList<ImportError> Warnings)
{
    public string Summary => AlreadyImported
        ? $"{FileName}: redan importerad (import {ImportId}), inget ändrat."
        : $"{FileName}: {Rows} beslut importerade som import {ImportId} ({New} nya, {Changed} ändrade, {Unchanged} oförändrade)"
          + (Warnings.Count > 0 ? $", {Warnings.Count} varningar." : ".");
}

/// Imports one file in one transaction: either every row is stored, or nothing is (spec §2).
public sealed class Importer(Db db, Catalog catalog, string archiveDir, TimeProvider clock)
{
    public ImportOutcome Import(string path, string? displayName = null)
    {
        var name = displayName ?? Path.GetFileName(path);
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

        const string imported = "SELECT id FROM imports WHERE sha256 = @sha";
        using var c = db.Open();
        if (c.QuerySingleOrDefault<long?>(imported, new { sha }) is { } id) return new(name, id, true, 0, 0, 0, 0, []);

        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        RawTable table;
        try { table = RawTableReader.Read(path, name); }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var kind = Path.GetExtension(path).Equals(".xlsx", StringComparison.OrdinalIgnoreCase) ? "en XLSX-fil" : "en CSV-fil";
            throw new ImportFailedException([new(name, e is NotATableException n ? n.Row : 1, null, RawTableReader.WhyUnreadable(e)
                ?? $"filen kan inte läsas som {kind}; spara den på nytt från verksamhetssystemet eller Excel.")]);
        }
        var result = RecordValidator.Validate(table, catalog, today);
        if (!result.Ok) throw new ImportFailedException(result.Problems);

        // BEGIN IMMEDIATE: one writer at a time, in this process or another. The same file sent twice at once (two
        // uploads, an upload and the quarterly job) is looked up again under the lock, and the archive is written and,
        // on failure, removed under it too, so no other import can have recorded that copy in between.
        using var tx = c.BeginTransaction();
        if (c.QuerySingleOrDefault<long?>(imported, new { sha }, tx) is { } raced) return new(name, raced, true, 0, 0, 0, 0, []);
        var archive = Path.Combine(archiveDir, sha + Path.GetExtension(path).ToLowerInvariant());
        var archivedNow = !File.Exists(archive);
        // The archive holds the case system's files as they came, personal data included: owner-only.
        if (archivedNow)
            RestrictedFiles.Write(archive, s =>
            {
                using var file = File.OpenRead(path);
                file.CopyTo(s);
            });
        try
        {
            var outcome = Store(c, tx, name, sha, archive, result.Decisions, result.Problems.Where(p => p.IsWarning).ToList(), clock.GetUtcNow());
            tx.Commit();
            return outcome;
        }
        catch
        {
            if (archivedNow) File.Delete(archive);
            throw;
        }
    }

    /// Streams the decisions into the store: one scan of the newest stored versions, then one reused INSERT per new
    /// or changed decision and one UPDATE per version leaving its law's snapshot (migration 0006).
    private static ImportOutcome Store(SqliteConnection c, SqliteTransaction tx, string name, string sha, string archive,
        IEnumerable<Decision> decisions, IReadOnlyList<ImportError> warnings, DateTimeOffset now)
    {
        const string insertImport = """
            INSERT INTO imports (file_name, sha256, archive_path, imported_at, row_count, laws)
            VALUES (@name, @sha, @archive, @at, 0, '') RETURNING id
            """;
        const string counted = "UPDATE imports SET row_count = @rows, laws = @laws WHERE id = @importId";
        var importId = c.ExecuteScalar<long>(insertImport, new { name, sha, archive, at = now.ToString("O") }, tx);
        var latest = LatestVersions.Load(c, tx);
        var laws = new HashSet<Lag>();
        int rows = 0, added = 0, changed = 0, same = 0;
        using (var store = new DecisionVersions(c, tx, importId))
        {
            foreach (var d in decisions)
            {
                rows++;
                laws.Add(d.Lag);
                var hash = DecisionVersions.Hash(d);
                ref var prev = ref latest.Find(d.BeslutId);
                if (Unsafe.IsNullRef(ref prev)) { store.Insert(d, 1, hash); added++; continue; }
                prev.Seen = true;
                if (prev.Hash == hash) same++; else changed++;
                if (prev.Open && prev.Hash == hash) continue;
                // Changed, or back unchanged after missing from a snapshot: a new version; the old one is never overwritten.
                if (prev.Open) store.Gone(prev.Id);
                store.Insert(d, prev.Version + 1, hash);
            }
            foreach (var id in latest.OpenNotSeen(laws).ToList()) store.Gone(id);
        }
        c.Execute(counted, new { rows, laws = string.Join(",", laws.Select(l => l.ToString()).Order(StringComparer.Ordinal)), importId }, tx);
        return new(name, importId, false, rows, added, changed, same, warnings);
    }
}
