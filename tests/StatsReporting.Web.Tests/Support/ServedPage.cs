using System.Reflection;
using System.Text.Json;

namespace StatsReporting.Web.Tests.Support;

/// The real program serving a data folder: `statsreporting keys add` makes a key, `statsreporting serve` runs Kestrel
/// on a free loopback port, and a Playwright script (browser/*.mjs) drives Debian's Chromium against it.
/// `more`: further environment variables for the service (e.g. Organisation:Namnder).
/// `port`: where it listens, when the caller must know it beforehand (e.g. to register it at an OpenID provider).
public sealed class ServedPage(string dir, string db, string reports, string ivo, string inbox, IReadOnlyDictionary<string, string>? more = null,
    int? port = null) : IDisposable
{
    private ChildProcess? _server;
    public string BaseUrl { get; } = $"http://127.0.0.1:{port ?? ChildProcess.FreePort()}";

    public static string Scripts => typeof(ServedPage).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "BrowserScripts").Value!;

    public async Task<string> Key(string role, string name) => (await ChildProcess.Run(ChildProcess.Dotnet,
        ChildProcess.Cli("keys", "add", "--role", role, "--name", name, "--db", db), dir, TimeSpan.FromMinutes(1))).Trim();

    public async Task Start()
    {
        _server = new ChildProcess(ChildProcess.Dotnet, ChildProcess.Cli("serve", "--db", db, "--urls", BaseUrl), dir,
            new Dictionary<string, string>
            {
                ["StatsReporting__Paths__Inbox"] = inbox,
                ["StatsReporting__Paths__Reports"] = reports,
                ["StatsReporting__Paths__Ivo"] = ivo,
            }.Concat((more ?? new Dictionary<string, string>()).Where(e => !e.Key.StartsWith("StatsReporting__Paths__", StringComparison.Ordinal))).ToDictionary());
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        for (var i = 0; i < 600; i++)
        {
            if (_server.HasExited) throw new InvalidOperationException($"statsreporting serve avslutades:\n{_server.Output}");
            try
            {
                if ((await http.GetAsync($"{BaseUrl}/healthz")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { } // not listening yet
            await Task.Delay(100);
        }
        throw new TimeoutException($"statsreporting serve svarade inte på {BaseUrl}/healthz inom 60 s:\n{_server.Output}");
    }

    /// Runs browser/<script> with the base URL first and returns the JSON line it printed last.
    public async Task<JsonElement> Browse(string script, params string[] args)
    {
        var output = await ChildProcess.Run("node", [Path.Combine(Scripts, script), BaseUrl, .. args], Scripts, TimeSpan.FromMinutes(2));
        return JsonDocument.Parse(output.Trim().Split('\n')[^1]).RootElement;
    }

    /// Copies the screenshots a script saved in `from` beside the test binaries (screenshots/), for a person to look at.
    public static void KeepScreenshots(string from)
    {
        var shots = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
        foreach (var png in Directory.GetFiles(from, "*.png")) File.Copy(png, Path.Combine(shots, Path.GetFileName(png)), overwrite: true);
    }

    /// What the served program printed so far (its log lines), for tests that wait on the log.
    public string Output => _server?.Output ?? "";

    public void Dispose() => _server?.Dispose();
}
