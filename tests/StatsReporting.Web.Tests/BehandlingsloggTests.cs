using System.Net;
using System.Text.Json;
using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using StatsReporting.Web.Jobs;
using StatsReporting.Access;
using StatsReporting.Logg;
using StatsReporting.Web.Tests.Support;

namespace StatsReporting.Web.Tests;

/// The behandlingslogg as the web writes it: a download of the individrapport refused (403) and given (200), the
/// key login's sign-in, failed sign-in and sign-out, /api/logg for admins only. Each test speaks from its own
/// address, so its rows are told apart from the shared host's other tests'.
[Collection("Service")]
public class BehandlingsloggTests(ServiceHost host)
{
    private const string Individrapport = "/api/periods/2025Q2/workbooks/ivo";

    [Fact]
    public async Task A_controllers_download_of_the_individrapport_is_a_403_logged_as_refused()
    {
        var r = await Send("10.24.0.1", "GET", Individrapport, q => q.Headers["X-Api-Key"] = host.Keys[Role.Controller]);
        Assert.Equal(403, r.Response.StatusCode);

        var row = Assert.Single(From("10.24.0.1"));
        Assert.Equal(("Test controller", "individrapport_hamtad", "2025Q2", "standard", "nekad", (long?)null),
            (row.Vem, row.Handling, row.Kvartal, row.Namnd, row.Resultat, row.AntalPersoner));
    }

    [Fact]
    public async Task An_ivo_download_is_logged_with_the_keys_name_the_address_the_node_and_how_many_persons()
    {
        var r = await Send("10.24.0.2", "GET", Individrapport, q => q.Headers["X-Api-Key"] = host.Keys[Role.Ivo]);
        Assert.Equal(200, r.Response.StatusCode);

        var row = Assert.Single(From("10.24.0.2"));
        Assert.Equal(("Test IVO", "individrapport_hamtad", "IVO individrapport 2025 kv2.xlsx", "2025Q2", "standard", "ok", Environment.MachineName),
            (row.Vem, row.Handling, row.Objekt, row.Kvartal, row.Namnd, row.Resultat, row.Nod));
        // The persons of the quarter's export: the distinct codes in the individrapport's CSV, read back.
        var codes = File.ReadLines(Path.ChangeExtension(host.Data.IvoPath, "csv")).Skip(1).Select(l => l.Split(';')[2]).Distinct().Count();
        Assert.Equal(codes, row.AntalPersoner);
        Assert.NotNull(row.Subjekt);
    }

    [Fact]
    public async Task Signing_in_failing_and_signing_out_with_a_key_are_logged_without_the_key()
    {
        const string address = "10.24.0.3";
        var session = await Send(address, "GET", "/api/session");
        var csrfCookie = session.Response.Headers.SetCookie.ToString().Split(';')[0];
        var csrf = (await JsonSerializer.DeserializeAsync<JsonElement>(session.Response.Body)).GetProperty("csrf").GetString()!;
        Task<HttpContext> Post(string path, string cookie, Dictionary<string, string> form) => Send(address, "POST", path, r =>
        {
            r.Headers.Cookie = cookie;
            r.ContentType = "application/x-www-form-urlencoded";
            r.Body = new FormUrlEncodedContent(form).ReadAsStream();
        });

        await Post("/login", csrfCookie, new() { ["nyckel"] = "sr.0011223344556677.fel", ["__RequestVerificationToken"] = csrf });
        var ok = await Post("/login", csrfCookie, new() { ["nyckel"] = host.Keys[Role.Admin], ["__RequestVerificationToken"] = csrf });
        var cookies = csrfCookie + "; " + ok.Response.Headers.SetCookie.ToString().Split(';')[0];
        // The form token is bound to who is signed in: the page asks for a new one after login.
        var signedIn = await Send(address, "GET", "/api/session", r => r.Headers.Cookie = cookies);
        var token = (await JsonSerializer.DeserializeAsync<JsonElement>(signedIn.Response.Body)).GetProperty("csrf").GetString()!;
        Assert.Equal(302, (await Post("/logout", cookies, new() { ["__RequestVerificationToken"] = token })).Response.StatusCode);

        Assert.Equal([("(ej inloggad)", "misslyckad_inloggning", "nekad"), ("Test admin", "inloggning", "ok"), ("Test admin", "utloggning", "ok")],
            From(address).Select(r => (r.Vem, r.Handling, r.Resultat)));
        var secret = host.Keys[Role.Admin][(host.Keys[Role.Admin].LastIndexOf('.') + 1)..];
        Assert.DoesNotContain(Behandlingslogg.Read(host.Data.Db, null, null), r => JsonSerializer.Serialize(r).Contains(secret) || JsonSerializer.Serialize(r).Contains("fel\""));
    }

