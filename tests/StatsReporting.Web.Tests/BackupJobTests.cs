using System.Net.Http.Json;
using System.Text.Json;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using StatsReporting.Access;
using StatsReporting.Backups;
using StatsReporting.Web.Jobs;
using StatsReporting.Web.Tests.Support;

namespace StatsReporting.Web.Tests;

/// The nightly backup on the real Hangfire server: registered from appsettings.json, and a triggered run writes a
/// whole backup beside the database and a row in the run history the page shows.
[Collection("Service")]
public class BackupJobTests(ServiceHost host)
{
    [Fact]
    public void Nightly_backup_is_registered_with_the_cron_and_time_zone_of_appsettings_json()
    {
        _ = host.Services;
        using var connection = JobStorage.Current.GetConnection();
        var job = Assert.Single(connection.GetRecurringJobs(), j => j.Id == BackupJob.RecurringId);
        Assert.Equal(("30 2 * * *", "Europe/Stockholm"), (job.Cron, job.TimeZoneId));
        Assert.Equal((typeof(BackupJob), nameof(BackupJob.Run)), (job.Job.Type, job.Job.Method.Name));
    }

    [Fact]
    public async Task Triggered_backup_writes_a_whole_backup_beside_the_database_and_shows_in_the_run_history()
    {
        var jobId = host.Services.GetRequiredService<IRecurringJobManagerV2>().TriggerJob(BackupJob.RecurringId);
        Assert.Equal("Succeeded", await ServiceHost.WaitForJobState(jobId, "Succeeded"));
        using var admin = host.As(Role.Admin);
        var runs = await admin.GetFromJsonAsync<JsonElement>("/api/runs");
        var row = runs.EnumerateArray().Single(r => r.GetProperty("jobId").GetString() == jobId);
        Assert.Equal(("", "backup", "succeeded"), (row.GetProperty("period").GetString(), row.GetProperty("trigger").GetString(), row.GetProperty("status").GetString()));
        var message = row.GetProperty("message").GetString()!;
        var name = message.Split(' ')[1];
        Assert.StartsWith($"Säkerhetskopian {name} är skriven: databasen (", message);
        Assert.EndsWith("äldre borttagna (Backup:Dagar 30 behålls).", message);
        var manifest = BackupCheck.Verify(Path.Combine(Path.GetDirectoryName(host.Data.Db.Path)!, "backup", name));
        Assert.Equal(BackupCheck.ProgramSchema[^1], manifest.Schemaversion);
    }
}
