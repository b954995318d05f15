using System.Net;
using System.Net.Http.Json;
using StatsReporting.Web.Tests.Support;

namespace StatsReporting.Web.Tests;

/// The real `serve` behind a TLS-terminating proxy on the same machine: with 127.0.0.1 in
/// StatsReporting:Web:TrustedProxies, X-Forwarded-Proto: https makes the session cookie Secure; a proxy not listed is
/// not believed. And Kestrel does not say its name.
public class ProxyTests : IDisposable
{
    private readonly ServiceData _data = new();
    private readonly List<ChildProcess> _servers = [];

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("10.9.8.7", false)] // some other proxy is trusted, not the one that sends the header
    public async Task Secure_cookies_behind_a_trusted_tls_proxy_only(string trusted, bool secure)
    {
        var key = (await ChildProcess.Run(ChildProcess.Dotnet,
            ChildProcess.Cli("keys", "add", "--role", "controller", "--db", _data.Db.Path), _data.Dir, TimeSpan.FromMinutes(1))).Trim();
        var baseUrl = $"http://127.0.0.1:{ChildProcess.FreePort()}";
        var server = new ChildProcess(ChildProcess.Dotnet, ChildProcess.Cli("serve", "--db", _data.Db.Path, "--urls", baseUrl), _data.Dir,
            new Dictionary<string, string>
            {
                ["StatsReporting__Paths__Reports"] = _data.Reports,
                ["StatsReporting__Paths__Ivo"] = _data.Ivo,
                ["StatsReporting__Web__TrustedProxies__0"] = trusted,
            });
        _servers.Add(server);
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl) };
        http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        await server.WaitUntilUp(baseUrl);

        using var session = await http.GetAsync("/api/session");
        Assert.False(session.Headers.Contains("Server"));
        var csrfCookie = session.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("statsreporting.csrf="));
        var csrf = (await session.Content.ReadFromJsonAsync<Dictionary<string, string?>>())!["csrf"]!;
        using var login = new HttpRequestMessage(HttpMethod.Post, "/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["nyckel"] = key, ["__RequestVerificationToken"] = csrf }),
        };
        login.Headers.Add("Cookie", csrfCookie.Split(';')[0]);
        using var response = await http.SendAsync(login);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("statsreporting.session=")).ToLowerInvariant();
        Assert.Equal(secure, cookie.Contains("; secure"));
        Assert.Equal(secure, csrfCookie.ToLowerInvariant().Contains("; secure"));
    }

    public void Dispose()
    {
        foreach (var s in _servers) s.Dispose();
        _data.Dispose();
    }
}
