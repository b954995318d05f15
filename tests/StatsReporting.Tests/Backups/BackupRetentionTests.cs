using Dapper;
using StatsReporting.Backups;
using StatsReporting.Organisation;
using StatsReporting.Tests.Support;
using StatsReporting.Web.Jobs;

namespace StatsReporting.Tests.Backups;

/// Which backups go: the nightly job keeps the newest Backup:Dagar, gallring deletes those past Gallring:Manader.
public class BackupRetentionTests : IDisposable
{
    private readonly TestEnv _env = new();
    /// This program's schema version: the last migration it carries.
    private static readonly string Schema = BackupCheck.ProgramSchema[^1];
    public void Dispose() => _env.Dispose();

    private static BackupEntry At(string time) => new($"/b/statsreporting-{time}", DateTimeOffset.Parse(time[..10] + "T" + time[11..13] + ":" + time[13..15] + ":" + time[15..17] + "Z"));

    [Fact]
    public void All_but_the_newest_are_beyond_the_number_kept()
    {
        var backups = new[] { At("2026-12-01T023000Z"), At("2026-12-03T023000Z"), At("2026-12-02T023000Z"), At("2026-12-04T023000Z") };
        Assert.Equal(["/b/statsreporting-2026-12-02T023000Z", "/b/statsreporting-2026-12-01T023000Z"],
            BackupRetention.BeyondNewest(backups, 2).Select(b => b.Folder));
        Assert.Empty(BackupRetention.BeyondNewest(backups, 4));
    }

    [Fact]
    public void A_backup_taken_before_the_day_the_months_reach_back_to_is_older_than_the_limit()
    {
        var backups = new[] { At("2024-12-06T235959Z"), At("2024-12-07T000000Z"), At("2025-06-30T120000Z") };
        Assert.Equal(["/b/statsreporting-2024-12-06T235959Z"],
            BackupRetention.OlderThanMonths(backups, 24, new DateOnly(2026, 12, 7)).Select(b => b.Folder));
        // 31 March minus one month is the last day of February.
        Assert.Equal(["/b/statsreporting-2024-12-06T235959Z", "/b/statsreporting-2024-12-07T000000Z"],
            BackupRetention.OlderThanMonths(backups, 3, new DateOnly(2025, 3, 31)).Select(b => b.Folder));
    }

