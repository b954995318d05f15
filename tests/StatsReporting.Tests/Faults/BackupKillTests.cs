using System.Diagnostics;
using StatsReporting.Backups;
using StatsReporting.Tests.Support;
using Xunit.Abstractions;
using static StatsReporting.Tests.Faults.FaultSupport;

namespace StatsReporting.Tests.Faults;

/// SIGKILL of the real CLI's `backup` at seeded random moments, on a database of 50 000 decisions: no folder that
/// restore accepts is partial, a killed backup's hidden folder is refused and then swept, and a later backup works.
[Collection("Faults")]
public class BackupKillTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("statsreporting-backupkill-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Work => Path.Combine(_dir, "work");
    private string DbPath => Path.Combine(Work, "data", "statsreporting.db");
    private string Root => Path.Combine(Work, "data", "backup");

    [Fact]
    public void Backup_killed_at_ten_random_moments_leaves_no_partial_folder_that_restore_accepts_and_a_later_backup_works()
    {
        Directory.CreateDirectory(Work);
        Assert.True(RunAndKill(Work, TimeSpan.FromMinutes(3), "import", LargeCsv(Path.Combine(_dir, "stor.csv"), 50_000), "--db", DbPath));
        var watch = Stopwatch.StartNew();
        Assert.True(RunAndKill(Work, TimeSpan.FromMinutes(3), "backup", "--db", DbPath));
        var full = watch.Elapsed;
        output.WriteLine($"backup av {new FileInfo(DbPath).Length / 1024} KB med 1 arkivfil, hela kommandot: {full.TotalSeconds:F1} s");

        var random = new Random(26);
        var outcomes = new List<string>();
        var (window, stagingSeen) = (full.TotalSeconds, 0);
        for (var (i, kills) = (0, 0); kills < 10; i++)
        {
            Assert.True(i < 40, $"bara {kills} av {i} försök hann dödas: {string.Join("; ", outcomes)}");
            // The later part of the command: its first part is the runtime starting and the database being checked.
            var at = TimeSpan.FromSeconds(window * (0.3 + 0.7 * random.NextDouble()));
            var ended = RunAndKill(Work, at, "backup", "--db", DbPath);
            if (ended) window *= 0.8; else kills++;
            var (whole, hidden) = (0, 0);
            foreach (var folder in Directory.GetDirectories(Root))
            {
                if (Path.GetFileName(folder).StartsWith('.'))
                {
                    hidden++;
                    var refused = Assert.Throws<BackupRefusedException>(() => BackupCheck.Verify(folder));
                    Assert.Contains("mappen är dold", refused.Message);
                }
                else
                {
                    BackupCheck.Verify(folder);
                    whole++;
                }
            }
            if (hidden > 0) stagingSeen++;
            outcomes.Add($"{at.TotalSeconds:F2} s: {(ended ? "klar före" : "dödad")}, {whole} hela, {hidden} dolda");
        }
        output.WriteLine("SIGKILL under backup: " + string.Join("; ", outcomes));
        Assert.True(stagingSeen > 0, "ingen SIGKILL träffade medan en säkerhetskopia skrevs");

        // The next backup sweeps what the killed ones left and writes a whole one, which restores.
        Assert.True(RunAndKill(Work, TimeSpan.FromMinutes(3), "backup", "--db", DbPath));
        Assert.Empty(Hidden(Root));
        var newest = Directory.GetDirectories(Root).Order(StringComparer.Ordinal).Last();
        var target = Path.Combine(_dir, "restored", "statsreporting.db");
        var restored = CliProcess.Run(Work, "restore", "--from", newest, "--db", target);
        Assert.True(restored.ExitCode == 0, restored.Stderr);
        Assert.Equal("ok", IntegrityCheck(target));
        Assert.Equal(50_000, Scalar<long>(target, "SELECT COUNT(*) FROM import_decisions"));
        // The killed backups' rows in the history are marked, none is left "running". A kill after the rename and before
        // the row was finished leaves a whole backup whose row says avbruten: at most one such folder per kill.
        Assert.Equal(0, Scalar<long>(DbPath, "SELECT COUNT(*) FROM runs WHERE status = 'running'"));
        var succeeded = Scalar<long>(DbPath, "SELECT COUNT(*) FROM runs WHERE status = 'succeeded'");
        Assert.InRange(Directory.GetDirectories(Root).Length, succeeded, succeeded + Scalar<long>(DbPath, "SELECT COUNT(*) FROM runs WHERE status = 'failed'"));
    }
}
