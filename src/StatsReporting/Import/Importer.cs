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
public sealed class Importer(Db db, Catalog catalog, string archiveDir, TimeProvider clock, ImportLimits? limits = null)
{
    private readonly ImportLimits _limits = limits ?? ImportLimits.Default;

    public ImportOutcome Import(string path, string? displayName = null, CancellationToken ct = default)
    {
        var name = displayName ?? Path.GetFileName(path);
        byte[] bytes;
        // A FIFO or a device is refused before anything opens it, and so is a file over Import:MaxFileBytes.
        try { InputFile.Check(path, _limits); }
        catch (NotATableException e) { throw new ImportFailedException([new(name, 1, null, e.Message)]); }
        try { bytes = File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ImportFailedException([new(name, 1, null, "filen kan inte läsas (det är en mapp, eller läsrätt saknas).")]);
        }
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));

        const string imported = "SELECT id FROM imports WHERE sha256 = @sha";
        using var c = db.Open();
        if (c.QuerySingleOrDefault<long?>(imported, new { sha }) is { } id) return new(name, id, true, 0, 0, 0, 0, []);

        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        RecordValidator.Result result;
        try
        {
            using var source = RowSource.Open(path, name, _limits, ct);
            result = RecordValidator.Validate(source, catalog, today, _limits);
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
        {
            var kind = Path.GetExtension(path).Equals(".xlsx", StringComparison.OrdinalIgnoreCase) ? "en XLSX-fil" : "en CSV-fil";
            throw new ImportFailedException([new(name, e is NotATableException n ? n.Row : 1, (e as NotATableException)?.Column, RawTableReader.WhyUnreadable(e)
                ?? $"filen kan inte läsas som {kind}; spara den på nytt från verksamhetssystemet eller Excel.")]);
        }
        if (!result.Ok) throw new ImportFailedException(result.Problems);

        // BEGIN IMMEDIATE: one writer at a time, in this process or another. The same file sent twice at once (two
        // uploads, an upload and the quarterly job) is looked up again under the lock, and the archive is written and,
        // on failure, removed under it too, so no other import can have recorded that copy in between.
        using var tx = c.BeginTransaction();
        if (c.QuerySingleOrDefault<long?>(imported, new { sha }, tx) is { } raced) return new(name, raced, true, 0, 0, 0, 0, []);
        var archive = Path.Combine(archiveDir, sha + Path.GetExtension(path).ToLowerInvariant());
        var archivedNow = !File.Exists(archive);
        // The archive holds the case system's files as they came, personal data included: owner-only.
        if (archivedNow) RestrictedFiles.Write(archive, s => s.Write(bytes));
        try
        {
            var outcome = Store(c, tx, name, sha, archive, result, clock.GetUtcNow());
            tx.Commit();
            return outcome;
        }
        catch
        {
            if (archivedNow) File.Delete(archive);
            throw;
        }
    }

    private static ImportOutcome Store(SqliteConnection c, SqliteTransaction tx, string name, string sha, string archive,
        RecordValidator.Result result, DateTimeOffset now)
    {
        const string insertImport = """
            INSERT INTO imports (file_name, sha256, archive_path, imported_at, row_count, laws)
            VALUES (@name, @sha, @archive, @at, @rows, @laws) RETURNING id
            """;
        const string latest = """
            SELECT id AS Id, version AS Version, beslut_id AS BeslutId, person_id AS PersonId, kon AS Kon, lag AS Lag, verksamhet AS Verksamhet,
                   insats AS Insats, enhet AS Enhet, beslutsdatum AS Beslutsdatum, avbrottsdatum AS Avbrottsdatum,
                   verkstallt_datum AS VerkstalltDatum, avslutat_datum AS AvslutatDatum, orsak AS Orsak, kommentar AS Kommentar,
                   fodelsedatum AS Fodelsedatum
            FROM decision_versions WHERE beslut_id = @BeslutId ORDER BY version DESC LIMIT 1
            """;
        const string insertVersion = """
            INSERT INTO decision_versions (beslut_id, version, import_id, person_id, kon, lag, verksamhet, insats, enhet,
                beslutsdatum, avbrottsdatum, verkstallt_datum, avslutat_datum, orsak, kommentar, fodelsedatum)
            VALUES (@BeslutId, @Version, @ImportId, @PersonId, @Kon, @Lag, @Verksamhet, @Insats, @Enhet,
                @Beslutsdatum, @Avbrottsdatum, @VerkstalltDatum, @AvslutatDatum, @Orsak, @Kommentar, @Fodelsedatum) RETURNING id
            """;
        const string link = "INSERT INTO import_decisions (import_id, beslut_id, version_id) VALUES (@importId, @beslutId, @versionId)";

        var laws = string.Join(",", result.Decisions.Select(d => d.Lag.ToString()).Distinct().Order());
        var importId = c.ExecuteScalar<long>(insertImport,
            new { name, sha, archive, at = now.ToString("O"), rows = result.Decisions.Count, laws }, tx);
        int added = 0, changed = 0, same = 0;
        foreach (var d in result.Decisions)
        {
            var row = StoredVersion.Of(d, importId);
            var prev = c.QuerySingleOrDefault<StoredVersion>(latest, new { d.BeslutId }, tx);
            long versionId;
            if (prev is not null && prev.SameContent(row)) { versionId = prev.Id; same++; }
            else
            {
                versionId = c.ExecuteScalar<long>(insertVersion, row with { Version = (prev?.Version ?? 0) + 1 }, tx);
                if (prev is null) added++; else changed++;
            }
            c.Execute(link, new { importId, beslutId = d.BeslutId, versionId }, tx);
        }
        return new(name, importId, false, result.Decisions.Count, added, changed, same, result.Problems.Where(p => p.IsWarning).ToList());
    }

    /// A stored version: the decision's columns plus the version's own.
    private sealed record StoredVersion : DecisionStore.DecisionRow
    {
        public long Id { get; init; }
        public long Version { get; init; }
        public long ImportId { get; init; }

        public static StoredVersion Of(Decision d, long importId) => Of<StoredVersion>(d) with { ImportId = importId };

        public bool SameContent(StoredVersion o) => this with { Id = 0, Version = 0, ImportId = 0 } == o with { Id = 0, Version = 0, ImportId = 0 };
    }
}
