using System.Net;
using System.Security.Cryptography;
using StatsReporting.Web.Tests.Support;

namespace StatsReporting.Web.Tests.Nodes;

/// Three `serve` processes against one PostgreSQL database (README "Flera noder").
public sealed class NodeTests
{
    private const string SolWorkbook = "/api/periods/2025Q2/workbooks/sol";

    [Fact]
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
}
