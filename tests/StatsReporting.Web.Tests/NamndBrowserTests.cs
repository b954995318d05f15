using StatsReporting.Access;
using StatsReporting.Decisions;
using StatsReporting.Storage;
using StatsReporting.Web.Tests.Support;

namespace StatsReporting.Web.Tests;

/// Issue 15 in Debian's Chromium against the real program: a controller of nämnd a sees a's quarters and nothing of b.
public class NamndBrowserTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("statsreporting-namnder-sida-").FullName;
    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task A_controller_of_a_sees_only_as_quarter_list_and_downloads()
    {
        // b has reported 2025Q1 as well; a only 2025Q2.
        var (config, _, db) = NamndData.Create(_dir, Period.Parse("2025Q1"));
        var env = NamndData.Environment(config);
        using var served = new ServedPage(_dir, db.Path, env["StatsReporting__Paths__Reports"], env["StatsReporting__Paths__Ivo"],
            env["StatsReporting__Paths__Inbox"], env);
        var key = new KeyStore(new Db(db.Path)).Add(Role.Controller, "Controller a", DateTimeOffset.UtcNow, ["a"]).Key;
        var keyB = new KeyStore(new Db(db.Path)).Add(Role.Controller, "Controller b", DateTimeOffset.UtcNow, ["b"]).Key;
        await served.Start();

        var seen = await served.Browse("namnd-quarters.mjs", key);
        Assert.Equal(["2025 kv2 (2025Q2)"], seen.GetProperty("quarters").EnumerateArray().Select(q => q.GetString()));
        var links = seen.GetProperty("links").EnumerateArray().Select(l => l.GetString()!).ToList();
        Assert.Contains("/api/namnder/a/periods/2025Q2/workbooks/sol", links);
        Assert.All(links, l => Assert.StartsWith("/api/namnder/a/", l));
        Assert.Contains("EVB SoL 2025 kv2 Socialnämnden.xlsx", seen.GetProperty("text").GetString());
        Assert.DoesNotContain("Vård- och omsorgsnämnden", seen.GetProperty("text").GetString());

        // A controller of every nämnd gets the Nämnd list; a's key does not (it sees one nämnd).
        Assert.Equal([], seen.GetProperty("namnder").EnumerateArray().Select(q => q.GetString()));
        var keyAll = new KeyStore(new Db(db.Path)).Add(Role.Controller, "Controller alla", DateTimeOffset.UtcNow).Key;
        var seenAll = await served.Browse("namnd-quarters.mjs", keyAll, "b");
        Assert.Equal(["Socialnämnden (Exempelkommunen)", "Vård- och omsorgsnämnden (Exempelkommunen)"],
            seenAll.GetProperty("namnder").EnumerateArray().Select(q => q.GetString()));
        Assert.Equal(["2025 kv2 (2025Q2)", "2025 kv1 (2025Q1)"], seenAll.GetProperty("quarters").EnumerateArray().Select(q => q.GetString()));
        Assert.All(seenAll.GetProperty("links").EnumerateArray(), l => Assert.StartsWith("/api/namnder/b/", l.GetString()));

        var seenB = await served.Browse("namnd-quarters.mjs", keyB);
        Assert.Equal(["2025 kv2 (2025Q2)", "2025 kv1 (2025Q1)"], seenB.GetProperty("quarters").EnumerateArray().Select(q => q.GetString()));
    }
}
