using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using StatsReporting.Access;
using StatsReporting.Logg;
using StatsReporting.Web.Tests.Support;

namespace StatsReporting.Web.Tests;

/// The page's way in: a key in the login form becomes a cookie session; every form and POST that rides on the
/// cookie needs the CSRF token from /api/session.
[Collection("Service")]
public class LoginTests(ServiceHost host)
{
    private sealed record Session(string? Role, string? Name, string Csrf);

    private HttpClient Browser() => host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static FormUrlEncodedContent LoginForm(string key, string? csrf) => new(new Dictionary<string, string>
    {
        ["nyckel"] = key,
        ["__RequestVerificationToken"] = csrf ?? "",
    });

    [Fact]
    public async Task Login_form_gives_a_cookie_session_with_the_keys_role_and_logout_ends_it()
    {
        using var browser = Browser();
        var anonymous = (await browser.GetFromJsonAsync<Session>("/api/session"))!;
        Assert.Null(anonymous.Role);

        using var login = await browser.PostAsync("/login", LoginForm(host.Keys[Role.Controller], anonymous.Csrf));
        Assert.Equal((HttpStatusCode.Redirect, "/"), (login.StatusCode, login.Headers.Location?.OriginalString));
        Assert.Contains(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith("statsreporting.session=") && c.Contains("httponly"));

        var session = (await browser.GetFromJsonAsync<Session>("/api/session"))!;
        Assert.Equal(("controller", "Test controller"), (session.Role, session.Name));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/periods/2025Q2/workbooks/sol")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync("/api/periods/2025Q2/workbooks/ivo")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync("/hangfire")).StatusCode);

        using var logout = await browser.PostAsync("/logout", LoginForm("", session.Csrf));
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/periods")).StatusCode);
    }

    [Fact]
    public async Task A_sign_in_with_a_key_a_wrong_key_and_the_sign_out_are_in_the_behandlingslogg()
    {
        using var browser = Browser();
        var csrf = (await browser.GetFromJsonAsync<Session>("/api/session"))!.Csrf;
        using var wrong = await browser.PostAsync("/login", LoginForm("sr.0123456789abcdef.fel", csrf));
        using var right = await browser.PostAsync("/login", LoginForm(host.Keys[Role.Ivo], csrf));
        var session = (await browser.GetFromJsonAsync<Session>("/api/session"))!;
        using var logout = await browser.PostAsync("/logout", LoginForm("", session.Csrf));

        var rows = Behandlingslogg.Read(host.Data.Db, null, null);
        string Last(string handling, string vem)
        {
            var r = rows.Last(r => r.Handling == handling && r.Vem == vem);
            return $"{r.Subjekt}|{r.Objekt}|{r.Resultat}";
        }
        var id = host.Keys[Role.Ivo].Split('.')[1];
        Assert.Equal("|nyckel: ogiltig|nekad", Last(Handling.MisslyckadInloggning, "(ej inloggad)"));
        Assert.Equal($"{id}|roll: ivo; nämnder: alla|ok", Last(Handling.Inloggning, "Test IVO"));
        Assert.Equal($"{id}||ok", Last(Handling.Utloggning, "Test IVO"));
        Assert.DoesNotContain(rows, r => $"{r.Vem}{r.Objekt}".Contains(host.Keys[Role.Ivo].Split('.')[2])); // never the key's secret
    }

    [Theory]
    [InlineData("https://localhost", true)]
    [InlineData("http://127.0.0.1", false)] // loopback without TLS, as `serve` starts by default
    public async Task Session_and_csrf_cookies_are_secure_over_https_and_still_work_over_plain_http(string origin, bool secure)
    {
        using var browser = host.CreateClient(new WebApplicationFactoryClientOptions
            { BaseAddress = new Uri(origin), AllowAutoRedirect = false, HandleCookies = true });
        using var session = await browser.GetAsync("/api/session");
        var csrf = (await session.Content.ReadFromJsonAsync<Session>())!.Csrf;
        using var login = await browser.PostAsync("/login", LoginForm(host.Keys[Role.Controller], csrf));

        var cookies = session.Headers.GetValues("Set-Cookie").Concat(login.Headers.GetValues("Set-Cookie")).ToList();
        foreach (var name in new[] { "statsreporting.csrf=", "statsreporting.session=" })
        {
            var cookie = Assert.Single(cookies, c => c.StartsWith(name)).ToLowerInvariant();
            Assert.Contains("; httponly", cookie);
            Assert.Contains("; samesite=strict", cookie);
            Assert.Equal(secure, cookie.Contains("; secure"));
        }
        Assert.Equal("controller", (await browser.GetFromJsonAsync<Session>("/api/session"))!.Role);
    }

