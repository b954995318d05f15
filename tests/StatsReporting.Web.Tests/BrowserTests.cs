using System.Reflection;
using System.Text.Json;
using ClosedXML.Excel;
using StatsReporting.Web.Tests.Support;

namespace StatsReporting.Web.Tests;

/// The whole way a controller goes, in Debian's Chromium against the real program: `statsreporting keys add`
/// makes the key, `statsreporting serve` runs Kestrel on a free loopback port, Playwright logs in and downloads.
public class BrowserTests : IDisposable
{
    private readonly ServiceData _data = new();
    private ChildProcess? _server;

    private static string Scripts => typeof(BrowserTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "BrowserScripts").Value!;

    [Fact]
    public async Task Controller_logs_in_sees_2025Q2_and_downloads_the_sol_workbook_as_valid_xlsx()
    {
        var key = (await ChildProcess.Run(ChildProcess.Dotnet,
            ChildProcess.Cli("keys", "add", "--role", "controller", "--name", "Webbläsartest", "--db", _data.Db.Path), _data.Dir,
            TimeSpan.FromMinutes(1))).Trim();
        var baseUrl = $"http://127.0.0.1:{ChildProcess.FreePort()}";
        _server = new ChildProcess(ChildProcess.Dotnet, ChildProcess.Cli("serve", "--db", _data.Db.Path, "--urls", baseUrl), _data.Dir,
            new Dictionary<string, string>
            {
                ["StatsReporting__Paths__Inbox"] = _data.Inbox,
                ["StatsReporting__Paths__Reports"] = _data.Reports,
                ["StatsReporting__Paths__Ivo"] = _data.Ivo,
            });
        await WaitUntilUp(baseUrl);

        var downloads = Directory.CreateDirectory(Path.Combine(_data.Dir, "nedladdat")).FullName;
        var output = await ChildProcess.Run("node", [Path.Combine(Scripts, "login-download.mjs"), baseUrl, key, downloads], Scripts,
            TimeSpan.FromMinutes(2));
        var seen = JsonDocument.Parse(output.Trim().Split('\n')[^1]).RootElement;

        Assert.Equal("2025 kv2 (2025Q2)", seen.GetProperty("heading").GetString());
        Assert.Equal("Inloggad: Webbläsartest (controller)", seen.GetProperty("signedInAs").GetString());
        // The individrapport lies in the data folder too, but a controller is never shown it; nor upload or runs.
        Assert.Equal(["KF-arbetsbok: EVB SoL 2025 kv2.xlsx", "KF-arbetsbok: EVB LSS 2025 kv2.xlsx", "Kontroller 2025 kv2 (JSON)"],
            seen.GetProperty("links").EnumerateArray().Select(l => l.GetString()));
        Assert.False(seen.GetProperty("importVisible").GetBoolean());
        Assert.False(seen.GetProperty("runsVisible").GetBoolean());
        // All eight charts were shown, each the full 1600 px wide PNG.
        Assert.Equal(Enumerable.Repeat(1600, 8), seen.GetProperty("chartWidths").EnumerateArray().Select(w => w.GetInt32()));
        Assert.Equal("EVB SoL 2025 kv2.xlsx", seen.GetProperty("suggestedFilename").GetString());

        using var wb = new XLWorkbook(seen.GetProperty("saved").GetString()!);
        var total = wb.Worksheet("Sammanställning").RowsUsed().Single(r => r.Cell(1).GetString() == "Totalt samtliga verksamheter");
        Assert.Equal([44, 38, 82], Enumerable.Range(2, 3).Select(c => total.Cell(c).GetValue<int>()));

        // Kept beside the test binaries for a person to look at.
        var shots = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
        File.Copy(Path.Combine(downloads, "sida-controller.png"), Path.Combine(shots, "sida-controller.png"), overwrite: true);
    }

