using System.Net.Http.Json;
using System.Text.Json;
using StatsReporting.Web.Tests.Support;

namespace StatsReporting.Web.Tests.Nodes;

/// Three real `statsreporting serve` processes (the built CLI as child processes) on 127.0.0.1, three ports, one fresh
/// PostgreSQL database. Every node has its own folders (reports, data: ivo, archive); the inbox is one folder that
/// every node sees, as a drop folder mounted on every machine would be.
public sealed class NodeCluster : IDisposable
{
    public TestDatabase Database { get; }
    public string Dir { get; } = Directory.CreateTempSubdirectory("nodes-").FullName;
    public string Inbox => Path.Combine(Dir, "inbox");
    public List<Node> Nodes { get; } = [];
    public string Key { get; private set; } = "";
    private readonly Dictionary<string, string> _settings;

    public sealed class Node(int number, string dir, int port, ChildProcess process)
    {
        public int Number { get; } = number;
        public string Dir { get; } = dir;
        public string Url { get; } = $"http://127.0.0.1:{port}";
        public ChildProcess Process { get; } = process;
        public string Reports => Path.Combine(Dir, "reports");
    }

    /// `settings`: more StatsReporting settings as environment variables (e.g. a shorter invisibility timeout).
    /// `database`: another server's fresh database (PrivatePostgres); else one on the shared test server.
    public NodeCluster(IDictionary<string, string>? settings = null, TestDatabase? database = null)
    {
        Database = database ?? new TestDatabase();
        Directory.CreateDirectory(Inbox);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "beslut.csv"), Path.Combine(Inbox, "beslut.csv"));
        _settings = new()
        {
            ["ConnectionStrings__Postgres"] = Database.ConnectionString,
            ["StatsReporting__Storage__Provider"] = "Postgres",
            ["StatsReporting__Paths__Inbox"] = Inbox,
            ["StatsReporting__Node__QueuePollSeconds"] = "1",
            ["Logging__LogLevel__Default"] = "Information",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string>()) _settings[k] = v;
    }

    /// The CLI run in a node's folder with its settings, as an operator on that machine would; exit code and output.
    public async Task<(int Code, string Output)> Cli(Node node, params string[] args)
    {
        using var p = new ChildProcess(ChildProcess.Dotnet, ChildProcess.Cli(args), node.Dir, EnvFor(node.Dir));
        var code = await p.Exit(TimeSpan.FromSeconds(90));
        return (code, p.Output);
    }

    /// The database as the nodes see it, for the run lock (Paths:Database only anchors files on PostgreSQL).
    public StatsReporting.Storage.Db Db => StatsReporting.Storage.Db.Postgres(Database.ConnectionString, Path.Combine(Dir, "data", "statsreporting.db"));

    private Dictionary<string, string> EnvFor(string nodeDir) => new(_settings)
    {
        ["StatsReporting__Paths__Reports"] = Path.Combine(nodeDir, "reports"),
        ["StatsReporting__Paths__Database"] = Path.Combine(nodeDir, "data", "statsreporting.db"),
        // Its own home, as on its own machine: nothing under ~ (ASP.NET's key ring, for one) is shared by accident.
        ["HOME"] = nodeDir,
    };

    /// Starts `count` nodes at once and waits until each answers /healthz; then makes an admin key (in the database,
    /// so every node knows it).
    public Task Start(int count = 3) => Start(Enumerable.Repeat(Array.Empty<string>(), count).ToList());

    /// One node per entry, each with its own extra arguments to `serve` (--worker-only, --no-worker).
    public async Task Start(IReadOnlyList<string[]> nodeArgs)
    {
        var started = Nodes.Count;
        for (var i = started + 1; i <= started + nodeArgs.Count; i++)
        {
            var extraArgs = nodeArgs[i - started - 1];
            var dir = Path.Combine(Dir, $"node{i}");
            Directory.CreateDirectory(dir);
            File.Copy(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), Path.Combine(dir, "appsettings.json"));
            var port = ChildProcess.FreePort();
            var process = new ChildProcess(ChildProcess.Dotnet, ChildProcess.Cli(["serve", "--urls", $"http://127.0.0.1:{port}", .. extraArgs]), dir, EnvFor(dir));
            Nodes.Add(new Node(i, dir, port, process));
        }
        await Task.WhenAll(Nodes.Skip(started).Select(n => n.Process.WaitUntilUp(n.Url)));
        if (started == 0) Key = (await ChildProcess.Run(ChildProcess.Dotnet, ChildProcess.Cli("keys", "add", "--role", "admin", "--name", "Nodtest"), Nodes[0].Dir,
            TimeSpan.FromSeconds(60), EnvFor(Nodes[0].Dir))).Trim();
    }

    public HttpClient Client(Node node) => new() { BaseAddress = new Uri(node.Url), Timeout = TimeSpan.FromSeconds(60), DefaultRequestHeaders = { { "X-Api-Key", Key } } };

    /// The nodes whose log says they started a quarterly run.
    public List<Node> Executors() => Nodes.Where(n => n.Process.Output.Contains("Kvartalsjobbet startar", StringComparison.Ordinal)).ToList();

    /// The runs table, oldest first (read from the database itself).
    public List<(long Id, string Status, string Message, string? JobId, string Trigger)> Runs()
    {
        using var c = Database.Open();
        return Dapper.SqlMapper.Query<(long, string, string, string?, string)>(c, "SELECT CAST(id AS BIGINT), status, message, job_id, trigger FROM runs ORDER BY id").ToList();
    }

    /// Waits until the runs table has `succeeded` succeeded rows and none running; fails with every node's output.
    public async Task<List<(long Id, string Status, string Message, string? JobId, string Trigger)>> WaitForRuns(int succeeded, TimeSpan timeout)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < timeout)
        {
            var runs = Runs();
            if (runs.Count(r => r.Status == "succeeded") >= succeeded && runs.All(r => r.Status != "running")) return runs;
            await Task.Delay(250);
        }
        throw new TimeoutException($"Körningarna blev inte klara inom {timeout}: {JsonSerializer.Serialize(Runs())}\n{AllOutput()}");
    }

    /// The sha256 the database holds for a file of the newest stored set of 2025Q2 (`kind` reports or ivo).
    public string? StoredSha256(string kind, string path, string period = "2025Q2", string namnd = "standard")
    {
        using var c = Database.Open();
        return Dapper.SqlMapper.ExecuteScalar<string?>(c, """
            SELECT f.sha256 FROM output_files f JOIN output_sets s ON s.id = f.set_id
            WHERE s.namnd = @namnd AND s.kind = @kind AND s.period = @period AND f.path = @path ORDER BY s.id DESC LIMIT 1
            """, new { namnd, kind, period, path });
    }

    /// Every sha256 stored so far for a path (the load test's downloads must each be one of them).
    public HashSet<string> StoredSha256s(string path)
    {
        using var c = Database.Open();
        return Dapper.SqlMapper.Query<string>(c, "SELECT sha256 FROM output_files WHERE path = @path", new { path }).ToHashSet();
    }

    public async Task<JsonElement> Get(Node node, string path)
    {
        using var http = Client(node);
        return await http.GetFromJsonAsync<JsonElement>(path);
    }

    public string AllOutput() => string.Join("\n", Nodes.Select(n => $"--- nod {n.Number} ---\n{n.Process.Output}"));

    public void Dispose()
    {
        foreach (var n in Nodes) n.Process.Dispose();
        Database.Dispose();
        try { Directory.Delete(Dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