    [Fact]
    public void Gallring_deletes_the_backups_past_its_limit_and_leaves_everything_else_in_the_folder()
    {
        var root = _env.PathOf("backup");
        foreach (var name in new[] { "statsreporting-2024-01-01T023000Z", "statsreporting-2024-12-31T023000Z", "statsreporting-2026-12-01T023000Z", "annat", ".statsreporting-2023-01-01T000000Z.1.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.new" })
        {
            Directory.CreateDirectory(Path.Combine(root, name, "archive"));
            File.WriteAllText(Path.Combine(root, name, "manifest.json"), "{}");
        }
        var deleted = BackupRetention.DeleteOlderThan(root, 24, new DateOnly(2026, 12, 7));
        Assert.Equal(["statsreporting-2024-01-01T023000Z"], deleted.Select(d => Path.GetFileName(d.Folder)));
        Assert.Equal([".statsreporting-2023-01-01T000000Z.1.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.new", "annat", "statsreporting-2024-12-31T023000Z", "statsreporting-2026-12-01T023000Z"],
            Directory.GetDirectories(root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_nightly_job_keeps_the_newest_Backup_Dagar_backups_and_records_each_in_the_run_history()
    {
        Assert.Equal(30, TestEnv.Settings.Get<BackupSettings>().Dagar);
        _env.Importer().Import(TestEnv.SampleCsv);
        for (var day = 1; day <= 5; day++)
        {
            _env.Clock.Now = new DateTimeOffset(2026, 12, day, 2, 30, 0, TimeSpan.FromHours(1));
            BackupJob.Take(_env.Db, TestEnv.Settings, _env.Clock, RunHistory.Backup, $"job-{day}", null, keep: 3);
        }
        var root = _env.PathOf("backup");
        Assert.Equal(["statsreporting-2026-12-03T013000Z", "statsreporting-2026-12-04T013000Z", "statsreporting-2026-12-05T013000Z"],
            Directory.GetFileSystemEntries(root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var kept in Directory.GetDirectories(root)) BackupCheck.Verify(kept);
        using var c = _env.Db.Open();
        var rows = c.Query<(string Trigger, string JobId, string Status, string Message)>("SELECT trigger, job_id, status, message FROM runs ORDER BY id").ToList();
        Assert.Equal(5, rows.Count);
        Assert.All(rows, r => Assert.Equal(("backup", "succeeded"), (r.Trigger, r.Status)));
        Assert.Equal($"Säkerhetskopian statsreporting-2026-12-01T013000Z är skriven: databasen ({Schema}, 309 beslutsversioner, 1 import) och 1 arkivfil, 0,2 MB. 0 äldre borttagna (Backup:Dagar 3 behålls).", rows[0].Message);
        Assert.EndsWith("1 äldre borttagen (Backup:Dagar 3 behålls).", rows[4].Message);
        Assert.Equal(["job-1", "job-2", "job-3", "job-4", "job-5"], rows.Select(r => r.JobId));
    }

    [Fact]
    public void A_backup_row_left_running_by_a_killed_backup_is_marked_as_stopped_by_the_next_backup_and_never_by_a_quarterly_run()
    {
        _env.Importer().Import(TestEnv.SampleCsv);
        var history = new RunHistory(_env.Db, _env.Clock);
        var dead = history.StartBackup(RunHistory.BackupCli, null, "it@server");
        // A quarterly run holding the run lock marks its own dead rows only.
        history.AbandonDead(null);
        using (var c = _env.Db.Open()) Assert.Equal("running", c.ExecuteScalar<string>("SELECT status FROM runs WHERE id = @dead", new { dead }));
        BackupJob.Take(_env.Db, TestEnv.Settings, _env.Clock, RunHistory.Backup, null, null, keep: 30);
        using (var c = _env.Db.Open())
            Assert.Equal("failed Avbruten: säkerhetskopieringen stoppades innan den var klar. En ofullständig mapp tas bort; hann den bli hel ligger den kvar under sitt namn i Paths:Backup.",
                c.ExecuteScalar<string>("SELECT status || ' ' || message FROM runs WHERE id = @dead", new { dead }));
    }

    [Fact]
    public void Statsreporting_gallra_deletes_the_backups_taken_before_its_cutoff_and_with_visa_only_counts_them()
    {
        _env.Importer().Import(TestEnv.SampleCsv);
        foreach (var day in new[] { new DateTimeOffset(2024, 12, 6, 23, 0, 0, TimeSpan.Zero), new DateTimeOffset(2024, 12, 7, 1, 0, 0, TimeSpan.Zero) })
        {
            _env.Clock.Now = day;
            BackupJob.Take(_env.Db, TestEnv.Settings, _env.Clock, RunHistory.Backup, null, null, keep: null);
        }
        var namnder = TestEnv.Settings.Organisation.All().Select(n => TestEnv.Settings.For(n, _env.Db)).ToList();
        var root = _env.PathOf("backup");
        var visa = StatsReporting.Gallring.Gallra.Run(_env.Db, namnder, new DateOnly(2026, 12, 7), 24, 36, visa: true, StatsReporting.Logg.Actor.ThisProcess, _env.Clock.GetUtcNow());
        Assert.Equal(1, visa.Sakerhetskopior);
        Assert.Equal(2, Directory.GetDirectories(root).Length);
        var done = StatsReporting.Gallring.Gallra.Run(_env.Db, namnder, new DateOnly(2026, 12, 7), 24, 36, visa: false, StatsReporting.Logg.Actor.ThisProcess, _env.Clock.GetUtcNow());
        Assert.Equal(1, done.Sakerhetskopior);
        Assert.EndsWith(" 1 säkerhetskopior tagna före 2024-12-07.", done.Summary);
        Assert.Equal(["statsreporting-2024-12-07T010000Z"], Directory.GetFileSystemEntries(root).Select(Path.GetFileName));
        using var c = _env.Db.Open();
        Assert.Equal("1 säkerhetskopior tagna före 2024-12-07: statsreporting-2024-12-06T230000Z",
            c.ExecuteScalar<string>("SELECT objekt FROM behandlingslogg WHERE handling = 'gallring' AND objekt LIKE '%säkerhetskopior%'"));
    }
}
