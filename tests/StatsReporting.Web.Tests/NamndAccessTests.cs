using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using StatsReporting.Access;
using StatsReporting.Web.Tests.Support;

namespace StatsReporting.Web.Tests;

/// Issue 15's access matrix: keys of nämnd a, of b and of all nämnder, in every role, against every nämnd address.
/// Another nämnd's address is 404 (as a nämnd that does not exist), never 403, and absent from every listing.
[Collection("Namnder")]
public class NamndAccessTests(NamndHost host)
{
    // name, method, url below /api/namnder/{namnd}, least role, status on success
    private static readonly (string Name, string Method, string Url, Role Least, HttpStatusCode Ok)[] Endpoints =
    [
        ("kvartal", "GET", "/periods", Role.Controller, HttpStatusCode.OK),
        ("SoL-arbetsbok", "GET", "/periods/2025Q2/workbooks/sol", Role.Controller, HttpStatusCode.OK),
        ("LSS-tjänsteskrivelse", "GET", "/periods/2025Q2/documents/lss", Role.Controller, HttpStatusCode.OK),
        ("diagram", "GET", "/periods/2025Q2/charts/sol-kon.png", Role.Controller, HttpStatusCode.OK),
        ("kontroller", "GET", "/periods/2025Q2/findings", Role.Controller, HttpStatusCode.OK),
        ("sammanställning", "GET", "/periods/2025Q2/summary", Role.Controller, HttpStatusCode.OK),
        ("paket", "GET", "/periods/2025Q2/zip", Role.Controller, HttpStatusCode.OK),
        ("individrapport", "GET", "/periods/2025Q2/workbooks/ivo", Role.Ivo, HttpStatusCode.OK),
        ("bevakning", "GET", "/bevakning", Role.Controller, HttpStatusCode.OK),
        ("bevakningslista", "GET", "/bevakning/workbook", Role.Controller, HttpStatusCode.OK),
        ("särskild avgift", "GET", "/periods/2025Q2/avgift", Role.Ivo, HttpStatusCode.OK),
        ("körhistorik", "GET", "/runs", Role.Admin, HttpStatusCode.OK),
        ("import", "POST", "/imports", Role.Admin, HttpStatusCode.OK),
    ];

