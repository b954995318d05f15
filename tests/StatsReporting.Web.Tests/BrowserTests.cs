using System.IO.Compression;
using System.Text.Json;
using ClosedXML.Excel;
using StatsReporting.Checks;
using StatsReporting.Decisions;
using StatsReporting.Reports;
using StatsReporting.Storage;
using StatsReporting.Web.Tests.Support;
using StatsReporting.Bevakning;
using StatsReporting.Access;

namespace StatsReporting.Web.Tests;

/// The whole way a controller goes, in Debian's Chromium against the real program (see ServedPage).
public class BrowserTests : IDisposable
{
    private readonly ServiceData _data = new();
    private readonly List<IDisposable> _cleanup = [];

    private ServedPage Serve(string dir, string db, string reports)
    {
        var page = new ServedPage(dir, db, reports, _data.Ivo, _data.Inbox);
        _cleanup.Add(page);
        return page;
    }

    private string Folder(string name) => Directory.CreateDirectory(Path.Combine(_data.Dir, name)).FullName;

    [Fact]
    public async Task Controller_logs_in_sees_2025Q2_and_downloads_the_sol_workbook_as_valid_xlsx()
    {
        var served = Serve(_data.Dir, _data.Db.Path, _data.Reports);
        var key = await served.Key("controller", "Webbläsartest");
        await served.Start();
        var downloads = Folder("nedladdat");
        var seen = await served.Browse("login-download.mjs", key, downloads);

        Assert.Equal("2025 kv2 (2025Q2)", seen.GetProperty("heading").GetString());
        Assert.Equal("Inloggad: Webbläsartest (controller)", seen.GetProperty("signedInAs").GetString());
        // The individrapport lies in the data folder too, but a controller is never shown it; nor upload or runs.
        Assert.Equal(["KF-arbetsbok: EVB SoL 2025 kv2.xlsx", "KF-arbetsbok: EVB LSS 2025 kv2.xlsx",
                "Tjänsteskrivelse: Tjänsteskrivelse EVB SoL 2025 kv2.docx", "Tjänsteskrivelse: Tjänsteskrivelse EVB LSS 2025 kv2.docx",
                "Allt i ett paket (zip): EVB 2025 kv2.zip"],
            seen.GetProperty("links").EnumerateArray().Select(l => l.GetString()));
        Assert.False(seen.GetProperty("importVisible").GetBoolean());
        Assert.False(seen.GetProperty("runsVisible").GetBoolean());
        // All eight charts were shown, each the full 1600 px wide PNG.
        Assert.Equal(Enumerable.Repeat(1600, 8), seen.GetProperty("chartWidths").EnumerateArray().Select(w => w.GetInt32()));
        Assert.Equal("EVB SoL 2025 kv2.xlsx", seen.GetProperty("suggestedFilename").GetString());

        using var wb = new XLWorkbook(seen.GetProperty("saved").GetString()!);
        var total = wb.Worksheet("Sammanställning").RowsUsed().Single(r => r.Cell(1).GetString() == "Totalt samtliga verksamheter");
        Assert.Equal([44, 38, 82], Enumerable.Range(2, 3).Select(c => total.Cell(c).GetValue<int>()));
        ServedPage.KeepScreenshots(downloads);
    }

