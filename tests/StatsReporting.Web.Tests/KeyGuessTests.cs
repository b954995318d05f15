using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using StatsReporting.Access;
using StatsReporting.Web.Tests.Support;

namespace StatsReporting.Web.Tests;

/// Wrong keys from one address count alike at the login form and in the X-Api-Key header; after ten within a minute
/// that address waits, even with a right key, while other addresses go on. Each test speaks from its own loopback
/// address, so the shared host's other tests (which come from no address at all) are not held up.
[Collection("Service")]
public class KeyGuessTests(ServiceHost host)
{
    private const string WrongKey = "sr.0011223344556677.fel";

    [Fact]
    public async Task Key_header_after_ten_wrong_keys_from_one_address_is_429_even_when_right()
    {
        for (var i = 0; i < 10; i++)
            Assert.Equal(401, (await Send("127.0.0.2", "GET", "/api/periods", r => r.Headers["X-Api-Key"] = WrongKey)).Response.StatusCode);

        var blocked = await Send("127.0.0.2", "GET", "/api/periods", r => r.Headers["X-Api-Key"] = host.Keys[Role.Controller]);
        Assert.Equal(429, blocked.Response.StatusCode);
        Assert.Equal("60", blocked.Response.Headers.RetryAfter.ToString());
        Assert.Equal("För många försök", (await JsonSerializer.DeserializeAsync<JsonElement>(blocked.Response.Body)).GetProperty("title").GetString());
        Assert.Equal(200, (await Send("127.0.0.3", "GET", "/api/periods", r => r.Headers["X-Api-Key"] = host.Keys[Role.Controller])).Response.StatusCode);
    }

    [Fact]
    public async Task Login_form_after_ten_wrong_keys_from_one_address_asks_it_to_wait_even_with_a_right_key()
    {
        const string address = "127.0.0.4";
        var session = await Send(address, "GET", "/api/session");
        var cookie = session.Response.Headers.SetCookie.ToString().Split(';')[0];
        var csrf = (await JsonSerializer.DeserializeAsync<JsonElement>(session.Response.Body)).GetProperty("csrf").GetString()!;
        Task<HttpContext> Login(string key) => Send(address, "POST", "/login", r =>
        {
            r.Headers.Cookie = cookie;
            r.ContentType = "application/x-www-form-urlencoded";
            r.Body = new FormUrlEncodedContent(new Dictionary<string, string> { ["nyckel"] = key, ["__RequestVerificationToken"] = csrf }).ReadAsStream();
        });

        for (var i = 0; i < 10; i++) Assert.Equal("/?inloggning=fel", (await Login(WrongKey)).Response.Headers.Location.ToString());

        var blocked = await Login(host.Keys[Role.Controller]);
        Assert.Equal("/?inloggning=sparr", blocked.Response.Headers.Location.ToString());
        Assert.DoesNotContain("statsreporting.session=", blocked.Response.Headers.SetCookie.ToString());
    }

    // Found by probes (issue 24): with Web:TrustedProxies empty, X-Forwarded-For from loopback was believed, so a new
    // made-up address per guess never reached the limit, and a blocked address got through with any header.
    [Fact]
    public async Task Changing_X_Forwarded_For_from_an_address_not_listed_as_proxy_does_not_escape_the_limit()
    {
        for (var i = 0; i < 10; i++)
            Assert.Equal(401, (await Send("127.0.0.5", "GET", "/api/periods", r =>
            {
                r.Headers["X-Api-Key"] = WrongKey;
                r.Headers["X-Forwarded-For"] = $"203.0.113.{i + 1}";
            })).Response.StatusCode);

        var blocked = await Send("127.0.0.5", "GET", "/api/periods", r =>
        {
            r.Headers["X-Api-Key"] = host.Keys[Role.Controller];
            r.Headers["X-Forwarded-For"] = "198.51.100.77";
        });
        Assert.Equal(429, blocked.Response.StatusCode);
    }

    [Fact]
    public async Task X_Forwarded_Proto_https_from_loopback_does_not_make_the_csrf_cookie_secure_when_no_proxy_is_listed()
    {
        var session = await Send("127.0.0.1", "GET", "/api/session", r => r.Headers["X-Forwarded-Proto"] = "https");
        var cookie = session.Response.Headers.SetCookie.ToString();
        Assert.StartsWith("statsreporting.csrf=", cookie);
        Assert.DoesNotContain("secure", cookie.ToLowerInvariant());
    }

    private Task<HttpContext> Send(string address, string method, string path, Action<HttpRequest>? setup = null) =>
        host.Server.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = IPAddress.Parse(address);
            c.Request.Method = method;
            c.Request.Path = path;
            setup?.Invoke(c.Request);
        });
}