    [Fact]
    public async Task Login_without_the_csrf_token_is_400_and_a_wrong_key_goes_back_to_the_form()
    {
        using var browser = Browser();
        var csrf = (await browser.GetFromJsonAsync<Session>("/api/session"))!.Csrf;

        using var forged = await browser.PostAsync("/login", LoginForm(host.Keys[Role.Admin], null));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        using var wrong = await browser.PostAsync("/login", LoginForm("sr.0011223344556677.fel", csrf));
        Assert.Equal("/?inloggning=fel", wrong.Headers.Location?.OriginalString);
        Assert.Null((await browser.GetFromJsonAsync<Session>("/api/session"))!.Role);
    }

    [Fact]
    public async Task Post_on_a_cookie_session_needs_the_csrf_header_while_a_key_header_needs_none()
    {
        using var browser = Browser();
        var csrf = (await browser.GetFromJsonAsync<Session>("/api/session"))!.Csrf;
        await browser.PostAsync("/login", LoginForm(host.Keys[Role.Admin], csrf));
        csrf = (await browser.GetFromJsonAsync<Session>("/api/session"))!.Csrf; // the token is bound to the signed-in key

        using var without = await browser.PostAsync("/api/imports", Uploads.Form("beslut.csv", File.ReadAllBytes(ServiceData.SampleCsv)));
        Assert.Equal(HttpStatusCode.BadRequest, without.StatusCode);
        Assert.Equal("Ogiltig säkerhetstoken", (await without.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("title").GetString());

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/imports") { Content = Uploads.Form("beslut.csv", File.ReadAllBytes(ServiceData.SampleCsv)) };
        request.Headers.Add("X-CSRF-Token", csrf);
        Assert.Equal(HttpStatusCode.OK, (await browser.SendAsync(request)).StatusCode);

        using var scripted = host.As(Role.Admin); // X-Api-Key, no cookie: nothing a foreign page could forge
        Assert.Equal(HttpStatusCode.OK, (await scripted.PostAsync("/api/imports", Uploads.Form("beslut.csv", File.ReadAllBytes(ServiceData.SampleCsv)))).StatusCode);
    }

    [Fact]
    public async Task Revoking_a_key_ends_the_cookie_session_made_with_it_at_the_next_request()
    {
        var store = new KeyStore(host.Data.Db);
        var (holder, key) = store.Add(Role.Controller, "Snart spärrad", ServiceHost.Now);
        using var browser = Browser();
        var csrf = (await browser.GetFromJsonAsync<Session>("/api/session"))!.Csrf;
        await browser.PostAsync("/login", LoginForm(key, csrf));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/periods")).StatusCode);

        store.Revoke(holder.Id, ServiceHost.Now);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/periods")).StatusCode);
    }

    [Fact]
    public async Task No_key_reaches_the_log_from_the_form_or_the_header()
    {
        using var browser = Browser();
        var csrf = (await browser.GetFromJsonAsync<Session>("/api/session"))!.Csrf;
        await browser.PostAsync("/login", LoginForm(host.Keys[Role.Ivo], csrf));
        await browser.GetAsync("/api/periods/2025Q2/workbooks/ivo");
        using var scripted = host.As(Role.Admin);
        await scripted.GetAsync("/api/runs");

        var secrets = host.Keys.Values.Append(host.ConfigIvoKey).Select(k => k.Split('.')[2]).ToList();
        Assert.DoesNotContain(host.Log.Entries, e => secrets.Any(s => e.Message.Contains(s) || (e.Exception?.ToString().Contains(s) ?? false)));
    }

    [Fact]
    public async Task Page_is_served_in_swedish_to_anyone_with_a_content_security_policy()
    {
        using var anonymous = host.As(null);
        using var page = await anonymous.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"sv\">", html);
        Assert.Contains("<label for=\"nyckel\">API-nyckel</label>", html);
        Assert.StartsWith("default-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/app.js")).StatusCode);
    }
}
