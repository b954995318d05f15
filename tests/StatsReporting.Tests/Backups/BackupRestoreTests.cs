using System.Security.Cryptography;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using StatsReporting.Jobs;
using StatsReporting.Tests.Support;

namespace StatsReporting.Tests.Backups;

/// `statsreporting backup` and `restore` as a kommun's IT runs them: the real CLI in its own process, a real SQLite
/// file with the sample imported, the backup folder and the restored database read back.
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class BackupRestoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("statsreporting-backup-").FullName;
    private string Work => Path.Combine(_dir, "work");
    private string DbPath => Path.Combine(Work, "data", "statsreporting.db");
    private string BackupRoot => Path.Combine(Work, "data", "backup");
    /// This program's schema version: the last migration it carries.
    private static readonly string Schema = StatsReporting.Backups.BackupCheck.ProgramSchema[^1];
    private static readonly string SampleSha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(TestEnv.SampleCsv)));

    public BackupRestoreTests()
    {
        Directory.CreateDirectory(Work);
        Assert.Equal(0, CliProcess.Run(Work, "import", TestEnv.SampleCsv, "--db", DbPath).ExitCode);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string TakeBackup()
    {
        var r = CliProcess.Run(Work, "backup", "--db", DbPath);
        Assert.True(r.ExitCode == 0, r.Stderr);
        return Assert.Single(Directory.GetDirectories(BackupRoot));
    }

    [Fact]
    public void A_backup_holds_the_database_its_archive_file_and_a_manifest_and_restores_to_the_same_records()
    {
        var r = CliProcess.Run(Work, "backup", "--db", DbPath);
        Assert.Equal(0, r.ExitCode);
        var folder = Assert.Single(Directory.GetDirectories(BackupRoot));
        Assert.Matches(@"^statsreporting-\d{4}-\d{2}-\d{2}T\d{6}Z$", Path.GetFileName(folder));
        Assert.Contains($"Säkerhetskopian {Path.GetFileName(folder)} är skriven: databasen ({Schema}, 309 beslutsversioner, 1 import) och 1 arkivfil", r.Stdout);
        Assert.Equal(["archive/" + SampleSha + ".csv", "manifest.json", "statsreporting.db"],
            Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f)).Order(StringComparer.Ordinal));
        // Personal data: owner-only, like the database.
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(folder, "statsreporting.db")));
        Assert.Equal(File.ReadAllBytes(TestEnv.SampleCsv), File.ReadAllBytes(Path.Combine(folder, "archive", SampleSha + ".csv")));

        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "manifest.json")));
        var m = manifest.RootElement;
        Assert.Equal(Schema, m.GetProperty("schemaversion").GetString());
        Assert.Equal(309, m.GetProperty("tabeller").GetProperty("decision_versions").GetInt64());
        Assert.Equal(1, m.GetProperty("tabeller").GetProperty("imports").GetInt64());
        var files = m.GetProperty("filer").EnumerateArray().ToDictionary(f => f.GetProperty("fil").GetString()!, f => f.GetProperty("sha256").GetString());
        Assert.Equal(SampleSha, files["archive/" + SampleSha + ".csv"]);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, "statsreporting.db")))), files["statsreporting.db"]);
        Assert.True(DateTimeOffset.UtcNow - m.GetProperty("skapad").GetDateTimeOffset() < TimeSpan.FromMinutes(5));

        var target = Path.Combine(_dir, "annan", "data", "statsreporting.db");
        var restored = CliProcess.Run(Work, "restore", "--from", folder, "--db", target);
        Assert.True(restored.ExitCode == 0, restored.Stderr);
        Assert.Contains($"till '{target}':", restored.Stdout);
        Assert.Contains("  decision_versions: 309 rader", restored.Stdout);
        Assert.Contains("  arkivfiler: 1", restored.Stdout);
        Assert.Equal("ok", Faults.FaultSupport.IntegrityCheck(target));
        Assert.Equal(309, Faults.FaultSupport.Scalar<long>(target, "SELECT COUNT(*) FROM import_decisions"));
        Assert.Equal(Faults.FaultSupport.Scalar<string>(DbPath, "SELECT group_concat(beslut_id || person_id || insats, ',') FROM decision_versions ORDER BY id"),
            Faults.FaultSupport.Scalar<string>(target, "SELECT group_concat(beslut_id || person_id || insats, ',') FROM decision_versions ORDER BY id"));
        Assert.Equal(File.ReadAllBytes(TestEnv.SampleCsv), File.ReadAllBytes(Path.Combine(_dir, "annan", "data", "archive", SampleSha + ".csv")));
        // The restored history: the backup's own row (running when the copy was taken) and the restore's.
        using var c = new SqliteConnection($"Data Source={target};Pooling=False");
        Assert.Equal(["backup-cli succeeded Säkerhetskopian som den här databasen återställdes från.",
                $"restore succeeded Databasen återställdes från säkerhetskopian {Path.GetFileName(folder)} (tagen {m.GetProperty("skapad").GetDateTimeOffset().UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC)."],
            c.Query<string>("SELECT trigger || ' ' || status || ' ' || message FROM runs ORDER BY id"));
        // The behandlingslogg: the backup in the original's (a copy of every person's data), the restore in the copy's.
        var user = $"{Environment.UserName}@{Environment.MachineName}";
        var persons = Faults.FaultSupport.Scalar<long>(DbPath, "SELECT COUNT(DISTINCT person_id) FROM decision_versions");
        Assert.Equal($"{user} sakerhetskopia {Path.GetFileName(folder)} {persons} ok", Faults.FaultSupport.Scalar<string>(DbPath,
            "SELECT vem || ' ' || handling || ' ' || objekt || ' ' || antal_personer || ' ' || resultat FROM behandlingslogg WHERE handling = 'sakerhetskopia'"));
        Assert.Equal($"{user} aterstallning {Path.GetFileName(folder)} {persons} ok", Faults.FaultSupport.Scalar<string>(target,
            "SELECT vem || ' ' || handling || ' ' || objekt || ' ' || antal_personer || ' ' || resultat FROM behandlingslogg WHERE handling = 'aterstallning'"));
        Assert.Equal(0, CliProcess.Run(Work, "logg", "verify", "--db", target).ExitCode);
        Assert.Equal(0, CliProcess.Run(Work, "logg", "verify", "--db", DbPath).ExitCode);
        Assert.Equal(0, CliProcess.Run(Work, "report", "--period", "2025Q2", "--db", target, "--out", Path.Combine(_dir, "rep")).ExitCode);
    }

    [Fact]
    public void Restore_refuses_a_changed_byte_in_the_database_copy()
    {
        var folder = TakeBackup();
        var copy = Path.Combine(folder, "statsreporting.db");
        var bytes = File.ReadAllBytes(copy);
        bytes[bytes.Length / 2] ^= 0x01;
        File.WriteAllBytes(copy, bytes);
        var target = Path.Combine(_dir, "t", "statsreporting.db");
        var r = CliProcess.Run(Work, "restore", "--from", folder, "--db", target);
        Assert.Equal(1, r.ExitCode);
        Assert.Equal($"Fel: Säkerhetskopian '{folder}' kan inte återställas; inget har ändrats:\n  - statsreporting.db: SHA-256 stämmer inte med manifestet, filen är ändrad eller skadad\n", r.Stderr);
        Assert.False(File.Exists(target));
        Assert.False(Directory.Exists(Path.Combine(_dir, "t", "archive")));
    }

    [Fact]
    public void Restore_refuses_a_backup_with_a_missing_archive_file()
    {
        var folder = TakeBackup();
        File.Delete(Path.Combine(folder, "archive", SampleSha + ".csv"));
        var target = Path.Combine(_dir, "t", "statsreporting.db");
        var r = CliProcess.Run(Work, "restore", "--from", folder, "--db", target);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains($"  - archive/{SampleSha}.csv saknas\n", r.Stderr);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public void Restore_refuses_a_manifest_from_a_newer_schema()
    {
        var folder = TakeBackup();
        var path = Path.Combine(folder, "manifest.json");
        var text = File.ReadAllText(path)
            .Replace($"\"schemaversion\": \"{Schema}\"", "\"schemaversion\": \"0031_framtida.sql\"")
            .Replace($"\"{Schema}\"\n  ]", $"\"{Schema}\",\n    \"0031_framtida.sql\"\n  ]");
        Assert.Contains("0031_framtida.sql\"\n  ]", text);
        File.WriteAllText(path, text);
        var target = Path.Combine(_dir, "t", "statsreporting.db");
        var r = CliProcess.Run(Work, "restore", "--from", folder, "--db", target);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains($"  - säkerhetskopian har schemaversion 0031_framtida.sql, nyare än programmets {Schema} (okända migreringar: 0031_framtida.sql): återställ den med samma eller en nyare version av programmet\n", r.Stderr);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public void Restore_refuses_a_path_that_holds_a_database_and_with_replace_moves_it_and_its_archive_aside()
    {
        var folder = TakeBackup();
        // The installation changes after the backup: a second import, which the restore takes back.
        var second = TestEnv.WriteRecords(Path.Combine(_dir, "andra.csv"), ["X-1;19500101-T123;K;SoL;ÄO;Hemtjänst;;2025-01-10;;;;;"]);
        Assert.Equal(0, CliProcess.Run(Work, "import", second, "--db", DbPath).ExitCode);
        var before = File.ReadAllBytes(DbPath);

        var refused = CliProcess.Run(Work, "restore", "--from", folder, "--db", DbPath);
        Assert.Equal(1, refused.ExitCode);
        Assert.Equal($"Fel: Kan inte återställa till '{DbPath}': där finns redan en databas. Återställ till en annan sökväg med --db, eller ange --replace för att flytta den befintliga åt sidan. Inget har ändrats.\n", refused.Stderr);
        Assert.Equal(before, File.ReadAllBytes(DbPath));

        var r = CliProcess.Run(Work, "restore", "--from", folder, "--db", DbPath, "--replace");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var aside = Assert.Single(Directory.GetFiles(Path.GetDirectoryName(DbPath)!, "statsreporting.db.fore-aterstallning-*"));
        Assert.Equal(before, File.ReadAllBytes(aside));
        Assert.Contains($"Det tidigare ligger kvar i '{aside}'.", r.Stdout);
        var archiveAside = Assert.Single(Directory.GetDirectories(Path.GetDirectoryName(DbPath)!, "archive.fore-aterstallning-*"));
        Assert.Equal(2, Directory.GetFiles(archiveAside).Length);
        Assert.Equal(1, Faults.FaultSupport.Scalar<long>(DbPath, "SELECT COUNT(*) FROM imports"));
        Assert.Equal([SampleSha + ".csv"], Directory.GetFiles(Path.Combine(Work, "data", "archive")).Select(Path.GetFileName));
    }

    [Fact]
    public void Restore_refuses_while_the_run_lock_is_held()
    {
        var folder = TakeBackup();
        var target = Path.Combine(_dir, "t", "statsreporting.db");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        using (RunLock.TryAcquire(target))
        {
            var r = CliProcess.Run(Work, "restore", "--from", folder, "--db", target);
            Assert.Equal(1, r.ExitCode);
            Assert.Equal($"Fel: Kan inte återställa till '{target}': körlåset hålls: en körning av kvartalsjobbet (i webbtjänsten eller med run) använder databasen just nu. Vänta tills den är klar, stoppa tjänsten och försök igen. Inget har ändrats.\n", r.Stderr);
            Assert.False(File.Exists(target));
        }
        Assert.Equal(0, CliProcess.Run(Work, "restore", "--from", folder, "--db", target).ExitCode);
    }

    [Fact]
    public void Restore_refuses_a_hidden_folder_that_an_interrupted_backup_left()
    {
        var folder = TakeBackup();
        var hidden = Path.Combine(BackupRoot, $".{Path.GetFileName(folder)}.1.{new string('a', 32)}.new");
        Directory.Move(folder, hidden);
        var r = CliProcess.Run(Work, "restore", "--from", hidden, "--db", Path.Combine(_dir, "t", "x.db"));
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("mappen är dold: det är en säkerhetskopiering som avbröts innan den var klar, ingen hel säkerhetskopia", r.Stderr);
    }

    [Fact]
    public void Backup_and_restore_on_postgres_say_that_its_own_tools_are_used()
    {
        var env = new Dictionary<string, string>
        {
            ["StatsReporting__Storage__Provider"] = "Postgres",
            ["ConnectionStrings__Postgres"] = "Host=127.0.0.1;Port=1;Database=finns_inte;Username=x",
        };
        const string text = "Fel: Databasen är PostgreSQL: säkerhetskopiera och återställ den med PostgreSQL:s egna verktyg (pg_dump och pg_restore) och kopiera arkivmappen för sig; README-avsnittet \"Säkerhetskopiering och återställning\" har kommandona. Inget har gjorts.\n";
        var backup = CliProcess.RunWith(env, Work, "backup");
        Assert.Equal((1, text), (backup.ExitCode, backup.Stderr));
        var restore = CliProcess.RunWith(env, Work, "restore", "--from", Work);
        Assert.Equal((1, text), (restore.ExitCode, restore.Stderr));
    }
}