    [Fact]
    public async Task Ivo_sees_the_individrapport_and_the_avgift_list_beside_it_and_downloads_the_avgift_list()
    {
        var served = Serve(_data.Dir, _data.Db.Path, _data.Reports);
        var key = await served.Key("ivo", "IVO-rapportör");
        await served.Start();
        var downloads = Folder("nedladdat-ivo");
        var seen = await served.Browse("login-download.mjs", key, downloads, "Särskild avgift per beslut: Särskild avgift (uppskattning) 2025 kv2.xlsx");

        Assert.Equal(["KF-arbetsbok: EVB SoL 2025 kv2.xlsx", "KF-arbetsbok: EVB LSS 2025 kv2.xlsx",
                "Tjänsteskrivelse: Tjänsteskrivelse EVB SoL 2025 kv2.docx", "Tjänsteskrivelse: Tjänsteskrivelse EVB LSS 2025 kv2.docx",
                "Allt i ett paket (zip): EVB 2025 kv2.zip", "Individrapport till IVO: IVO individrapport 2025 kv2.xlsx",
                "Särskild avgift per beslut: Särskild avgift (uppskattning) 2025 kv2.xlsx"],
            seen.GetProperty("links").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("Särskild avgift (uppskattning) 2025 kv2.xlsx", seen.GetProperty("suggestedFilename").GetString());
        Assert.Equal(File.ReadAllBytes(Path.Combine(_data.Ivo, "2025Q2", StatsReporting.Avgift.AvgiftList.FileName(ServiceData.Q2))),
            File.ReadAllBytes(seen.GetProperty("saved").GetString()!));
        ServedPage.KeepScreenshots(downloads);
    }

    [Fact]
    public async Task Controller_sees_the_bevakning_counts_per_enhet_and_downloads_the_list()
    {
        // Three decisions reaching three months 7–25 days from today (the service's clock is the real one); the
        // sample's own decisions are all long done or reported by now.
        var today = ServiceData.Settings.Get<BevakningSettings>().Today(TimeProvider.System);
        string Beslut(int days) => today.AddMonths(-3).AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var csv = Path.Combine(_data.Dir, "nya.csv");
        File.WriteAllText(csv, string.Join("\r\n",
            "beslut_id;person_id;kon;lag;verksamhet;insats;enhet;beslutsdatum;avbrottsdatum;verkstallt_datum;avslutat_datum;orsak;kommentar",
            $"W-1;19400101-T010;M;SoL;ÄO;Särskilt boende;Fyren;{Beslut(10)};;;;SAKNAS_PLATS;hemlig kommentar",
            $"W-2;19400101-T020;K;SoL;IFO;Bostad;Krongyllen;{Beslut(20)};;;;;",
            $"W-3;19400101-T030;M;LSS;;9 § 4;;{Beslut(25)};;;;;") + "\r\n");
        new StatsReporting.Import.Importer(_data.Db, new StatsReporting.Decisions.Catalog(ServiceData.Settings.Get<CatalogSettings>()),
            Path.Combine(_data.Dir, "arkiv"), TimeProvider.System).Import(csv);
        var served = Serve(_data.Dir, _data.Db.Path, _data.Reports);
        var key = await served.Key("controller", "Bevakningstest");
        await served.Start();
        var downloads = Folder("nedladdat");
        var seen = await served.Browse("bevakning.mjs", key, downloads);

        var iso = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("Bevakning: beslut som närmar sig tre månader", seen.GetProperty("heading").GetString());
        Assert.Equal($"Den {StatsReporting.Language.Prose.Date(today)} når 3 beslut tre månader inom 30 dagar, och inga är redan försenade och kommer med i nästa kvartalsrapport.",
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
        ServedPage.KeepScreenshots(downloads);
    }

    [Fact]
    public async Task Controller_sees_the_latest_quarters_tables_findings_and_charts_downloads_the_zip_and_the_page_fits_390_px()
    {
        // A stored published table for 2025Q1 that disagrees with the records: SoL gets findings, 2025Q2's counts stay.
        PublishedTableStore.Import(_data.Db, Path.Combine(AppContext.BaseDirectory, "Fixtures", "published", "sol-2025Q2-tabell.csv"),
            Lag.SoL, new Period(2025, 1), TimeProvider.System);
        var settings = ServiceData.Settings;
        new ReportService(settings.For(_data.Db)).Write(new Period(2025, 1), new Period(2025, 1).End, _data.Reports);
        new ReportService(settings.For(_data.Db)).Write(ServiceData.Q2, ServiceData.Q2.End, _data.Reports);
        var served = Serve(_data.Dir, _data.Db.Path, _data.Reports);
        var key = await served.Key("controller", "Controller");
        await served.Start();
        var shots = Folder("bilder");
        var seen = await served.Browse("quarter-page.mjs", key, shots);

        // Opens on the latest of the two quarters.
        Assert.Equal("2025Q2", seen.GetProperty("selected").GetString());
        Assert.Equal(["2025 kv2 (2025Q2)", "2025 kv1 (2025Q1)"], Strings(seen, "options"));
        Assert.Equal(["SoL – socialtjänstlagen", "LSS – lagen om stöd och service till vissa funktionshindrade"], Strings(seen, "lawHeadings"));
        Assert.Equal(["44", "38", "82"], Strings(seen, "sol"));
        Assert.Equal(["35", "16", "51"], Strings(seen, "lss"));
        Assert.Equal("Vid utgången av kvartal 2 2025 fanns 82 ej verkställda beslut, 4 färre än vid utgången av kvartal 1 2025 (86) och 13 färre än vid utgången av kvartal 4 2024 (95).",
            seen.GetProperty("solTotal").GetString());
        var findings = Strings(seen, "findings");
        Assert.StartsWith("Kontroller 11 avvikelser i underlaget: Lagrade tabeller som avviker från beslutsunderlaget (11) ", findings[0]);
        Assert.Contains("Särskilt boende, ÄO: Jämförelse SoL anger 41 (2025-03-31)", findings[0]);
        Assert.Equal("Kontroller Inga avvikelser", findings[1]);
        Assert.Equal(["SoL: kön per insats", "SoL: utveckling per verksamhet, åtta kvartal", "SoL: orsaker vid rapporteringstillfället",
            "SoL: väntetid", "LSS: kön per insats", "LSS: utveckling totalt, åtta kvartal", "LSS: orsaker vid rapporteringstillfället",
            "LSS: väntetid"], Strings(seen, "chartCaptions"));
        Assert.True(seen.GetProperty("chartWidth").GetInt32() >= 400, "diagrammen visas minst 400 px breda");
        Assert.InRange(seen.GetProperty("tabsToPicker").GetInt32(), 1, 29); // the quarter picker is reached with Tab
        Assert.Equal("SoL: kön per insats", seen.GetProperty("enlarged").GetString()); // opened with Enter on the chart
        Assert.True(seen.GetProperty("closed").GetBoolean());
        Assert.Equal(settings.Get<WebSettings>().LoginHelp, seen.GetProperty("loginHelp").GetString());
        Assert.Equal("sv", seen.GetProperty("lang").GetString());
        Assert.Empty(seen.GetProperty("unlabelled").EnumerateArray());
        Assert.Equal(0, seen.GetProperty("overflow1280").GetInt32());
        var contrast = seen.GetProperty("contrast");
        Assert.True(contrast.GetProperty("ratio").GetDouble() >= 4.5, $"kontrast {contrast.GetProperty("ratio")} för '{contrast.GetProperty("text")}'");
        Assert.Equal(0, seen.GetProperty("overflow390").GetInt32());
        Assert.True(seen.GetProperty("printHidden").GetBoolean());

        using var zip = ZipFile.OpenRead(seen.GetProperty("zip").GetString()!);
        Assert.Contains("evb-sol-2025Q2.xlsx", zip.Entries.Select(e => e.FullName));
        Assert.Contains("evb-lss-2025Q2.xlsx", zip.Entries.Select(e => e.FullName));
        using var sol = new XLWorkbook(zip.GetEntry("evb-sol-2025Q2.xlsx")!.Open().CopyToMemory());
        var total = sol.Worksheet("Sammanställning").RowsUsed().Single(r => r.Cell(1).GetString() == "Totalt samtliga verksamheter");
        Assert.Equal([44, 38, 82], Enumerable.Range(2, 3).Select(c => total.Cell(c).GetValue<int>()));
        ServedPage.KeepScreenshots(shots);
    }

    [Fact]
    public async Task An_empty_database_shows_the_empty_state_not_an_empty_page()
    {
        var dir = Folder("tom");
        var db = new Db(Path.Combine(dir, "tom.db"));
        db.Migrate();
        var served = Serve(dir, db.Path, Folder("tom/reports"));
        var key = await served.Key("admin", "Ny admin");
        await served.Start();
        var shots = Folder("tomma-bilder");
        var seen = await served.Browse("quarter-page.mjs", key, shots, "empty");

        Assert.StartsWith("Inga rapporter ännu — en administratör kör kvartalsjobbet", seen.GetProperty("empty").GetString()!.Trim());
        Assert.False(seen.GetProperty("pickerVisible").GetBoolean());
        ServedPage.KeepScreenshots(shots);
    }

    private static string[] Strings(JsonElement seen, string name) => seen.GetProperty(name).EnumerateArray().Select(e => e.GetString()!).ToArray();

    public void Dispose()
    {
        foreach (var c in _cleanup) c.Dispose();
        _data.Dispose();
    }
}

internal static class StreamCopy
{
    public static MemoryStream CopyToMemory(this Stream s)
    {
        var m = new MemoryStream();
        using (s) s.CopyTo(m);
        m.Position = 0;
        return m;
    }
}