    [Fact]
    public async Task Api_logg_is_for_admins_and_its_reading_is_logged()
    {
        Assert.Equal(403, (await Send("10.24.0.4", "GET", "/api/logg", r => r.Headers["X-Api-Key"] = host.Keys[Role.Ivo])).Response.StatusCode);
        var admin = await Send("10.24.0.4", "GET", "/api/logg", r => r.Headers["X-Api-Key"] = host.Keys[Role.Admin]);
        Assert.Equal(200, admin.Response.StatusCode);
        var rows = (await JsonSerializer.DeserializeAsync<JsonElement>(admin.Response.Body)).EnumerateArray().ToList();
        // The seeding run's import of the sample, by this process, comes first.
        Assert.Equal(("import", "beslut.csv", $"{Environment.UserName}@{Environment.MachineName}"),
            (rows[0].GetProperty("handling").GetString(), rows[0].GetProperty("objekt").GetString(), rows[0].GetProperty("vem").GetString()));
        Assert.Equal(["tid", "vem", "handling", "objekt", "kvartal", "namnd", "antal_personer", "adress", "resultat"], rows[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(("logg_last", "ok"), From("10.24.0.4").Select(r => (r.Handling, r.Resultat)).Single());

        var csv = await Send("10.24.0.4", "GET", "/api/logg", r => { r.Headers["X-Api-Key"] = host.Keys[Role.Admin]; r.QueryString = new("?format=csv&from=2000-01-01"); });
        Assert.Equal("text/csv; charset=utf-8", csv.Response.ContentType);
        var bad = await Send("10.24.0.4", "GET", "/api/logg", r => { r.Headers["X-Api-Key"] = host.Keys[Role.Admin]; r.QueryString = new("?from=igår"); });
        Assert.Equal(400, bad.Response.StatusCode);
    }

    [Fact]
    public async Task The_monthly_gallring_job_is_registered_and_logs_what_it_gallrade_per_namnd()
    {
        _ = host.Services;
        using (var connection = JobStorage.Current.GetConnection())
        {
            var job = Assert.Single(connection.GetRecurringJobs(), j => j.Id == GallringJob.RecurringId);
            Assert.Equal(("0 4 2 * *", "Europe/Stockholm"), (job.Cron, job.TimeZoneId));
        }
        var jobId = host.Services.GetRequiredService<IRecurringJobManagerV2>().TriggerJob(GallringJob.RecurringId);
        Assert.Equal("Succeeded", await ServiceHost.WaitForJobState(jobId, "Succeeded"));

        // The host's clock says 2025-07-01: 24 months back nothing of the sample (closed 2024–2025) is due.
        var row = Behandlingslogg.Read(host.Data.Db, null, null).Last(r => r.Handling == "gallring");
        Assert.Equal(("standard", $"gallringsjobbet@{Environment.MachineName}", 0L, "0 beslut (0 versioner) stängda före 2023-07-01; 0 IVO-koder, 0 IVO-mappar, 0 arkivfiler"),
            (row.Namnd, row.Vem, row.AntalPersoner, row.Objekt));
        Assert.Equal("logg_gallrad", Behandlingslogg.Read(host.Data.Db, null, null)[^1].Handling);
        Assert.True(File.Exists(host.Data.IvoPath));
    }

    private List<LogRow> From(string address) => Behandlingslogg.Read(host.Data.Db, null, null).Where(r => r.Adress == address).ToList();

    private Task<HttpContext> Send(string address, string method, string path, Action<HttpRequest>? setup = null) =>
        host.Server.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = IPAddress.Parse(address);
            c.Request.Method = method;
            c.Request.Path = path;
            setup?.Invoke(c.Request);
        });
}
