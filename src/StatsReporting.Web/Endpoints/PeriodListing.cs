using StatsReporting.Reports.Document;
using System.Security.Claims;
using StatsReporting.Access;
using StatsReporting.Decisions;
using StatsReporting.Reports;

namespace StatsReporting.Web.Endpoints;

public sealed record Download(string Title, string Url);

/// `Law` is "SoL" or "LSS", so that the page puts each chart under its law.
public sealed record ChartDownload(string Law, string Title, string Url);

/// What /api/periods lists for one quarter, every list in one order: SoL, then LSS. Only files that exist are listed.
public sealed record PeriodEntry(string Period, string Name, IReadOnlyList<Download> Workbooks, IReadOnlyList<Download> Documents,
    Download? Zip, IReadOnlyList<ChartDownload> Charts, Download? Findings, Download? Summary, Download? Ivo,
    Download? Avgift = null);

public static class PeriodListing
{
    private static readonly Lag[] Laws = [Lag.SoL, Lag.LSS];
    private static readonly string[] ChartOrder = ["kon", "trend", "orsaker", "vantetid"];

    public static List<PeriodEntry> For(ReportFiles files, ClaimsPrincipal user) => files.Periods().Select(p =>
    {
        var url = $"{files.UrlBase}/{p}";
        string Key(Lag l) => l.ToString().ToLowerInvariant();
        var workbooks = Laws.Where(l => files.Exists(files.Workbook(l, p)))
            .Select(l => new Download(ReportService.WorkbookDisplayName(l, p, files.NamedOutputs), $"{url}/workbooks/{Key(l)}")).ToList();
        var documents = Laws.Where(l => files.Exists(files.Document(l, p)))
            .Select(l => new Download(Tjansteskrivelse.DisplayName(l, p, files.NamedOutputs), $"{url}/documents/{Key(l)}")).ToList();
        var zip = files.Exists(files.Zip(p)) ? new Download(ReportEndpoints.ZipDisplayName(p, files.NamedOutputs), $"{url}/zip") : null;
        var charts = files.Charts(p).OrderBy(LawRank).ThenBy(ChartRank).ThenBy(n => n, StringComparer.Ordinal)
            .Select(n => new ChartDownload(LawOf(n), ChartTitle(n), $"{url}/charts/{n}.png")).ToList();
        var findings = files.Exists(files.Findings(p)) ? new Download($"Kontroller {p.Swedish} (JSON)", $"{url}/findings") : null;
        var summary = files.Exists(files.Summary(p)) ? new Download($"Sammanställning {p.Swedish} (JSON)", $"{url}/summary") : null;
        var ivo = user.IsInRole(Roles.Ivo) && files.Exists(files.Ivo(p))
            ? new Download(ReportEndpoints.IvoDisplayName(p), $"{url}/workbooks/ivo") : null;
        // The per-decision list of the särskild avgift estimate lies beside the individrapport, for the same roles.
        var avgift = user.IsInRole(Roles.Ivo) && files.Exists(files.Avgift(p))
            ? new Download(BevakningEndpoints.AvgiftDisplayName(p), $"{url}/avgift") : null;
        return new PeriodEntry(p.ToString(), p.Swedish, workbooks, documents, zip, charts, findings, summary, ivo, avgift);
    }).ToList();

    private static string LawOf(string chart) => chart.Split('-')[0] switch { "sol" => "SoL", "lss" => "LSS", _ => "" };

    private static int LawRank(string chart) => LawOf(chart) switch { "SoL" => 0, "LSS" => 1, _ => 2 };

    private static int ChartRank(string chart) =>
        Array.IndexOf(ChartOrder, chart.Split('-', 2).ElementAtOrDefault(1)) is var i and >= 0 ? i : ChartOrder.Length;

    /// "sol-kon" → "SoL: kön per insats"; a chart another helper adds later still shows, under its file name.
    /// LSS has no verksamheter: its trend is the law's total only, so it is not called "per verksamhet".
    private static string ChartTitle(string name)
    {
        var lag = LawOf(name);
        var chart = name.Split('-', 2).ElementAtOrDefault(1) switch
        {
            "kon" => "kön per insats",
            "trend" => lag == "SoL" ? "utveckling per verksamhet, åtta kvartal" : "utveckling totalt, åtta kvartal",
            "orsaker" => "orsaker vid rapporteringstillfället",
            "vantetid" => "väntetid",
            _ => null,
        };
        return lag == "" || chart is null ? name : $"{lag}: {chart}";
    }
}