    public static TheoryData<string, string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var e in Endpoints)
            foreach (var scope in NamndHost.Scopes)
                foreach (var role in Enum.GetNames<Role>())
                    foreach (var target in new[] { "a", "b" }) data.Add(e.Name, scope, role, target);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_namnd_address_is_404_for_a_key_of_another_namnd_and_follows_the_roles_for_its_own(string endpoint, string scope, string role, string target)
    {
        var e = Endpoints.Single(x => x.Name == endpoint);
        var r = Enum.Parse<Role>(role);
        var expected = r < e.Least ? HttpStatusCode.Forbidden : scope != "*" && scope != target ? HttpStatusCode.NotFound : e.Ok;
        using var client = host.As(scope, r);
        using var request = new HttpRequestMessage(new HttpMethod(e.Method), $"/api/namnder/{target}{e.Url}");
        if (e.Name == "import") request.Content = Uploads.Form("beslut.csv", File.ReadAllBytes(ServiceData.SampleCsv));
        using var response = await client.SendAsync(request);
        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task A_controller_of_a_lists_only_a_and_every_address_it_is_given_is_a()
    {
        using var a = host.As("a", Role.Controller);
        var namnder = await a.GetFromJsonAsync<JsonElement>("/api/namnder");
        Assert.Equal(["a"], namnder.EnumerateArray().Select(n => n.GetProperty("code").GetString()));
        var periods = await a.GetStringAsync("/api/periods");
        Assert.Contains("/api/namnder/a/periods/2025Q2/workbooks/sol", periods);
        Assert.Contains("EVB SoL 2025 kv2 Socialnämnden.xlsx", periods);
        Assert.DoesNotContain("namnder/b", periods);
        Assert.DoesNotContain("Vård- och omsorgsnämnden", periods);
        using var all = host.As("*", Role.Controller);
        var both = await all.GetFromJsonAsync<JsonElement>("/api/namnder");
        Assert.Equal(["a", "b"], both.EnumerateArray().Select(n => n.GetProperty("code").GetString()));
    }

    [Theory]
    [InlineData("/api/namnder/x/periods")]                                   // no such nämnd: the same 404 as b
    [InlineData("/api/namnder/B/periods")]
    [InlineData("/api/namnder/a%2F..%2Fb/periods")]
    [InlineData("/api/namnder/..%2Fb/periods/2025Q2/workbooks/sol")]
    [InlineData("/api/namnder/a/../b/periods/2025Q2/workbooks/sol")]
    [InlineData("/api/periods/2025Q2/charts/..%2F..%2Fb%2F2025Q2%2Fdiagram%2Fsol-kon")]
    [InlineData("/api/namnder/a/periods/..%2Fb%2F2025Q2/workbooks/sol")]
    [InlineData("/api/namnder/%62/periods/2025Q2/summary")]
    public async Task Path_tricks_never_reach_the_other_namnds_folder(string url)
    {
        using var a = host.As("a", Role.Admin);
        using var response = await a.GetAsync(url);
        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{url}: {response.StatusCode}");
        Assert.DoesNotContain("Vård- och omsorgsnämnden", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Workbooks_of_a_and_b_are_each_their_own_file_and_both_give_44_38_82()
    {
        foreach (var (code, name) in new[] { ("a", "Socialnämnden"), ("b", "Vård- och omsorgsnämnden") })
        {
            using var client = host.As(code, Role.Controller);
            using var response = await client.GetAsync($"/api/namnder/{code}/periods/2025Q2/workbooks/sol");
            Assert.Equal($"EVB SoL 2025 kv2 {name}.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar);
            using var wb = new ClosedXML.Excel.XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
            var total = wb.Worksheet("Sammanställning").RowsUsed().Single(r => r.Cell(1).GetString() == "Totalt samtliga verksamheter");
            Assert.Equal([44, 38, 82], Enumerable.Range(2, 3).Select(c => total.Cell(c).GetValue<int>()));
        }
    }

    [Fact]
    public async Task Only_an_installation_admin_sees_the_hangfire_dashboard()
    {
        using var all = host.As("*", Role.Admin);
        Assert.Equal(HttpStatusCode.OK, (await all.GetAsync("/hangfire")).StatusCode);
        using var a = host.As("a", Role.Admin);
        Assert.Equal(HttpStatusCode.Forbidden, (await a.GetAsync("/hangfire")).StatusCode);
    }

    [Fact]
    public async Task An_admin_of_a_reads_only_as_runs_and_the_scheduled_job_gives_every_namnd_its_own_run()
    {
        var job = ActivatorUtilities.CreateInstance<Web.Jobs.QuarterlyJob>(host.Services);
        long Runs(string code)
        {
            using var c = host.Db.Open();
            return c.ExecuteScalar<long>("SELECT COUNT(*) FROM runs WHERE namnd = @code", new { code });
        }
        var (a0, b0) = (Runs("a"), Runs("b"));
        // b's inbox is gone: b's run fails, a's still runs and succeeds.
        var inboxB = Path.Combine(host.Dir, "inkorg", "b");
        Directory.Move(inboxB, inboxB + "-borta");
        try { Assert.Throws<Web.Jobs.QuarterlyJobFailedException>(() => job.Run("2025Q2", Web.Jobs.QuarterlyJob.Scheduled, null, null)); }
        finally { Directory.Move(inboxB + "-borta", inboxB); }
        Assert.Equal((a0 + 1, b0 + 1), (Runs("a"), Runs("b")));
        // With both inboxes in place the job runs both and then writes the kommun summary.
        var summary = Path.Combine(host.Dir, "reports", "2025Q2", "EVB 2025 kv2 Exempelkommunen.xlsx");
        Assert.False(File.Exists(summary));
        job.Run("2025Q2", Web.Jobs.QuarterlyJob.Scheduled, null, null);
        Assert.Equal((a0 + 2, b0 + 2), (Runs("a"), Runs("b")));
        Assert.True(File.Exists(summary));

        using var admin = host.As("a", Role.Admin);
        var runs = await admin.GetFromJsonAsync<JsonElement>("/api/runs");
        Assert.Equal("succeeded", runs[0].GetProperty("status").GetString());
        using var adminB = host.As("b", Role.Admin);
        var runsB = await adminB.GetFromJsonAsync<JsonElement>("/api/runs");
        Assert.Equal(["succeeded", "failed"], runsB.EnumerateArray().Take(2).Select(r => r.GetProperty("status").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/namnder/b/runs")).StatusCode);
    }

    [Fact]
    public void The_weekly_bevakning_job_writes_one_list_per_namnd_from_that_namnds_records()
    {
        var job = ActivatorUtilities.CreateInstance<Web.Jobs.BevakningJob>(host.Services);
        var written = job.Run();
        Assert.Equal([Path.Combine("reports", "a", "bevakning", "bevakning-2025-07-01.xlsx"), Path.Combine("reports", "b", "bevakning", "bevakning-2025-07-01.xlsx")],
            written.Select(f => Path.GetRelativePath(host.Dir, f)));
        // Both nämnder hold the sample: as of 2025-07-01 one decision nears three months and one is late, unreported.
        foreach (var f in written)
        {
            using var wb = new ClosedXML.Excel.XLWorkbook(f);
            Assert.Equal("Totalt: 1 beslut", wb.Worksheet("Närmar sig tre månader").RowsUsed().Last().Cell(1).GetString());
            Assert.Equal("Totalt: 1 beslut", wb.Worksheet("Försenade, ej rapporterade").RowsUsed().Last().Cell(1).GetString());
        }
    }
}
