using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using StatsReporting.Web.Tests.Support;

namespace StatsReporting.Web.Tests.Nodes;

/// The page's own way through a PostgreSQL installation behind a load balancer: the login form on node 1, then every
/// request on node 2 (its own home folder, as another machine), riding on the session cookie and the CSRF token.
public sealed class NodePageTests
{
    private sealed record Session(string? Role, string? Name, string Csrf);

    [Fact]
    public async Task Page_login_on_one_node_carries_upload_run_runs_list_and_download_on_another()
    {
        using var cluster = new NodeCluster();
        await cluster.Start(2);
        var cookies = new CookieContainer(); // per host, not per port: both nodes get the cookies, as behind one name
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var node1 = new HttpClient(handler, disposeHandler: false) { BaseAddress = new Uri(cluster.Nodes[0].Url), Timeout = TimeSpan.FromSeconds(60) };
        using var node2 = new HttpClient(handler, disposeHandler: false) { BaseAddress = new Uri(cluster.Nodes[1].Url), Timeout = TimeSpan.FromSeconds(60) };

        var anonymous = (await node1.GetFromJsonAsync<Session>("/api/session"))!;
        Assert.Null(anonymous.Role);
        using var login = await node1.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["nyckel"] = cluster.Key, ["__RequestVerificationToken"] = anonymous.Csrf }));
        Assert.Equal((HttpStatusCode.Redirect, "/"), (login.StatusCode, login.Headers.Location?.OriginalString));

        var session = (await node2.GetFromJsonAsync<Session>("/api/session"))!;
        Assert.Equal(("admin", "Nodtest"), (session.Role, session.Name));
        Assert.Equal(1, cluster.Database.Count("SELECT COUNT(*) FROM sessions WHERE ended_at IS NULL"));
        // One key ring in the database for both nodes, though they started at the same moment: one key.
        Assert.Equal(1, cluster.Database.Count("SELECT COUNT(*) FROM data_protection_keys"));

        // A cookie POST without the token is refused on node 2 as on node 1; with the token node 1 gave, it goes through.
        using (var forged = await node2.PostAsync("/api/imports", Uploads.Form("beslut-juli.csv", [1])))
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "beslut.csv")).Concat("\r\n"u8.ToArray()).ToArray();
        using var upload = new HttpRequestMessage(HttpMethod.Post, "/api/imports") { Content = Uploads.Form("beslut-juli.csv", bytes) };
        upload.Headers.Add("X-CSRF-Token", session.Csrf);
        using var imported = await node2.SendAsync(upload);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var outcome = await imported.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((309, 309), (outcome.GetProperty("rows").GetInt32(), outcome.GetProperty("new").GetInt32()));

        using var run = new HttpRequestMessage(HttpMethod.Post, "/api/periods/2025Q2/runs");
        run.Headers.Add("X-CSRF-Token", session.Csrf);
        using var started = await node2.SendAsync(run);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        await cluster.WaitForRuns(1, TimeSpan.FromSeconds(120));

        var runs = await node2.GetFromJsonAsync<JsonElement>("/api/runs");
        var row = Assert.Single(runs.EnumerateArray());
        Assert.Equal(("succeeded", "manual", "Nodtest"), (row.GetProperty("status").GetString(), row.GetProperty("trigger").GetString(),
            row.GetProperty("startedBy").GetString()));
        // The inbox's sample: new bytes, so one more import, with no new decisions (the upload had them all).
        Assert.EndsWith("Inkorgen: 1 fil, 1 ny import med 0 nya beslut.", row.GetProperty("message").GetString());
        Assert.Equal(2, cluster.Database.Count("SELECT COUNT(*) FROM imports"));

        foreach (var node in new[] { node1, node2 })
        {
            var workbook = await node.GetByteArrayAsync("/api/periods/2025Q2/workbooks/sol");
            Assert.Equal(cluster.StoredSha256("reports", "evb-sol-2025Q2.xlsx"), Convert.ToHexStringLower(SHA256.HashData(workbook)));
        }

        using var logout = new HttpRequestMessage(HttpMethod.Post, "/logout")
            { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = session.Csrf }) };
        Assert.Equal(HttpStatusCode.Redirect, (await node2.SendAsync(logout)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await node1.GetAsync("/api/periods")).StatusCode);
        Assert.Equal(0, cluster.Database.Count("SELECT COUNT(*) FROM sessions WHERE ended_at IS NULL"));
    }
}
