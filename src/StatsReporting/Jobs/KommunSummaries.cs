using StatsReporting.Organisation;
using StatsReporting.Decisions;
using StatsReporting.FileSystem;
using StatsReporting.Reports;
using StatsReporting.Storage;

namespace StatsReporting.Jobs;

/// The kommun summaries of a quarter: one per kommun with more than one nämnd, in <reports>/<period>/ (with several
/// nämnder, each nämnd's own outputs are in <reports>/<code>/<period>/, so this folder holds only the summaries).
public static class KommunSummaries
{
    public static IReadOnlyList<WrittenFile> Write(Installation installation, Db db, Period p, DateOnly asOf, string outRoot)
    {
        var made = DateOnly.FromDateTime(DateTime.Now);
        return installation.Organisation.All().GroupBy(n => n.Kommun).Where(g => g.Count() > 1)
            .Select(g => KommunSummary.Write(g.Key, p,
                g.Select(n => new NamndReports(n.Name, new ReportService(installation.For(n, db)).Build(p, asOf))).ToList(),
                Path.Combine(outRoot, p.ToString()), made))
            .ToList();
    }
}
