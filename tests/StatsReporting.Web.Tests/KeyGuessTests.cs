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

    private Task<HttpContext> Send(string address, string method, string path, Action<HttpRequest>? setup = null) =>
        host.Server.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = IPAddress.Parse(address);
            c.Request.Method = method;
            c.Request.Path = path;
            setup?.Invoke(c.Request);
        });
}
