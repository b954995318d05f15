using StatsReporting.Decisions;
using StatsReporting.Storage;

namespace StatsReporting.Reports;

public sealed record WrittenFile(string Kind, string Path);

/// Makes the quarter's outputs from the stored records: the same service the CLI and the scheduled job call.
public sealed class ReportService(Db db, Catalog catalog, AppSettings settings)
{
    public IReadOnlyList<KfReport> Build(Period period, DateOnly asOf)
    {
        using var c = db.Open();
        var decisions = DecisionStore.Current(c);
        var agg = new KfAggregation(catalog, settings.Report);
        return [agg.Build(decisions, Lag.SoL, period, asOf), agg.Build(decisions, Lag.LSS, period, asOf)];
    }

    /// Writes reports/<period>/: one KF workbook per law. Files are written under temporary names and renamed.
    public IReadOnlyList<WrittenFile> Write(Period period, DateOnly asOf, string outRoot, IProgress<string>? progress = null)
    {
        if (asOf < period.End)
            throw new ArgumentException($"Rapportdatum {asOf:yyyy-MM-dd} ligger före kvartalets sista dag {period.End:yyyy-MM-dd}.");
        var dir = Path.Combine(outRoot, period.ToString());
        var written = new List<WrittenFile>();
        foreach (var report in Build(period, asOf))
        {
            var path = Path.Combine(dir, WorkbookFileName(report.Lag, period));
            progress?.Report($"Skriver {report.LawName}-arbetsboken …");
            KfWorkbook.Write(report, [], path);
            written.Add(new($"KF-arbetsbok {report.LawName}", path));
        }
        return written;
    }

    public static string WorkbookFileName(Lag lag, Period p) => $"evb-{lag.ToString().ToLowerInvariant()}-{p}.xlsx";

    /// The name a controller sees when downloading: "EVB SoL 2025 kv2.xlsx".
    public static string WorkbookDisplayName(Lag lag, Period p) => $"EVB {lag} {p.Swedish}.xlsx";
}
