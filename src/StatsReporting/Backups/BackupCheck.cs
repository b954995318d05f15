using Dapper;
using Microsoft.Data.Sqlite;
using StatsReporting.FileSystem;
using StatsReporting.Storage;

namespace StatsReporting.Backups;

/// A backup that restore refuses, with every reason found (Swedish, each naming the file).
public sealed class BackupRefusedException(string folder, IReadOnlyList<string> problems)
    : InvalidOperationException($"Säkerhetskopian '{UserText.Escape(folder)}' kan inte återställas; inget har ändrats:\n"
        + string.Join("\n", problems.Select(p => $"  - {p}")))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

/// What restore checks before it touches anything: the manifest, every file's size and SHA-256, PRAGMA
/// integrity_check on the database copy, and that its schema is not newer than this program's.
public static class BackupCheck
{
    public static BackupManifest Verify(string folder)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        if (!Directory.Exists(full)) throw new BackupRefusedException(full, ["mappen finns inte"]);
        if (Path.GetFileName(full).StartsWith('.'))
            throw new BackupRefusedException(full, ["mappen är dold: det är en säkerhetskopiering som avbröts innan den var klar, ingen hel säkerhetskopia"]);
        var manifest = BackupManifest.Read(Path.Combine(full, BackupManifest.FileName), out var unreadable)
            ?? throw new BackupRefusedException(full, [unreadable!]);
        var problems = new List<string>();
        if (manifest.Format != BackupManifest.CurrentFormat)
            problems.Add($"manifestets format {manifest.Format} är inte det här programmets ({BackupManifest.CurrentFormat})");
        problems.AddRange(SchemaProblems(manifest));
        if (!manifest.Filer.Any(f => f.Fil == BackupManifest.DatabaseFile))
            problems.Add($"manifestet nämner ingen databas ({BackupManifest.DatabaseFile})");
        foreach (var f in manifest.Filer) problems.AddRange(FileProblems(full, f));
        if (problems.Count == 0) problems.AddRange(DatabaseProblems(Path.Combine(full, BackupManifest.DatabaseFile), manifest));
        if (problems.Count > 0) throw new BackupRefusedException(full, problems);
        return manifest;
    }

    /// This program's schema: the migrations it carries, the last one its version.
    public static IReadOnlyList<string> ProgramSchema => Migrations.Scripts(DbProvider.Sqlite).Select(s => s.Name).ToList();

    private static IEnumerable<string> SchemaProblems(BackupManifest manifest)
    {
        var known = ProgramSchema;
        var unknown = manifest.Migreringar.Where(m => !known.Contains(m)).ToList();
        if (BackupManifest.SchemaNumber(manifest.Schemaversion) > BackupManifest.SchemaNumber(known[^1]) || unknown.Count > 0)
            yield return $"säkerhetskopian har schemaversion {manifest.Schemaversion}, nyare än programmets {known[^1]}"
                + (unknown.Count > 0 ? $" (okända migreringar: {string.Join(", ", unknown)})" : "")
                + ": återställ den med samma eller en nyare version av programmet";
        if (manifest.Migreringar.LastOrDefault() != manifest.Schemaversion)
            yield return $"manifestets schemaversion {manifest.Schemaversion} är inte dess sista migrering";
    }

    private static IEnumerable<string> FileProblems(string folder, ManifestFile f)
    {
        // Only the names a backup writes: a manifest cannot make restore read outside the folder.
        var allowed = f.Fil == BackupManifest.DatabaseFile
            || (f.Fil.StartsWith("archive/", StringComparison.Ordinal) && BackupWriter.ArchiveName().IsMatch(f.Fil["archive/".Length..]));
        if (!allowed) { yield return $"manifestet nämner filen '{UserText.Escape(f.Fil)}', som ingen säkerhetskopia innehåller"; yield break; }
        var path = Path.Combine(folder, f.Fil);
        if (!File.Exists(path)) { yield return $"{f.Fil} saknas"; yield break; }
        var (bytes, sha) = BackupManifest.Hash(path);
        if (bytes != f.Byte) yield return $"{f.Fil} är {bytes} byte, manifestet säger {f.Byte}: filen är ändrad eller ofullständig";
        else if (sha != f.Sha256) yield return $"{f.Fil}: SHA-256 stämmer inte med manifestet, filen är ändrad eller skadad";
        else if (f.Fil != BackupManifest.DatabaseFile && !f.Fil.Contains(sha, StringComparison.Ordinal))
            yield return $"{f.Fil}: innehållets SHA-256 är inte filens namn";
    }

    private static IEnumerable<string> DatabaseProblems(string copy, BackupManifest manifest)
    {
        var problems = new List<string>();
        try
        {
            using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
            c.Open();
            var check = c.Query<string>("PRAGMA integrity_check").ToList();
            if (check is not ["ok"]) { problems.Add($"{BackupManifest.DatabaseFile} klarar inte PRAGMA integrity_check ({check.Count} fel)"); return problems; }
        }
        catch (SqliteException e) { problems.Add($"{BackupManifest.DatabaseFile} kan inte öppnas: {Db.Reason(e)}"); return problems; }
        List<string> migrations;
        Dictionary<string, long> tables;
        try { (migrations, tables, _) = BackupWriter.Describe(copy); }
        catch (SqliteException e) { problems.Add($"{BackupManifest.DatabaseFile} är ingen databas från det här programmet: {Db.Reason(e)}"); return problems; }
        if (!migrations.SequenceEqual(manifest.Migreringar))
            problems.Add($"databasens migreringar ({migrations.LastOrDefault()}) är inte manifestets ({manifest.Schemaversion})");
        foreach (var (table, rows) in manifest.Tabeller)
            if (tables.GetValueOrDefault(table, -1) != rows)
                problems.Add($"tabellen {table} har {tables.GetValueOrDefault(table, 0)} rader i databasen, manifestet säger {rows}");
        return problems;
    }
}
