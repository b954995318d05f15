using System.Net;
using System.Net.Http.Json;
using StatsReporting.Access;
using StatsReporting.Web.Tests.Support;

namespace StatsReporting.Web.Tests;

/// Every endpoint against every role: anonymous 401, a role below the endpoint's 403, its role and above 2xx.
[Collection("Service")]
public class AccessTests(ServiceHost host)
{
    // name, method, url, least role (null: open to anyone), status on success
    private static readonly (string Name, string Method, string Url, Role? Least, HttpStatusCode Ok)[] Endpoints =
    [
        ("kvartal", "GET", "/api/periods", Role.Controller, HttpStatusCode.OK),
        ("SoL-arbetsbok", "GET", "/api/periods/2025Q2/workbooks/sol", Role.Controller, HttpStatusCode.OK),
        ("LSS-arbetsbok", "GET", "/api/periods/2025Q2/workbooks/lss", Role.Controller, HttpStatusCode.OK),
        ("diagram", "GET", "/api/periods/2025Q2/charts/sol-kon.png", Role.Controller, HttpStatusCode.OK),
        ("kontroller", "GET", "/api/periods/2025Q2/findings", Role.Controller, HttpStatusCode.OK),
        ("sammanställning", "GET", "/api/periods/2025Q2/summary", Role.Controller, HttpStatusCode.OK),
        ("paket", "GET", "/api/periods/2025Q2/zip", Role.Controller, HttpStatusCode.OK),
        ("sidans texter", "GET", "/api/page", null, HttpStatusCode.OK),
        ("individrapport", "GET", "/api/periods/2025Q2/workbooks/ivo", Role.Ivo, HttpStatusCode.OK),
        ("särskild avgift per beslut", "GET", "/api/periods/2025Q2/avgift", Role.Ivo, HttpStatusCode.OK),
        ("körhistorik", "GET", "/api/runs", Role.Admin, HttpStatusCode.OK),
        ("jobbpanel", "GET", "/hangfire", Role.Admin, HttpStatusCode.OK),
        ("jobbpanelens misslyckade jobb", "GET", "/hangfire/jobs/failed", Role.Admin, HttpStatusCode.OK),
        ("jobbpanelens schema", "GET", "/hangfire/recurring", Role.Admin, HttpStatusCode.OK),
        ("import", "POST", "/api/imports", Role.Admin, HttpStatusCode.OK),
        ("kör nu", "POST", "/api/periods/2025Q2/runs", Role.Admin, HttpStatusCode.Accepted),
        ("hälsa", "GET", "/healthz", null, HttpStatusCode.OK),
    ];

