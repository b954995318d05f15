using System.Diagnostics;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Data.Sqlite;
using StatsReporting.FileSystem;
using StatsReporting.Storage;

namespace StatsReporting.Backups;

public sealed record BackupResult(string Folder, BackupManifest Manifest)
{
    public long Bytes => Manifest.Filer.Sum(f => f.Byte);
    public int ArchiveFiles => Manifest.Filer.Count(f => f.Fil != BackupManifest.DatabaseFile);

    /// One line for the run history and the CLI (counts and names, never content).
    public string Summary =>
        $"Säkerhetskopian {Path.GetFileName(Folder)} är skriven: databasen ({Manifest.Schemaversion}, "
        + $"{Count(Manifest.Tabeller.GetValueOrDefault("decision_versions"), "beslutsversion", "beslutsversioner")}, "
        + $"{Count(Manifest.Tabeller.GetValueOrDefault("imports"), "import", "importer")}) och {Count(ArchiveFiles, "arkivfil", "arkivfiler")}, "
        + $"{(Bytes / 1024.0 / 1024.0).ToString("F1", Sv)} MB."
        + (Manifest.Saknas.Count > 0 ? $" {Count(Manifest.Saknas.Count, "arkivfil", "arkivfiler")} som databasen nämner fanns inte att kopiera (se manifest.json)." : "");

    private static readonly System.Globalization.CultureInfo Sv = System.Globalization.CultureInfo.GetCultureInfo("sv-SE");

    private static string Count(long n, string one, string many) => $"{n} {(n == 1 ? one : many)}";
}

/// `statsreporting backup` and the nightly job: a consistent copy of the SQLite database while the service runs
/// (SQLite's online backup API, never a file copy, which can tear or miss the last commits), the archive files its
/// imports refer to, and manifest.json. All of it is written into a hidden folder beside the backups (TempNames, so a
/// killed backup's folder is swept like any of ours) and renamed into place when whole: a backup is whole or absent.
public static partial class BackupWriter
{
    public const string Prefix = "statsreporting-";

    /// How long a backup waits for a writer that holds the database (an import's commit, a run saving its sets).
    public static readonly TimeSpan WaitForWriters = TimeSpan.FromMinutes(10);

    public const string PostgresText =
        "Databasen är PostgreSQL: säkerhetskopiera och återställ den med PostgreSQL:s egna verktyg (pg_dump och pg_restore) "
        + "och kopiera arkivmappen för sig; README-avsnittet \"Säkerhetskopiering och återställning\" har kommandona. Inget har gjorts.";

