using StatsReporting.Decisions;
using StatsReporting.Storage;
using StatsReporting.Records;
using StatsReporting.Organisation;

namespace StatsReporting.Bevakning;

/// Counts for the web page: per lag, verksamhet and enhet.
public sealed record BevakningCount(string Lag, string? Verksamhet, string? Enhet, int Snart, int Sena);

/// The bevakningslista from the stored records: the CLI verb, the weekly job and the endpoint all call this.
public sealed class BevakningService(NamndContext n)
{
    public BevakningList List(DateOnly today, int? days = null)
    {
        return BevakningRule.Compute(DecisionStore.Current(n.Db), today, days ?? n.Get<BevakningSettings>().Days, n.Catalog);
    }

    public string Folder => n.Get<BevakningSettings>().FolderFor(n.Folder(n.Paths.Reports));

    /// Writes bevakning-<today>.xlsx into `folder` (default Bevakning:Folder, else reports/bevakning).
    public string WriteWorkbook(BevakningList list, string? folder = null)
    {
        var path = Path.Combine(folder ?? Folder, BevakningWorkbook.FileName(list.Today));
        BevakningWorkbook.Write(list, path);
        return path;
    }

    public static IReadOnlyList<BevakningCount> Counts(BevakningList list) =>
        list.Snart.Select(i => (i, snart: true)).Concat(list.Sena.Select(i => (i, snart: false)))
            .GroupBy(x => (Lag: x.i.Lag.ToString(), x.i.Verksamhet, x.i.Enhet))
            .Select(g => new BevakningCount(g.Key.Lag, g.Key.Verksamhet, g.Key.Enhet, g.Count(x => x.snart), g.Count(x => !x.snart)))
            .OrderBy(x => x.Lag, StringComparer.Ordinal).ThenBy(x => x.Verksamhet ?? "", StringComparer.Ordinal)
            .ThenBy(x => x.Enhet ?? "", StringComparer.Ordinal).ToList();
}
