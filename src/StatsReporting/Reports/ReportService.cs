using StatsReporting.Decisions;
using StatsReporting.Reports.Charts;
using StatsReporting.Storage;

namespace StatsReporting.Reports;

public sealed record WrittenFile(string Kind, string Path);

/// Makes the quarter's outputs from the stored records: the same service the CLI and the scheduled job call.
public sealed class ReportService(Db db, Catalog catalog, AppSettings settings)
{
    public IReadOnlyList<KfReport> Build(Period period, DateOnly asOf) => Build(Load(), period, asOf);

    private IReadOnlyList<Decision> Load()
    {
        using var c = db.Open();
        return DecisionStore.Current(c);
    }

    private IReadOnlyList<KfReport> Build(IReadOnlyList<Decision> decisions, Period period, DateOnly asOf)
    {
        var agg = new KfAggregation(catalog, settings.Report);
        return [agg.Build(decisions, Lag.SoL, period, asOf), agg.Build(decisions, Lag.LSS, period, asOf)];
    }

    /// Writes reports/<period>/: the charts and one KF workbook per law (with the charts on its Diagram sheet), then
    /// the zip of it all. Files are written under temporary names and renamed.
    public IReadOnlyList<WrittenFile> Write(Period period, DateOnly asOf, string outRoot, IProgress<string>? progress = null)
    {
        if (asOf < period.End)
            throw new ArgumentException($"Rapportdatum {asOf:yyyy-MM-dd} ligger före kvartalets sista dag {period.End:yyyy-MM-dd}.");
        var dir = Path.Combine(outRoot, period.ToString());
        var written = new List<WrittenFile>();
        var decisions = Load();
        foreach (var report in Build(decisions, period, asOf))
        {
            progress?.Report($"Ritar {report.LawName}-diagrammen …");
            var trend = TrendHistory.FromRecords(decisions, report.Lag, period, catalog, settings.Report);
            var (images, chartFiles) = ChartFiles.Write(report, trend, catalog, dir);
            var path = Path.Combine(dir, WorkbookFileName(report.Lag, period));
            progress?.Report($"Skriver {report.LawName}-arbetsboken …");
            KfWorkbook.Write(report, [], path, images);
            written.Add(new($"KF-arbetsbok {report.LawName}", path));
            written.AddRange(chartFiles);
        }
        written.Add(ReportBundle.Write(dir, period));
        return written;
    }

    public static string WorkbookFileName(Lag lag, Period p) => $"evb-{lag.ToString().ToLowerInvariant()}-{p}.xlsx";

    /// The name a controller sees when downloading: "EVB SoL 2025 kv2.xlsx".
    public static string WorkbookDisplayName(Lag lag, Period p) => $"EVB {lag} {p.Swedish}.xlsx";
}
