using System.Net;
using System.Security.Cryptography;

namespace StatsReporting.Web.Tests.Nodes;

/// Three `serve` processes against one PostgreSQL database (README "Flera noder").
public sealed class NodeTests
{
    private const string SolWorkbook = "/api/periods/2025Q2/workbooks/sol";

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task A_run_enqueued_on_node_1_executes_once_and_node_3_serves_the_same_bytes()
    {
        using var cluster = new NodeCluster();
        await cluster.Start();
        using (var http = cluster.Client(cluster.Nodes[0]))
            Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync("/api/periods/2025Q2/runs", null)).StatusCode);
        var runs = await cluster.WaitForRuns(1, TimeSpan.FromSeconds(90));

        Assert.Single(runs);
        Assert.Equal(("succeeded", "manual"), (runs[0].Status, runs[0].Trigger));
        Assert.Single(cluster.Executors());
        // One import of the inbox's one file, with the sample's 309 decisions.
        Assert.Equal(1, cluster.Database.Count("SELECT COUNT(*) FROM imports"));
        Assert.Equal(309, cluster.Database.Count("SELECT COUNT(*) FROM decision_versions"));

        var bytes = new List<byte[]>();
        foreach (var node in cluster.Nodes)
        {
            using var http = cluster.Client(node);
            using var response = await http.GetAsync(SolWorkbook);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            bytes.Add(await response.Content.ReadAsByteArrayAsync());
        }
        Assert.Equal(bytes[0], bytes[2]);
        Assert.Equal(bytes[0], bytes[1]);
        // The bytes are the stored set's, which the executing node wrote.
        Assert.Equal(cluster.StoredSha256("reports", "evb-sol-2025Q2.xlsx"), Convert.ToHexStringLower(SHA256.HashData(bytes[2])));
        // A node that did not run the job wrote the set into its own folder from the database.
        var idle = cluster.Nodes.First(n => !cluster.Executors().Contains(n));
        Assert.True(File.Exists(Path.Combine(idle.Reports, "2025Q2", "evb-sol-2025Q2.xlsx")));
        // The IVO set too, as restricted as the run writes it: folder 700, files 600, and served to the ivo role only.
        var ivo = Path.Combine(idle.Dir, "data", "ivo", "2025Q2");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(ivo));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(ivo, "ivo-individrapport-2025Q2.xlsx")));
        using (var http = cluster.Client(idle))
        {
            var individrapport = await http.GetByteArrayAsync("/api/periods/2025Q2/workbooks/ivo");
            Assert.Equal(cluster.StoredSha256("ivo", "ivo-individrapport-2025Q2.xlsx"), Convert.ToHexStringLower(SHA256.HashData(individrapport)));
        }
        var controller = (await cluster.Cli(idle, "keys", "add", "--role", "controller", "--name", "Controller")).Output.Split('\n')[0].Trim();
        using (var http = new HttpClient { BaseAddress = new Uri(idle.Url), DefaultRequestHeaders = { { "X-Api-Key", controller } } })
        {
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(SolWorkbook)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync("/api/periods/2025Q2/workbooks/ivo")).StatusCode);
        }
    }

    [Fact]
    public async Task Run_now_pressed_on_two_nodes_at_once_gives_one_run_and_one_409()
    {
        using var cluster = new NodeCluster();
        await cluster.Start();
        using var a = cluster.Client(cluster.Nodes[0]);
        using var b = cluster.Client(cluster.Nodes[1]);
        var answers = await Task.WhenAll(a.PostAsync("/api/periods/2025Q2/runs", null), b.PostAsync("/api/periods/2025Q2/runs", null));
        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Conflict], answers.Select(r => r.StatusCode).Order().ToArray());
        var runs = await cluster.WaitForRuns(1, TimeSpan.FromSeconds(90));
        await Task.Delay(3000); // a second run, had one been queued, would start within the queue's poll
        Assert.Single(cluster.Runs());
        Assert.Single(runs);
    }

    [Fact]
    public async Task The_node_running_a_job_is_killed_and_another_node_completes_it_without_a_second_import()
    {
        // Hangfire gives a job fetched by a dead node to another after the invisibility timeout: 10 s here, 30 min by default.
        using var cluster = new NodeCluster(new Dictionary<string, string> { ["StatsReporting__Node__InvisibilityTimeoutSeconds"] = "10" });
        File.Delete(Path.Combine(cluster.Inbox, "beslut.csv"));
        StatsReporting.Bench.SyntheticMunicipality.Write(Path.Combine(cluster.Inbox, "kommun.csv"), 20_000); // a run long enough to kill in
        await cluster.Start();
        using (var http = cluster.Client(cluster.Nodes[0]))
            Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync("/api/periods/2025Q2/runs", null)).StatusCode);

        // Killed after its import is committed, in the middle of writing the outputs.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!cluster.Runs().Any(r => r.Status == "running" && r.Message.StartsWith("Ritar", StringComparison.Ordinal)))
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(90), $"Körningen kom inte till diagrammen: {cluster.AllOutput()}");
            await Task.Delay(100);
        }
        var victim = Assert.Single(cluster.Executors());
        victim.Process.KillHard();
        Assert.Equal(1, cluster.Database.Count("SELECT COUNT(*) FROM imports"));
        var killedAt = waited.Elapsed;

        var runs = await cluster.WaitForRuns(1, TimeSpan.FromSeconds(120));
        Console.WriteLine($"Noden dödades efter {killedAt.TotalSeconds:0.0} s; en annan nod var klar efter {waited.Elapsed.TotalSeconds:0.0} s.");
        // One clear history: the dead attempt shown as avbruten, then the same Hangfire job's run on another node.
        Assert.Equal(2, runs.Count);
        Assert.Equal(("failed", "Avbruten: noden som körde den stoppades mitt i körningen; jobbet gavs till en annan nod, som körde om det (körningen efter den här)."),
            (runs[0].Status, runs[0].Message));
        Assert.Equal("succeeded", runs[1].Status);
        Assert.Equal(runs[0].JobId, runs[1].JobId);
        // No duplicate import: the retry found the file already imported (by sha256) and imported nothing.
        Assert.EndsWith("Inkorgen: 1 fil, 0 nya importer med 0 nya beslut.", runs[1].Message);
        Assert.Equal(1, cluster.Database.Count("SELECT COUNT(*) FROM imports"));
        Assert.Equal(20_000, cluster.Database.Count("SELECT COUNT(*) FROM decision_versions"));
        Assert.Equal(2, cluster.Executors().Count);

        // No half-written output: the one stored set of each folder is whole, and a surviving node serves it.
        Assert.Equal(2, cluster.Database.Count("SELECT COUNT(*) FROM output_sets"));
        var survivor = cluster.Nodes.First(n => n != victim);
        using var client = cluster.Client(survivor);
        var bytes = await client.GetByteArrayAsync(SolWorkbook);
        Assert.Equal(cluster.StoredSha256("reports", "evb-sol-2025Q2.xlsx"), Convert.ToHexStringLower(SHA256.HashData(bytes)));
        using var workbook = new ClosedXML.Excel.XLWorkbook(new MemoryStream(bytes));
        Assert.Contains(workbook.Worksheets, w => w.Name == "Sammanställning");
    }

    [Fact]
    public async Task A_recurring_job_due_on_all_three_nodes_at_once_runs_once()
    {
        // Both recurring jobs every minute, on every node: each node's scheduler finds them due at the same moment.
        using var cluster = new NodeCluster(new Dictionary<string, string>
        {
            ["StatsReporting__Schedule__Cron"] = "* * * * *",
            ["StatsReporting__Bevakning__Cron"] = "* * * * *",
        });
        await cluster.Start();
        var runs = await cluster.WaitForRuns(1, TimeSpan.FromSeconds(100));
        var minute = DateTime.UtcNow.Second;
        Assert.Single(runs);
        Assert.Equal("scheduled", runs[0].Trigger);
        Assert.Single(cluster.Executors());
        // In Hangfire's own tables: one job of each recurring id was created for the occurrence, not three.
        Assert.Equal(1, cluster.Database.Count("SELECT COUNT(*) FROM hangfire.job WHERE invocationdata::text LIKE '%QuarterlyJob%'"));
        Assert.Equal(1, cluster.Database.Count("SELECT COUNT(*) FROM hangfire.job WHERE invocationdata::text LIKE '%BevakningJob%'"));
        Console.WriteLine($"Schemalagt jobb: en körning av tre noder, klar {minute} s in i minuten.");
    }

    [Fact]
    public async Task A_web_only_node_enqueues_and_a_worker_only_node_runs_but_serves_only_healthz()
    {
        using var cluster = new NodeCluster();
        await cluster.Start([["--no-worker"], ["--worker-only"]]);
        var (web, worker) = (cluster.Nodes[0], cluster.Nodes[1]);
        using var http = cluster.Client(web);
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync("/api/periods/2025Q2/runs", null)).StatusCode);
        await cluster.WaitForRuns(1, TimeSpan.FromSeconds(90));
        Assert.Equal([worker], cluster.Executors());
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(SolWorkbook)).StatusCode);

        using var toWorker = cluster.Client(worker);
        Assert.Equal(HttpStatusCode.OK, (await toWorker.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await toWorker.GetAsync("/api/periods")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await toWorker.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await toWorker.GetAsync("/hangfire")).StatusCode);
    }

    [Fact]
    public async Task The_run_lock_is_the_databases_a_live_runs_row_is_left_alone_and_the_cli_and_run_now_wait_for_it()
    {
        using var cluster = new NodeCluster();
        await cluster.Start(1);
        // As a run on another machine holds it: the advisory lock on the shared database, with its runs row.
        var held = StatsReporting.Jobs.RunLock.TryAcquire(cluster.Db);
        Assert.NotNull(held);
        Assert.Null(StatsReporting.Jobs.RunLock.TryAcquire(cluster.Db));
        using (var c = cluster.Database.Open())
            Dapper.SqlMapper.Execute(c, "INSERT INTO runs (namnd, period, trigger, started_at, status, message) VALUES ('standard', '2025Q2', 'cli', '2026-12-01T10:00:00Z', 'running', 'Ritar SoL-diagrammen …')");

        await cluster.Start(1); // a node starting while the run goes does not call it abandoned
        Assert.Equal(("running", "Ritar SoL-diagrammen …"), (cluster.Runs()[0].Status, cluster.Runs()[0].Message));
        using (var http = cluster.Client(cluster.Nodes[1]))
            Assert.Equal(HttpStatusCode.Conflict, (await http.PostAsync("/api/periods/2025Q2/runs", null)).StatusCode);
        var (code, output) = await cluster.Cli(cluster.Nodes[0], "run", "--period", "2025Q2");
        Assert.Equal(1, code);
        Assert.Contains("Fel: en annan körning av kvartalsjobbet pågår redan mot samma databas (t.ex. i webbtjänsten).", output);

        held.Dispose(); // the run's process ended without finishing its row (as if killed)
        await cluster.Start(1);
        Assert.Equal(("failed", "Avbruten: programmet stoppades under körningen. Kör kvartalet igen."), (cluster.Runs()[0].Status, cluster.Runs()[0].Message));
        using var again = StatsReporting.Jobs.RunLock.TryAcquire(cluster.Db);
        Assert.NotNull(again);
    }

    [Fact]
    public async Task A_lone_node_killed_mid_run_and_started_again_marks_the_row_and_runs_the_queued_job_again()
    {
        using var cluster = new NodeCluster(new Dictionary<string, string> { ["StatsReporting__Node__InvisibilityTimeoutSeconds"] = "10" });
        File.Delete(Path.Combine(cluster.Inbox, "beslut.csv"));
        StatsReporting.Bench.SyntheticMunicipality.Write(Path.Combine(cluster.Inbox, "kommun.csv"), 20_000); // a run long enough to kill in
        await cluster.Start(1);
        using (var http = cluster.Client(cluster.Nodes[0]))
            Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync("/api/periods/2025Q2/runs", null)).StatusCode);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!cluster.Runs().Any(r => r.Status == "running" && r.Message.StartsWith("Ritar", StringComparison.Ordinal)))
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(90), $"Körningen kom inte till diagrammen: {cluster.AllOutput()}");
            await Task.Delay(100);
        }
        cluster.Nodes[0].Process.KillHard();

        await cluster.Start(1); // the same machine back: its start-up marks the dead row, and the job is still queued
        var dead = Assert.Single(cluster.Runs());
        Assert.Equal(("failed", StatsReporting.Web.Jobs.RunHistory.Requeued), (dead.Status, dead.Message));
        var runs = await cluster.WaitForRuns(1, TimeSpan.FromSeconds(90));
        Assert.Equal(2, runs.Count);
        Assert.Equal(("succeeded", dead.JobId), (runs[1].Status, runs[1].JobId));
        Assert.Equal(1, cluster.Database.Count("SELECT COUNT(*) FROM imports"));
    }
}
