using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using StatsReporting.Access;
using StatsReporting.Web.Jobs;
using StatsReporting.Web.Tests.Support;

namespace StatsReporting.Web.Tests;

/// The weekly bevakning job on the real Hangfire server, and its endpoints; the clock stands on 2025-07-01 (a Tuesday),
/// when the sample has one SoL ÄO decision (no enhet) reaching three months within 30 days and one LSS decision late.
[Collection("Service")]
public class BevakningTests(ServiceHost host)
{
    [Fact]
    public void Weekly_job_is_registered_with_the_cron_and_time_zone_of_appsettings_json()
    {
        _ = host.Services;
        using var connection = JobStorage.Current.GetConnection();
        var job = Assert.Single(connection.GetRecurringJobs(), j => j.Id == BevakningJob.RecurringId);
        Assert.Equal(("0 7 * * 1", "Europe/Stockholm"), (job.Cron, job.TimeZoneId));
        Assert.Equal((typeof(BevakningJob), nameof(BevakningJob.Run)), (job.Job.Type, job.Job.Method.Name));
        // Hangfire plans by the real clock: the next run is a Monday at 07:00 in Stockholm.
        var next = TimeZoneInfo.ConvertTimeFromUtc(job.NextExecution!.Value, TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm"));
        Assert.Equal((DayOfWeek.Monday, 7, 0), (next.DayOfWeek, next.Hour, next.Minute));
    }

    [Fact]
    public async Task Triggered_job_writes_todays_workbook_into_reports_bevakning()
    {
        var path = Path.Combine(host.Data.Reports, "bevakning", "bevakning-2025-07-01.xlsx");
        if (File.Exists(path)) File.Delete(path); // the workbook endpoint writes the same file
        var jobId = host.Services.GetRequiredService<IRecurringJobManagerV2>().TriggerJob(BevakningJob.RecurringId);
        Assert.Equal("Succeeded", await ServiceHost.WaitForJobState(jobId, "Succeeded"));
        using var wb = new XLWorkbook(path);
        Assert.Equal("Totalt: 1 beslut", wb.Worksheet("Närmar sig tre månader").RowsUsed().Last().Cell(1).GetString());
        Assert.Equal("Totalt: 1 beslut", wb.Worksheet("Försenade, ej rapporterade").RowsUsed().Last().Cell(1).GetString());
    }

    [Fact]
    public async Task Controller_gets_the_counts_per_verksamhet_and_enhet_and_the_workbook()
    {
        using var controller = host.As(Role.Controller);
        var b = await controller.GetFromJsonAsync<JsonElement>("/api/bevakning");
        Assert.Equal(("2025-07-01", 30, 1, 1), (b.GetProperty("today").GetString(), b.GetProperty("days").GetInt32(),
            b.GetProperty("snart").GetInt32(), b.GetProperty("sena").GetInt32()));
        Assert.Equal(["LSS///0/1", "SoL/ÄO//1/0"], b.GetProperty("perEnhet").EnumerateArray().Select(r =>
            $"{r.GetProperty("lag").GetString()}/{r.GetProperty("verksamhet").GetString()}/{r.GetProperty("enhet").GetString()}/{r.GetProperty("snart").GetInt32()}/{r.GetProperty("sena").GetInt32()}"));

        using var response = await controller.GetAsync("/api/bevakning/workbook");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bevakningslista 2025-07-01.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar);
        using var wb = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        Assert.Equal(["Närmar sig tre månader", "Försenade, ej rapporterade"], wb.Worksheets.Select(w => w.Name));

        using var anonymous = host.As(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/bevakning")).StatusCode);
    }

    [Fact]
    public async Task Avgift_list_per_beslut_id_is_for_ivo_only_and_never_cached()
    {
        using var controller = host.As(Role.Controller);
        Assert.Equal(HttpStatusCode.Forbidden, (await controller.GetAsync("/api/periods/2025Q2/avgift")).StatusCode);
        using var ivo = host.As(Role.Ivo);
        using var response = await ivo.GetAsync("/api/periods/2025Q2/avgift");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        using var wb = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var ws = wb.Worksheet("Uppskattning per beslut");
        Assert.Equal("Beslut-id", ws.Cell(1, 1).GetString());
        Assert.StartsWith("A-", ws.Cell(2, 1).GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await ivo.GetAsync("/api/periods/2019Q1/avgift")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await ivo.GetAsync("/api/periods/..%2f..%2fetc/avgift")).StatusCode);
    }
}
