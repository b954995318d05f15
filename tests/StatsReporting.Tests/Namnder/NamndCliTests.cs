using System.Text.Json.Nodes;
using Dapper;
using StatsReporting.Storage;
using StatsReporting.Tests.Support;

namespace StatsReporting.Tests.Namnder;

/// The real CLI in an installation configured with two nämnder (appsettings.json in the working folder).
public class NamndCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("statsreporting-namnder-cli-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public NamndCliTests()
    {
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "appsettings.json")))!;
        var s = config["StatsReporting"]!;
        s["Paths"]!["Database"] = "data/statsreporting.db";
        s["Paths"]!["Inbox"] = "inkorg";
        s["Organisation"]!["Namnder"] = JsonNode.Parse("""
            [ { "Code": "a", "Name": "Socialnämnden", "Kommun": "Exempelkommunen" },
              { "Code": "b", "Name": "Vård- och omsorgsnämnden", "Kommun": "Exempelkommunen" } ]
            """);
        File.WriteAllText(Path.Combine(_dir, "appsettings.json"), config.ToJsonString());
        foreach (var code in new[] { "a", "b" })
            File.Copy(TestEnv.SampleCsv, Path.Combine(Directory.CreateDirectory(Path.Combine(_dir, "inkorg", code)).FullName, "beslut.csv"));
    }

    [Fact]
    public void Import_needs_a_namnd_and_run_does_every_namnd_then_the_kommun_summary()
    {
        var import = CliProcess.Run(_dir, "import", "inkorg/a/beslut.csv");
        Assert.Equal((2, ""), (import.ExitCode, import.Stdout));
        Assert.StartsWith("Fel: flera nämnder finns: ange --namnd (a, b).", import.Stderr);
        var unknown = CliProcess.Run(_dir, "report", "--period", "2025Q2", "--namnd", "x");
        Assert.Equal(2, unknown.ExitCode);
        Assert.StartsWith("Fel: --namnd: okänd nämnd 'x' (finns: a, b).", unknown.Stderr);

        var run = CliProcess.Run(_dir, "run", "--period", "2025Q2");
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.True(File.Exists(Path.Combine(_dir, "reports", "a", "2025Q2", "EVB SoL 2025 kv2 Socialnämnden.xlsx")));
        Assert.True(File.Exists(Path.Combine(_dir, "reports", "b", "2025Q2", "EVB LSS 2025 kv2 Vård- och omsorgsnämnden.xlsx")));
        Assert.True(File.Exists(Path.Combine(_dir, "data", "ivo", "b", "2025Q2", "ivo-individrapport-2025Q2.xlsx")));
        var summary = Xlsx.Read(Path.Combine(_dir, "reports", "2025Q2", "EVB 2025 kv2 Exempelkommunen.xlsx"));
        Assert.Equal([88, 76, 164], Xlsx.Numbers(summary["Översikt SoL"], "Totalt kommunen"));
        Assert.Equal([32, 70, 102], Xlsx.Numbers(summary["Översikt LSS"], "Totalt kommunen")); // in SoL's kön order
        using var c = new Db(Path.Combine(_dir, "data", "statsreporting.db")).Open();
        Assert.Equal([("a", "succeeded"), ("b", "succeeded")], c.Query<(string, string)>("SELECT namnd, status FROM runs ORDER BY id"));
    }
}
