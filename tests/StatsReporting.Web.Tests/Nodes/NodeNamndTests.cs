using System.Net;
using System.Security.Cryptography;

namespace StatsReporting.Web.Tests.Nodes;

/// Two nämnder on three nodes: every node serves each nämnd's own sets, and one nämnd's key never sees the other's.
public sealed class NodeNamndTests
{
    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task Each_namnds_ivo_set_is_served_by_every_node_to_its_own_keys_only()
    {
        using var cluster = new NodeCluster(new Dictionary<string, string>
        {
            ["StatsReporting__Organisation__Namnder__0__Code"] = "son",
            ["StatsReporting__Organisation__Namnder__0__Name"] = "Socialnämnden",
            ["StatsReporting__Organisation__Namnder__0__Kommun"] = "Exempelkommunen",
            ["StatsReporting__Organisation__Namnder__1__Code"] = "von",
            ["StatsReporting__Organisation__Namnder__1__Name"] = "Vård- och omsorgsnämnden",
            ["StatsReporting__Organisation__Namnder__1__Kommun"] = "Exempelkommunen",
        });
        foreach (var code in new[] { "son", "von" })
        {
            Directory.CreateDirectory(Path.Combine(cluster.Inbox, code));
            File.Copy(Path.Combine(cluster.Inbox, "beslut.csv"), Path.Combine(cluster.Inbox, code, "beslut.csv"));
        }
        await cluster.Start();
        for (var i = 0; i < 2; i++) // one nämnd after the other: a second "Kör nu" while the first waits is a 409
        {
            using var admin = cluster.Client(cluster.Nodes[i]);
            Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync($"/api/namnder/{(i == 0 ? "son" : "von")}/periods/2025Q2/runs", null)).StatusCode);
            await cluster.WaitForRuns(i + 1, TimeSpan.FromSeconds(90));
        }
        Assert.Equal(4, cluster.Database.Count("SELECT COUNT(*) FROM output_sets"));
        var son = (await cluster.Cli(cluster.Nodes[2], "keys", "add", "--role", "ivo", "--name", "IVO son", "--namnder", "son")).Output.Split('\n')[0].Trim();

        foreach (var node in cluster.Nodes)
        {
            using var http = new HttpClient { BaseAddress = new Uri(node.Url), DefaultRequestHeaders = { { "X-Api-Key", son } } };
            var ivo = await http.GetByteArrayAsync("/api/namnder/son/periods/2025Q2/workbooks/ivo");
            Assert.Equal(cluster.StoredSha256("ivo", "ivo-individrapport-2025Q2.xlsx", namnd: "son"), Convert.ToHexStringLower(SHA256.HashData(ivo)));
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/namnder/von/periods/2025Q2/workbooks/ivo")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/namnder/von/periods/2025Q2/workbooks/sol")).StatusCode);
            // Each nämnd's set in its own folder below the node's roots, the IVO one owner-only.
            var folder = Path.Combine(node.Dir, "data", "ivo", "son", "2025Q2");
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
            Assert.True(File.Exists(Path.Combine(node.Reports, "von", "2025Q2", "EVB SoL 2025 kv2 Vård- och omsorgsnämnden.xlsx")));
        }
    }
}
