using System.Net;
using System.Text.Json;
using StatsReporting.Web.Tests.Support;

namespace StatsReporting.Web.Tests.Nodes;

/// Nodes when the database goes away (issue 25): a private PostgreSQL stopped with `-m immediate` in the middle of a
/// run and started again; three nodes started at once on an empty database; a port already in use.
public sealed class NodeOutageTests
{
    [Fact]
    public async Task Database_stopped_during_a_run_gives_503_everywhere_and_the_run_fails_truly_and_is_retried()
    {
        using var server = new PrivatePostgres();
        using var cluster = new NodeCluster(new Dictionary<string, string> { ["StatsReporting__Node__RetryAfterOutageSeconds"] = "3" },
            new TestDatabase(server.ConnectionString()));
        File.Delete(Path.Combine(cluster.Inbox, "beslut.csv"));
        StatsReporting.Bench.SyntheticMunicipality.Write(Path.Combine(cluster.Inbox, "kommun.csv"), 20_000); // a run long enough to stop the server in
        await cluster.Start(2);
        using (var http = cluster.Client(cluster.Nodes[0]))
            Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync("/api/periods/2025Q2/runs", null)).StatusCode);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!cluster.Runs().Any(r => r.Status == "running" && r.Message.StartsWith("Ritar", StringComparison.Ordinal)))
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(90), $"Körningen kom inte till diagrammen: {cluster.AllOutput()}");
            await Task.Delay(100);
        }

        server.StopImmediately();
        var answers = new List<string>();
        foreach (var node in cluster.Nodes)
        {
            using var http = cluster.Client(node);
            foreach (var (method, path) in new[] { ("GET", "/healthz"), ("GET", "/api/runs"), ("GET", "/api/periods/"), ("GET", "/api/bevakning"), ("POST", "/api/periods/2025Q2/runs") })
            {
                using var response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
                var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
                answers.Add($"{method} {path} {(int)response.StatusCode} Retry-After {response.Headers.RetryAfter?.Delta?.TotalSeconds} {body.GetProperty("title").GetString()}");
                Assert.StartsWith("Databasen kan inte nås just nu (", body.GetProperty("detail").GetString());
            }
        }
        Assert.All(answers, a => Assert.EndsWith(" 503 Retry-After 15 Databasen kan inte nås just nu", a));
        Assert.Equal(10, answers.Count);
        await Task.Delay(TimeSpan.FromSeconds(8));
        server.Start();

        List<(long Id, string Status, string Message, string? JobId, string Trigger)> runs;
        try { runs = await cluster.WaitForRuns(1, TimeSpan.FromSeconds(120)); }
        catch (TimeoutException e)
        {
            using var c = cluster.Database.Open();
            var states = Dapper.SqlMapper.Query<string>(c, "SELECT jobid || ' ' || name || ' ' || COALESCE(reason, '') FROM hangfire.state ORDER BY id");
            var locks = Dapper.SqlMapper.Query<string>(c, "SELECT resource FROM hangfire.lock");
            throw new TimeoutException($"{string.Join(" | ", cluster.Runs().Select(r => $"{r.Id} {r.Status} {r.Message}"))}\n{string.Join("\n", states)}\nlås: {string.Join(", ", locks)}", e);
        }
        Assert.Equal(2, runs.Count);
        Assert.Equal("failed", runs[0].Status);
        Assert.StartsWith("Misslyckades: databasen kunde inte nås under körningen (", runs[0].Message);
        Assert.EndsWith("; körningen avbröts. Jobbet körs om automatiskt 3 s efter att databasen svarar igen (försök 2 av 4; körningen efter den här).", runs[0].Message);
        // Hangfire ran the same job again, on one of the nodes, and it reported the quarter.
        Assert.Equal(("succeeded", runs[0].JobId), (runs[1].Status, runs[1].JobId));
        Assert.Equal(20_000, cluster.Database.Count("SELECT COUNT(*) FROM decision_versions"));
        Assert.Equal(1, cluster.Database.Count("SELECT COUNT(*) FROM imports"));
        foreach (var node in cluster.Nodes)
        {
            using var http = cluster.Client(node);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);
        }
    }

    [Fact]
    public async Task Three_nodes_started_at_once_on_an_empty_database_log_no_error()
    {
        using var cluster = new NodeCluster();
        await cluster.Start(3);
        // Every node is up; Hangfire's schema was installed once, under the migration lock, by whichever came first.
        Assert.Equal(1, cluster.Database.Count("SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = 'hangfire'"));
        foreach (var node in cluster.Nodes)
        {
            var output = node.Process.Output;
            Assert.False(output.Contains("fail:", StringComparison.Ordinal) || output.Contains("crit:", StringComparison.Ordinal)
                || output.Contains("23505", StringComparison.Ordinal) || output.Contains("Exception", StringComparison.Ordinal), $"nod {node.Number}:\n{output}");
        }
    }

    [Fact]
    public async Task A_port_in_use_is_named_in_Swedish_with_what_to_do()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var dir = Directory.CreateTempSubdirectory("port-").FullName;
        File.Copy(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), Path.Combine(dir, "appsettings.json"));
        using var serve = new ChildProcess(ChildProcess.Dotnet, ChildProcess.Cli("serve", "--urls", $"http://127.0.0.1:{port}"), dir, new Dictionary<string, string> { ["HOME"] = dir });
        Assert.Equal(1, await serve.Exit(TimeSpan.FromSeconds(90)));
        Assert.Contains($"Fel: Adressen http://127.0.0.1:{port} används redan av ett annat program (kanske en annan statsreporting serve). " +
            "Stoppa det programmet, eller välj en annan port med --urls (t.ex. --urls http://127.0.0.1:5081) eller ASPNETCORE_URLS.", serve.Output);
        Assert.DoesNotContain("Failed to bind", serve.Output);
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public async Task A_user_without_the_right_to_create_tables_is_told_which_grant_is_missing()
    {
        using var server = new PrivatePostgres();
        server.Execute("CREATE ROLE utan_ratt LOGIN");
        server.Execute("CREATE DATABASE sr_ratt ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0");
        var dir = Directory.CreateTempSubdirectory("grant-").FullName;
        var env = new Dictionary<string, string>
        {
            ["StatsReporting__Storage__Provider"] = "Postgres",
            ["ConnectionStrings__Postgres"] = server.ConnectionString("sr_ratt", "utan_ratt"),
            ["HOME"] = dir,
        };
        using var keys = new ChildProcess(ChildProcess.Dotnet, ChildProcess.Cli("keys", "list"), dir, env);
        Assert.Equal(1, await keys.Exit(TimeSpan.FromSeconds(90)));
        Assert.Contains($"Fel: PostgreSQL-databasen 'sr_ratt' på 127.0.0.1:{server.Port}: användaren 'utan_ratt' saknar behörighet att skapa tabellerna " +
            "(PostgreSQL-fel 42501, \"permission denied\"). Ge den rätten som databasens ägare: GRANT USAGE, CREATE ON SCHEMA public TO utan_ratt; " +
            "eller gör den till ägare av databasen: ALTER DATABASE sr_ratt OWNER TO utan_ratt; Inget har ändrats.", keys.Output);
        Assert.DoesNotContain("permission denied for schema", keys.Output);
        Directory.Delete(dir, recursive: true);
    }
}