    /// One backup at a time per database: a lock file beside it, released when the process ends (also by SIGKILL).
    public static IDisposable Lock(Db db)
    {
        if (db.Engine.Kind != DbProvider.Sqlite) throw new InvalidOperationException(PostgresText);
        try { return new FileStream(db.Path + ".backup-lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None); }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new InvalidOperationException("En annan säkerhetskopiering av samma databas pågår redan; försök igen när den är klar.", e);
        }
    }

    /// Takes a backup of `db` into a new folder under `root`; the caller holds Lock(db).
    public static BackupResult Take(Db db, string archive, string root, TimeProvider clock)
    {
        if (db.Engine.Kind != DbProvider.Sqlite) throw new InvalidOperationException(PostgresText);
        root = RestrictedFiles.Folder(root, restrictExisting: false);
        StaleFiles.Sweep([root]);
        var now = clock.GetUtcNow();
        var name = FreeName(root, now);
        var staging = Path.Combine(root, TempNames.For(name, ".new"));
        var final = Path.Combine(root, name);
        try
        {
            RestrictedFiles.Folder(staging);
            var copy = Path.Combine(staging, BackupManifest.DatabaseFile);
            Snapshot(db, copy);
            var (migrations, tables, referred) = Describe(copy);
            var persons = Persons(copy);
            var files = new List<ManifestFile> { Entry(staging, BackupManifest.DatabaseFile) };
            var gaps = new List<ManifestGap>();
            var archived = RestrictedFiles.Folder(Path.Combine(staging, "archive"));
            foreach (var (fileName, sha) in referred)
            {
                var relative = $"archive/{fileName}";
                var source = Path.Combine(archive, fileName);
                if (!File.Exists(source)) { gaps.Add(new(relative, "fanns inte i arkivet (gallrad eller borttagen)")); continue; }
                var (bytes, hash) = BackupManifest.CopyHashed(source, Path.Combine(archived, fileName));
                if (hash != sha)
                {
                    File.Delete(Path.Combine(archived, fileName));
                    gaps.Add(new(relative, "arkivfilen stämmer inte med sin SHA-256 (skadad i arkivet); inte med i säkerhetskopian"));
                    continue;
                }
                files.Add(new(relative, bytes, hash));
            }
            var manifest = new BackupManifest
            {
                Skapad = now,
                Program = typeof(BackupWriter).Assembly.GetName().Version?.ToString() ?? "",
                Schemaversion = migrations.LastOrDefault() ?? "",
                Migreringar = migrations,
                Tabeller = tables,
                Personer = persons,
                Filer = files,
                Saknas = gaps,
            };
            manifest.Write(Path.Combine(staging, BackupManifest.FileName));
            OutputSet.SyncFolder(archived);
            OutputSet.SyncFolder(staging);
            Directory.Move(staging, final);
            OutputSet.SyncFolder(root);
            return new(final, manifest);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputFailedException(root, e);
        }
        finally
        {
            try { if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { } // swept at the next backup
        }
    }

    /// The online backup: every page of the database as of one moment, copied inside one read transaction, so the
    /// copy holds each import whole or not at all. A writer holding the database makes it wait (busy_timeout) and try
    /// again, up to WaitForWriters.
    private static void Snapshot(Db db, string copy)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var source = (SqliteConnection)db.Open();
                using var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false }.ToString());
                target.Open();
                source.BackupDatabase(target);
                var check = target.Query<string>("PRAGMA integrity_check").ToList();
                if (check is not ["ok"])
                    throw new InvalidOperationException($"Kopian av databasen klarar inte PRAGMA integrity_check ({check.Count} fel): databasen '{UserText.Escape(db.Path)}' kan vara skadad. Ingen säkerhetskopia skrevs.");
                break;
            }
            catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6 && waited.Elapsed < WaitForWriters)
            {
                Thread.Sleep(200);
            }
            catch (SqliteException e)
            {
                throw new InvalidOperationException($"Databasen '{UserText.Escape(db.Path)}' kunde inte kopieras: {Db.Reason(e)}. Ingen säkerhetskopia skrevs.", e);
            }
        }
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(copy, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        using var f = new FileStream(copy, FileMode.Open, FileAccess.ReadWrite);
        f.Flush(flushToDisk: true);
    }

    /// From the copy, not the live database: the migrations applied, every table's rows, and the archive files
    /// (content-addressed "<sha256>.<ext>") its imports refer to.
    internal static (List<string> Migrations, Dictionary<string, long> Tables, List<(string File, string Sha)> Archive) Describe(string copy)
    {
        using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
        c.Open();
        var migrations = c.Query<string>("SELECT name FROM schema_migrations ORDER BY name").ToList();
        var tables = c.Query<string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name").ToList()
            .ToDictionary(t => t, t => c.ExecuteScalar<long>($"SELECT COUNT(*) FROM \"{t.Replace("\"", "\"\"")}\""), StringComparer.Ordinal);
        var archive = c.Query<(string Sha, string Path)>("SELECT DISTINCT sha256, archive_path FROM imports ORDER BY sha256, archive_path")
            .Select(r => (File: $"{r.Sha}{System.IO.Path.GetExtension(r.Path).ToLowerInvariant()}", r.Sha))
            .Where(r => ArchiveName().IsMatch(r.File)).Distinct().ToList();
        return (migrations, tables, archive);
    }

    private static long Persons(string copy)
    {
        using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
        c.Open();
        return c.ExecuteScalar<long>("SELECT COUNT(DISTINCT person_id) FROM decision_versions");
    }

    private static ManifestFile Entry(string folder, string relative)
    {
        var (bytes, sha) = BackupManifest.Hash(Path.Combine(folder, relative));
        return new(relative, bytes, sha);
    }

    /// "statsreporting-2026-12-07T231720Z", and "-2", "-3" … for a second backup in the same second.
    private static string FreeName(string root, DateTimeOffset at)
    {
        var stem = Prefix + at.UtcDateTime.ToString("yyyy-MM-dd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var name = stem;
        for (var i = 2; Directory.Exists(Path.Combine(root, name)); i++) name = $"{stem}-{i}";
        return name;
    }

    [GeneratedRegex("^[0-9a-f]{64}\\.(csv|xlsx)$")]
    internal static partial Regex ArchiveName();
}
