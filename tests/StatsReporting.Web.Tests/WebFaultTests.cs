using System.Net;
using System.Net.Http.Json;
using StatsReporting.Access;
using StatsReporting.Web.Tests.Support;

namespace StatsReporting.Web.Tests;

/// What an attacker tried on the service (issue 11): a link swapped in during downloads, a cookie replayed after
/// logout, a key in the query string, digits of other scripts in a period, missing cache and CSP headers.
[Collection("Service")]
public class WebFaultTests(ServiceHost host)
{
    [Fact]
    public async Task A_file_swapped_with_a_symbolic_link_in_a_tight_loop_is_served_whole_or_not_at_all()
    {
        var path = host.Data.FindingsPath;
        var real = await File.ReadAllBytesAsync(path);
        var aside = Path.Combine(host.Data.Dir, "kontroller-original.json");
        var targets = new[] { host.Data.IvoPath, Path.Combine(host.Data.Dir, "hemlig.txt") };
        await File.WriteAllBytesAsync(aside, real);
        var link = path + ".lank";
        using var stop = new CancellationTokenSource();
        var swaps = 0;
        var swapper = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                // rename(2) over the file: at every moment the name is either the real file or a link to a secret.
                File.CreateSymbolicLink(link, targets[swaps % 2]);
                File.Move(link, path, overwrite: true);
                File.Copy(aside, link);
                File.Move(link, path, overwrite: true);
                swaps++;
            }
        });
        using var controller = host.As(Role.Controller);
        int whole = 0, missing = 0;
        try
        {
            for (var i = 0; i < 1500; i++)
            {
                using var response = await controller.GetAsync("/api/periods/2025Q2/findings");
                if (response.StatusCode == HttpStatusCode.NotFound) { missing++; continue; }
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal(real, await response.Content.ReadAsByteArrayAsync());
                whole++;
            }
        }
        finally
        {
            await stop.CancelAsync();
            await swapper;
            File.Copy(aside, path, overwrite: true);
            File.Delete(link);
        }
        Console.WriteLine($"Länkbyte under nedladdning: {swaps} byten, {whole} hela filer, {missing} × 404, 0 annat");
        Assert.True(whole > 0 && missing > 0, $"{whole} hela, {missing} 404, {swaps} byten: loopen ska ha träffat båda lägena");
    }

    [Fact]
    public async Task A_cookie_replayed_after_logout_is_refused()
    {
        var (cookie, _, csrfCookie) = await Login(host.Keys[Role.Ivo]);
        using var before = await WithCookie(HttpMethod.Get, "/api/periods/2025Q2/workbooks/ivo", cookie);
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        // Signed in, the page asks /api/session again for a token bound to the session, as app.js does.
        using var signedIn = await WithCookie(HttpMethod.Get, "/api/session", $"{cookie}; {csrfCookie}");
        var token = (await signedIn.Content.ReadFromJsonAsync<Dictionary<string, string?>>())!["csrf"]!;
        using var logout = await WithCookie(HttpMethod.Post, "/logout", $"{cookie}; {csrfCookie}", token);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

        using var replay = await WithCookie(HttpMethod.Get, "/api/periods/2025Q2/workbooks/ivo", cookie);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
    }

    [Fact]
    public async Task Revoking_the_key_ends_its_cookie_sessions()
    {
        var store = new KeyStore(host.Data.Db);
        var (holder, key) = store.Add(Role.Controller, "Spärras under testet", ServiceHost.Now);
        var (cookie, _, _) = await Login(key);
        using (var ok = await WithCookie(HttpMethod.Get, "/api/periods", cookie)) Assert.Equal(HttpStatusCode.OK, ok.StatusCode);

        store.Revoke(holder.Id, ServiceHost.Now);
        using var replay = await WithCookie(HttpMethod.Get, "/api/periods", cookie);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
    }

    [Fact]
    public async Task A_key_in_the_query_string_is_refused_and_never_written_to_the_log()
    {
        var key = host.Keys[Role.Admin];
        using var anonymous = host.As(null);
        foreach (var url in new[] { $"/api/runs?key={key}", $"/api/periods?api_key={Uri.EscapeDataString(key)}", $"/hangfire?X-Api-Key={key}" })
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(url)).StatusCode);

        var secret = key[(key.LastIndexOf('.') + 1)..];
        Assert.DoesNotContain(host.Log.Entries, e => e.Message.Contains(secret) || e.Message.Contains(Uri.EscapeDataString(secret)));
        Assert.Contains(host.Log.Entries, e => e.Category == "StatsReporting.Web.Requests" && e.Message.StartsWith("GET /api/runs → 401 ("));
        // One line per request, ours: the framework's "Request starting …" lines with the whole URL are off.
        Assert.DoesNotContain(host.Log.Entries, e => e.Category.StartsWith("Microsoft.AspNetCore.Hosting"));
    }

    // Found by probes (issue 24): a key or a person code in the path reached the log ("GET /api/sr.395c…").
    [Fact]
    public async Task The_request_log_writes_the_route_template_never_the_values_in_the_path()
    {
        var secret = host.Keys[Role.Admin][(host.Keys[Role.Admin].LastIndexOf('.') + 1)..];
        using var controller = host.As(Role.Controller);
        Assert.Equal(HttpStatusCode.BadRequest, (await controller.GetAsync("/api/periods/19621226-T314/summary")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await controller.GetAsync($"/api/{host.Keys[Role.Admin]}")).StatusCode);

        var lines = host.Log.Entries.Where(e => e.Category == "StatsReporting.Web.Requests").Select(e => e.Message).ToList();
        Assert.Contains(lines, l => l.StartsWith("GET /api/periods/{period}/summary → 400 ("));
        Assert.Contains(lines, l => l.StartsWith("GET (ingen route) → 404 ("));
        Assert.DoesNotContain(host.Log.Entries, e => e.Message.Contains("19621226") || e.Message.Contains("T314") || e.Message.Contains(secret));
    }

    [Theory]
    [InlineData("２０２５Q2")] // fullwidth
    [InlineData("٢٠٢٥Q2")] // Arabic-Indic
    [InlineData("२०२५Q2")] // Devanagari
    public async Task Digits_of_other_scripts_in_a_period_are_a_400_not_a_500(string period)
    {
        using var controller = host.As(Role.Controller);
        foreach (var url in new[] { "workbooks/sol", "charts/sol-kon.png", "findings" })
        {
            using var response = await controller.GetAsync($"/api/periods/{Uri.EscapeDataString(period)}/{url}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("Ogiltig period", (await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>())!.Title);
        }
    }

    [Theory]
    [InlineData(Role.Controller, "/api/periods/2025Q2/workbooks/sol")]
    [InlineData(Role.Controller, "/api/periods/2025Q2/charts/sol-kon.png")]
    [InlineData(Role.Controller, "/api/periods/2025Q2/findings")]
    [InlineData(Role.Admin, "/api/runs")]
    public async Task Reports_and_the_run_history_are_never_stored_in_a_cache_and_no_server_header_is_sent(Role role, string url)
    {
        using var client = host.As(role);
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task The_job_dashboard_has_a_content_security_policy()
    {
        using var admin = host.As(Role.Admin);
        using var response = await admin.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
    }

    [Fact]
    public async Task An_upload_into_a_read_only_archive_is_a_Swedish_error_naming_the_folder_and_stores_nothing()
    {
        var archive = Path.Combine(host.Data.Dir, "data", "archive");
        Mount("-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", archive);
        try
        {
            var rows = File.ReadAllLines(ServiceData.SampleCsv).Take(30).Select(l => l.Replace("A-0", "RO-"));
            using var admin = host.As(Role.Admin);
            using var response = await admin.PostAsync("/api/imports", Uploads.Form("skrivskydd.csv", System.Text.Encoding.UTF8.GetBytes(string.Join("\r\n", rows))));
            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            var problem = (await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>())!;
            Assert.Equal($"Kunde inte skriva '{archive}': mappen ligger på ett skrivskyddat filsystem. Inget har ändrats; de tidigare filerna ligger kvar.", problem.Detail);
            Assert.Equal(0L, Count("SELECT COUNT(*) FROM imports WHERE file_name = 'skrivskydd.csv'"));
        }
        finally { Mount("umount", archive); }
    }

    private long Count(string sql)
    {
        using var c = host.Data.Db.Open();
        return Dapper.SqlMapper.ExecuteScalar<long>(c, sql);
    }

    private static void Mount(params string[] args)
    {
        var (file, rest) = args[0] == "umount" ? ("umount", args[1..]) : ("mount", args);
        using var p = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(file, rest) { RedirectStandardError = true })!;
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', rest)}: {err} (testet behöver root)");
    }

    /// Logs in with the form as a browser does; returns the session cookie, the CSRF token and its cookie.
    private async Task<(string Cookie, string Csrf, string CsrfCookie)> Login(string key)
    {
        using var client = host.As(null);
        using var session = await client.GetAsync("/api/session");
        var csrf = (await session.Content.ReadFromJsonAsync<Dictionary<string, string?>>())!["csrf"]!;
        var csrfCookie = CookieOf(session, "statsreporting.csrf");
        using var form = new HttpRequestMessage(HttpMethod.Post, "/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["nyckel"] = key, ["__RequestVerificationToken"] = csrf }),
        };
        form.Headers.Add("Cookie", csrfCookie);
        using var login = await client.SendAsync(form);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return (CookieOf(login, "statsreporting.session"), csrf, csrfCookie);
    }

    private async Task<HttpResponseMessage> WithCookie(HttpMethod method, string url, string cookie, string? csrf = null)
    {
        using var client = host.As(null);
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Add("Cookie", cookie);
        if (csrf is not null) request.Headers.Add("X-CSRF-Token", csrf);
        return await client.SendAsync(request);
    }

    private static string CookieOf(HttpResponseMessage response, string name) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(name + "=")).Split(';')[0];
}
