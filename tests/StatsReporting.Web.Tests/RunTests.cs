using StatsReporting.Storage;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StatsReporting.Access;
using StatsReporting.Jobs;
using StatsReporting.Web.Jobs;
using StatsReporting.Web.Tests.Support;
using StatsReporting.FileSystem;

namespace StatsReporting.Web.Tests;

/// The quarterly job on a real Hangfire server and a real SQLite file; the clock stands on 2025-07-01.
[Collection("Service")]
public class RunTests(ServiceHost host)
{
    [Fact]
    public void Recurring_job_is_registered_at_start_up_with_the_configured_cron_and_time_zone()
    {
        _ = host.Services; // the host has started
        using var connection = JobStorage.Current.GetConnection();
        var job = Assert.Single(connection.GetRecurringJobs(), j => j.Id == QuarterlyJob.RecurringId);
        Assert.Equal(ServiceHost.Cron, job.Cron);
        Assert.Equal("Europe/Stockholm", job.TimeZoneId);
        Assert.Equal((typeof(QuarterlyJob), nameof(QuarterlyJob.Run)), (job.Job.Type, job.Job.Method.Name));
        Assert.Equal([null, QuarterlyJob.Scheduled, null, null], job.Job.Args); // period, trigger, started by, Hangfire context
    }