    [Fact]
    public async Task Controller_sees_the_bevakning_counts_per_enhet_and_downloads_the_list()
    {
        // Three decisions reaching three months 7–25 days from today (the service's clock is the real one); the
        // sample's own decisions are all long done or reported by now.
        var today = ServiceData.Settings.Bevakning.Today(TimeProvider.System);
        string Beslut(int days) => today.AddMonths(-3).AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var csv = Path.Combine(_data.Dir, "nya.csv");
        File.WriteAllText(csv, string.Join("\r\n",
            "beslut_id;person_id;kon;lag;verksamhet;insats;enhet;beslutsdatum;avbrottsdatum;verkstallt_datum;avslutat_datum;orsak;kommentar",
            $"W-1;19400101-T010;M;SoL;ÄO;Särskilt boende;Fyren;{Beslut(10)};;;;SAKNAS_PLATS;hemlig kommentar",
            $"W-2;19400101-T020;K;SoL;IFO;Bostad;Krongyllen;{Beslut(20)};;;;;",
            $"W-3;19400101-T030;M;LSS;;9 § 4;;{Beslut(25)};;;;;") + "\r\n");
        new StatsReporting.Import.Importer(_data.Db, new StatsReporting.Decisions.Catalog(ServiceData.Settings.Catalog),
            Path.Combine(_data.Dir, "arkiv"), TimeProvider.System).Import(csv);
        var key = (await ChildProcess.Run(ChildProcess.Dotnet,
            ChildProcess.Cli("keys", "add", "--role", "controller", "--name", "Bevakningstest", "--db", _data.Db.Path), _data.Dir,
            TimeSpan.FromMinutes(1))).Trim();
        var baseUrl = $"http://127.0.0.1:{ChildProcess.FreePort()}";
        _server = new ChildProcess(ChildProcess.Dotnet, ChildProcess.Cli("serve", "--db", _data.Db.Path, "--urls", baseUrl), _data.Dir,
            new Dictionary<string, string>
            {
                ["StatsReporting__Paths__Inbox"] = _data.Inbox,
                ["StatsReporting__Paths__Reports"] = _data.Reports,
                ["StatsReporting__Paths__Ivo"] = _data.Ivo,
            });
        await WaitUntilUp(baseUrl);

        var downloads = Directory.CreateDirectory(Path.Combine(_data.Dir, "nedladdat")).FullName;
        var output = await ChildProcess.Run("node", [Path.Combine(Scripts, "bevakning.mjs"), baseUrl, key, downloads], Scripts,
            TimeSpan.FromMinutes(2));
        var seen = JsonDocument.Parse(output.Trim().Split('\n')[^1]).RootElement;

        var iso = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("Bevakning: beslut som närmar sig tre månader", seen.GetProperty("heading").GetString());
        Assert.Equal($"{iso}: 3 beslut når tre månader inom 30 dagar, 0 är redan försenade och kommer med i nästa kvartalsrapport.",
            seen.GetProperty("summary").GetString());
        Assert.Equal(["Lag", "Verksamhet", "Enhet", "Inom 30 dagar", "Redan försenade"], seen.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(["LSS|–|–|1|0", "SoL|IFO|Krongyllen|1|0", "SoL|ÄO|Fyren|1|0"],
            seen.GetProperty("rows").EnumerateArray().Select(r => string.Join('|', r.EnumerateArray().Select(c => c.GetString()))));
        Assert.Equal($"Bevakningslista {iso}.xlsx", seen.GetProperty("suggestedFilename").GetString());
        Assert.Equal($"Hämta Bevakningslista {iso}.xlsx", seen.GetProperty("link").GetString());
        Assert.Empty(seen.GetProperty("errors").EnumerateArray());

        using var wb = new XLWorkbook(seen.GetProperty("saved").GetString()!);
        Assert.Equal(["W-1", "W-2", "W-3"], wb.Worksheet("Närmar sig tre månader").Column(1).CellsUsed().Skip(1)
            .Select(c => c.GetString()).Where(t => t.StartsWith("W-")));
        var shots = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
        File.Copy(Path.Combine(downloads, "bevakning-controller.png"), Path.Combine(shots, "bevakning-controller.png"), overwrite: true);
    }

    private async Task WaitUntilUp(string baseUrl)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        for (var i = 0; i < 600; i++)
        {
            if (_server!.HasExited) throw new InvalidOperationException($"statsreporting serve avslutades:\n{_server.Output}");
            try
            {
                if ((await http.GetAsync($"{baseUrl}/healthz")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { } // not listening yet
            await Task.Delay(100);
        }
        throw new TimeoutException($"statsreporting serve svarade inte på {baseUrl}/healthz inom 60 s:\n{_server!.Output}");
    }

    public void Dispose()
    {
        _server?.Dispose();
        _data.Dispose();
    }
}