    public static TheoryData<string, string?> Cases()
    {
        var data = new TheoryData<string, string?>();
        foreach (var e in Endpoints)
            foreach (var role in new[] { null, Roles.Controller, Roles.Ivo, Roles.Admin }) data.Add(e.Name, role);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Endpoint_answers_401_anonymous_403_below_its_role_and_succeeds_from_its_role_up(string endpoint, string? role)
    {
        var e = Endpoints.Single(x => x.Name == endpoint);
        Role? r = role is null ? null : Enum.Parse<Role>(role, ignoreCase: true);
        var expected = e.Least is not { } least ? e.Ok : r is null ? HttpStatusCode.Unauthorized : r < least ? HttpStatusCode.Forbidden : e.Ok;

        var before = expected == HttpStatusCode.Accepted ? await host.LastRunId() : 0;
        using var client = host.As(r);
        using var request = new HttpRequestMessage(new HttpMethod(e.Method), e.Url);
        if (e.Name == "import") request.Content = Uploads.Form("beslut.csv", File.ReadAllBytes(ServiceData.SampleCsv));
        using var response = await client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (expected == HttpStatusCode.Accepted) // let the run end before the next test: a running job holds the run lock
            Assert.Equal("succeeded", (await host.WaitForRun((await response.Content.ReadFromJsonAsync<Enqueued>())!.JobId, before)).Status);
    }

    // The dashboard's own POSTs (what its buttons send): refused below admin, and on an admin's cookie session without
    // the CSRF token (Hangfire checks the app's antiforgery token).
    [Theory]
    [InlineData("/hangfire/stats")]
    [InlineData("/hangfire/recurring/trigger")]
    [InlineData("/hangfire/jobs/failed/requeue")]
    public async Task Dashboard_actions_are_401_anonymous_403_below_admin_and_403_without_the_csrf_token(string url)
    {
        foreach (var (role, status) in new (Role?, HttpStatusCode)[]
            { (null, HttpStatusCode.Unauthorized), (Role.Controller, HttpStatusCode.Forbidden), (Role.Ivo, HttpStatusCode.Forbidden) })
        {
            using var client = host.As(role);
            using var response = await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["jobs[]"] = "1" }));
            Assert.Equal(status, response.StatusCode);
        }
        using var browser = host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var csrf = (await browser.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/session")).GetProperty("csrf").GetString()!;
        await browser.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["nyckel"] = host.Keys[Role.Admin], ["__RequestVerificationToken"] = csrf }));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/hangfire/recurring")).StatusCode); // signed in as admin
        using var forged = await browser.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["jobs[]"] = "1" }));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
    }

    [Fact]
    public async Task A_key_kept_only_in_configuration_works_with_its_role_and_no_more()
    {
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", host.ConfigIvoKey);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/periods/2025Q2/workbooks/ivo")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/runs")).StatusCode);
    }

    [Fact]
    public async Task A_revoked_key_or_a_forged_one_is_anonymous()
    {
        foreach (var key in new[] { host.RevokedKey, host.Keys[Role.Admin][..^4] + "AAAA", "sr.0011223344556677.x" })
        {
            using var client = host.CreateClient();
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/periods")).StatusCode);
        }
    }

    [Fact]
    public async Task Controller_sees_the_quarter_without_the_individrapport_and_ivo_sees_it()
    {
        using var controller = host.As(Role.Controller);
        var q = (await controller.GetFromJsonAsync<List<PeriodEntry>>("/api/periods"))!.Single();
        Assert.Equal("2025Q2", q.Period);
        Assert.Equal(["EVB SoL 2025 kv2.xlsx", "EVB LSS 2025 kv2.xlsx"], q.Workbooks.Select(w => w.Title));
        // One order everywhere: SoL, then LSS; within a law kön, utveckling, orsaker, väntetid.
        Assert.Equal(["SoL: kön per insats", "SoL: utveckling per verksamhet, åtta kvartal", "SoL: orsaker vid rapporteringstillfället",
            "SoL: väntetid", "LSS: kön per insats", "LSS: utveckling totalt, åtta kvartal", "LSS: orsaker vid rapporteringstillfället",
            "LSS: väntetid"], q.Charts.Select(c => c.Title));
        Assert.Equal(["SoL", "SoL", "SoL", "SoL", "LSS", "LSS", "LSS", "LSS"], q.Charts.Select(c => c.Law));
        Assert.Equal(("EVB 2025 kv2.zip", "/api/periods/2025Q2/zip"), (q.Zip?.Title, q.Zip?.Url));
        Assert.Equal("/api/periods/2025Q2/summary", q.Summary?.Url);
        Assert.Equal("/api/periods/2025Q2/findings", q.Findings?.Url);
        Assert.Equal([("Tjänsteskrivelse EVB SoL 2025 kv2.docx", "/api/periods/2025Q2/documents/sol"),
            ("Tjänsteskrivelse EVB LSS 2025 kv2.docx", "/api/periods/2025Q2/documents/lss")], q.Documents.Select(d => (d.Title, d.Url)));
        Assert.Null(q.Ivo);
        Assert.Null(q.Avgift);

        using var ivo = host.As(Role.Ivo);
        var seen = (await ivo.GetFromJsonAsync<List<PeriodEntry>>("/api/periods"))!.Single();
        Assert.Equal("IVO individrapport 2025 kv2.xlsx", seen.Ivo?.Title);
        Assert.Equal(("Särskild avgift (uppskattning) 2025 kv2.xlsx", "/api/periods/2025Q2/avgift"), (seen.Avgift?.Title, seen.Avgift?.Url));
    }

    public sealed record Enqueued(string JobId, string Period);
    public sealed record Download(string Title, string Url);
    public sealed record ChartDownload(string Law, string Title, string Url);
    public sealed record PeriodEntry(string Period, string Name, List<Download> Workbooks, List<Download> Documents, Download? Zip,
        List<ChartDownload> Charts, Download? Findings, Download? Summary, Download? Ivo, Download? Avgift);
}