    [Fact]
    public async Task Run_enqueued_through_the_api_completes_and_rewrites_the_quarter_as_of_the_run_date()
    {
        var before = await host.LastRunId();
        var workbook = Path.Combine(host.Data.Reports, "2025Q2", "evb-sol-2025Q2.xlsx");
        File.Delete(workbook);
        using var admin = host.As(Role.Admin);

        using var response = await admin.PostAsync("/api/periods/2025Q2/runs", null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("/api/runs", response.Headers.Location?.OriginalString);
        var jobId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetString()!;
        var run = await host.WaitForRun(jobId, before);

        Assert.Equal(("2025Q2", QuarterlyJob.Manual, RunHistory.Succeeded), (run.Period, run.Trigger, run.Status));
        Assert.Equal("Test admin", run.StartedBy); // the name of the key that pressed "Kör nu"
        Assert.Equal("2025 kv2 rapporterat per 2025-07-01, 26 filer skrivna. Inkorgen: 1 fil, 0 nya importer med 0 nya beslut.", run.Message);
        Assert.NotNull(run.FinishedAt);
        using var wb = new XLWorkbook(workbook);
        var total = wb.Worksheet("Sammanställning").RowsUsed().Single(r => r.Cell(1).GetString() == "Totalt samtliga verksamheter");
        Assert.Equal(82, total.Cell(4).GetValue<int>());
        Assert.Equal("Succeeded", await ServiceHost.WaitForJobState(jobId, "Succeeded"));
    }

    [Fact]
    public async Task Scheduled_run_reports_the_quarter_that_has_just_ended()
    {
        var before = await host.LastRunId();
        var jobId = host.Services.GetRequiredService<IRecurringJobManagerV2>().TriggerJob(QuarterlyJob.RecurringId);
        var run = await host.WaitForRun(jobId, before);
        Assert.Equal(("2025Q2", QuarterlyJob.Scheduled, RunHistory.Succeeded), (run.Period, run.Trigger, run.Status));
    }

    [Fact]
    public async Task Run_that_throws_is_failed_in_the_history_the_dashboard_and_the_log()
    {
        var before = await host.LastRunId();
        var moved = host.Data.Inbox + "-borta";
        Directory.Move(host.Data.Inbox, moved);
        try
        {
            using var admin = host.As(Role.Admin);
            using var response = await admin.PostAsync("/api/periods/2025Q2/runs", null);
            var jobId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetString()!;
            var run = await host.WaitForRun(jobId, before);

            Assert.Equal(RunHistory.Failed, run.Status);
            Assert.Equal($"Inkorgen '{host.Data.Inbox}' finns inte.", run.Message);
            Assert.Equal("Failed", await ServiceHost.WaitForJobState(jobId, "Failed"));
            Assert.Contains(host.Log.Entries, e => e.Level == LogLevel.Error && e.Category == typeof(QuarterlyJob).FullName
                && e.Message == $"Kvartalsjobbet för 2025Q2 misslyckades (körning {run.Id})." && e.Exception is DirectoryNotFoundException);
        }
        finally { Directory.Move(moved, host.Data.Inbox); }
    }

    [Fact]
    public async Task Run_that_fails_inside_a_library_shows_the_historys_short_message_in_the_dashboard_too()
    {
        var before = await host.LastRunId();
        var blocker = Path.Combine(host.Data.Reports, "2025Q1"); // a file where the quarter's folder must go
        File.WriteAllText(blocker, "");
        try
        {
            using var admin = host.As(Role.Admin);
            using var response = await admin.PostAsync("/api/periods/2025Q1/runs", null);
            var jobId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetString()!;
            var run = await host.WaitForRun(jobId, before);

            // In Swedish, naming the configured folder the admin knows, never the hidden staging folder or the runtime's English.
            Assert.Equal((RunHistory.Failed, $"Kunde inte skriva '{blocker}': det ligger en fil med det namnet där mappen ska vara. Inget har ändrats; de tidigare filerna ligger kvar."),
                (run.Status, run.Message));
            Assert.Equal("Failed", await ServiceHost.WaitForJobState(jobId, "Failed"));
            // The dashboard shows what Hangfire stored: the same text, not the library's (which names the staging folder).
            var failed = JobStorage.Current.GetMonitoringApi().JobDetails(jobId).History.First(h => h.StateName == "Failed").Data;
            Assert.Equal(run.Message, failed["ExceptionMessage"]);
            Assert.DoesNotContain(".2025Q1.", failed["ExceptionDetails"]);
            Assert.DoesNotContain("Could not", failed["ExceptionDetails"]);
            // The whole exception is in the log.
            Assert.Contains(host.Log.Entries, e => e.Message == $"Kvartalsjobbet för 2025Q1 misslyckades (körning {run.Id})." && e.Exception is OutputFailedException);
        }
        finally { File.Delete(blocker); }
    }

    [Fact]
    public async Task Run_now_is_409_while_another_run_holds_the_lock()
    {
        using var held = RunLock.TryAcquire(host.Data.Db.Path); // as `statsreporting run` holds it
        Assert.NotNull(held);
        using var admin = host.As(Role.Admin);
        using var response = await admin.PostAsync("/api/periods/2025Q2/runs", null);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task Run_now_of_a_quarter_that_has_not_ended_is_400()
    {
        using var admin = host.As(Role.Admin);
        using var response = await admin.PostAsync("/api/periods/2025Q3/runs", null);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("2025 kv3 slutar 2025-09-30 och kan köras först då.",
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Healthz_is_open_and_reports_the_database_and_the_scheduler()
    {
        using var anonymous = host.As(null);
        JsonElement health = default;
        for (var i = 0; i < 100; i++) // the Hangfire server announces itself a moment after start
        {
            health = await anonymous.GetFromJsonAsync<JsonElement>("/healthz");
            if (health.GetProperty("overall").GetString() == "ok") break;
            await Task.Delay(100);
        }
        Assert.Equal(("ok", "ok"), (health.GetProperty("overall").GetString(), health.GetProperty("database").GetString()));
        var scheduler = health.GetProperty("scheduler");
        Assert.Equal(1, scheduler.GetProperty("servers").GetInt32());
        Assert.Equal(ServiceHost.Cron, scheduler.GetProperty("cron").GetString());
        // Open to anyone, so it names no folder of the server.
        Assert.DoesNotContain(host.Data.Dir, await anonymous.GetStringAsync("/healthz"));
    }
}
