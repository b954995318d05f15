using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;

namespace StatsReporting.Web.Tests.Nodes;

/// A bounded loopback load on three nodes while a run executes (README "Flera noder").
public sealed class NodeLoadTests
{
    private static readonly (string Url, string? File)[] Requests =
    [
        ("/api/periods/2025Q2/workbooks/sol", "evb-sol-2025Q2.xlsx"),
        ("/api/periods/2025Q2/workbooks/lss", "evb-lss-2025Q2.xlsx"),
        ("/api/periods/2025Q2/summary", "sammanstallning-2025Q2.json"),
        ("/api/periods", null),
    ];

    [Fact]
    public async Task Fifty_clients_for_30_s_over_three_nodes_during_a_run_get_no_errors_and_whole_files()
    {
        using var cluster = new NodeCluster();
        await cluster.Start();
        using (var http = cluster.Client(cluster.Nodes[0]))
            Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync("/api/periods/2025Q2/runs", null)).StatusCode);
        await cluster.WaitForRuns(1, TimeSpan.FromSeconds(90));
        var before = Requests.Where(r => r.File is not null).ToDictionary(r => r.File!, r => cluster.StoredSha256s(r.File!));

        // The second run has a new snapshot to import, so it writes (and stores) a different set while the load goes on.
        StatsReporting.Bench.SyntheticMunicipality.Write(Path.Combine(cluster.Inbox, "kommun.csv"), 20_000);
        using (var http = cluster.Client(cluster.Nodes[1]))
            Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync("/api/periods/2025Q2/runs", null)).StatusCode);

        var clients = cluster.Nodes.Select(cluster.Client).ToArray();
        var (latencies, errors, downloads) = (new ConcurrentBag<double>(), new ConcurrentBag<string>(), new ConcurrentBag<(string File, string Sha)>());
        var end = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 50).Select(client => Task.Run(async () =>
        {
            for (var i = 0; end.Elapsed < TimeSpan.FromSeconds(30); i++)
            {
                var (url, file) = Requests[(client + i) % Requests.Length];
                var http = clients[(client + i) % clients.Length];
                var watch = Stopwatch.StartNew();
                try
                {
                    using var response = await http.GetAsync(url);
                    var body = await response.Content.ReadAsByteArrayAsync();
                    latencies.Add(watch.Elapsed.TotalMilliseconds);
                    if (response.StatusCode != HttpStatusCode.OK) errors.Add($"{http.BaseAddress}{url.TrimStart('/')}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(body)}");
                    else if (file is not null) downloads.Add((file, Convert.ToHexStringLower(SHA256.HashData(body))));
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { errors.Add($"{url}: {e.GetType().Name}"); }
            }
        })));
        foreach (var c in clients) c.Dispose();
        var runs = await cluster.WaitForRuns(2, TimeSpan.FromSeconds(120));

        var sorted = latencies.Order().ToArray();
        double P(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        var after = Requests.Where(r => r.File is not null).ToDictionary(r => r.File!, r => cluster.StoredSha256s(r.File!));
        var fresh = downloads.Count(d => after[d.File].Contains(d.Sha) && !before[d.File].Contains(d.Sha));
        Console.WriteLine($"Last: 50 klienter, 30 s, 3 noder: {sorted.Length} svar, {errors.Count} fel, p50 {P(0.50):0} ms, p95 {P(0.95):0} ms, " +
            $"p99 {P(0.99):0} ms; {downloads.Count} nedladdade filer, varav {fresh} ur den nya körningens uppsättning.");
        Assert.True(errors.IsEmpty, $"{errors.Count} fel, t.ex.:\n{string.Join("\n", errors.Take(10))}\n{cluster.AllOutput()[..Math.Min(20000, cluster.AllOutput().Length)]}");
        Assert.Equal(2, runs.Count(r => r.Status == "succeeded"));
        // Every downloaded file whole: its sha256 is that of one of the two stored sets, the first run's or the second's.
        Assert.All(downloads, d => Assert.True(before[d.File].Contains(d.Sha) || after[d.File].Contains(d.Sha), $"{d.File}: {d.Sha} finns inte i någon lagrad uppsättning"));
        Assert.True(sorted.Length > 100, $"bara {sorted.Length} svar");
    }
}
