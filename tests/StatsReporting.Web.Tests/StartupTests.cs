using StatsReporting.Web.Tests.Support;

namespace StatsReporting.Web.Tests;

/// A wrong schedule in appsettings.json stops `statsreporting serve` at start with the key named: the service never
/// runs without its quarterly job. Run as the real program, since a second in-process host would share Hangfire's
/// static storage with the "Service" collection's host.
public sealed class StartupTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("statsreporting-start-").FullName;

    [Theory]
    [InlineData("Cron", "61 * * * *", "Fel: appsettings.json: StatsReporting:Schedule:Cron '61 * * * *' är inget giltigt cron-uttryck.")]
    [InlineData("TimeZone", "Europe/Stockhol",
        "Fel: appsettings.json: StatsReporting:Schedule:TimeZone 'Europe/Stockhol' är ingen känd tidszon (t.ex. Europe/Stockholm).")]
    public async Task Serve_with_a_bad_schedule_stops_at_start_naming_the_key(string key, string value, string message)
    {
        using var serve = new ChildProcess(ChildProcess.Dotnet,
            ChildProcess.Cli("serve", "--db", Path.Combine(_dir, "data", "statsreporting.db"), "--urls", $"http://127.0.0.1:{ChildProcess.FreePort()}"),
            _dir, new Dictionary<string, string> { [$"StatsReporting__Schedule__{key}"] = value });

        Assert.NotEqual(0, await serve.Exit(TimeSpan.FromMinutes(1)));
        Assert.Contains(message, serve.Output.Split('\n').Select(l => l.TrimEnd()));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
