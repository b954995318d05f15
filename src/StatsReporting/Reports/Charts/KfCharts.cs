using System.Globalization;
using System.Text.RegularExpressions;
using StatsReporting.Decisions;
using StatsReporting.Language;

namespace StatsReporting.Reports.Charts;

/// The charts of one KF workbook, built from the same KfReport the workbook is written from (plus the trend), so
/// that a chart never shows a number the tables do not.
public static partial class KfCharts
{
    public static readonly CultureInfo Swedish = new("sv-SE");
    private const string Antal = "Antal beslut";

    public static IReadOnlyList<Chart> For(KfReport r, TrendInput trend, Catalog catalog)
    {
        var charts = new List<Chart> { Kon(r) };
        if (Trend(r, trend, catalog) is { } t) charts.Add(t);
        charts.Add(Orsaker(r));
        charts.Add(Vantetid(r));
        return charts;
    }

    /// Kvinnor and Män stacked per insats with cases, in the law's configured column order (Report:KonOrder), as the
    /// table beside it; Kvinnor dark and Män light in every chart. LSS points are labelled "9 § 4"; their names go in the notes.
    public static BarChart Kon(KfReport r)
    {
        var t = r.Sammanstallning;
        var rows = t.Rows.Where(x => x.Kind == RowKind.Detail && !x.IsZero).ToList();
        var series = t.Columns.Take(t.Columns.Count - 1)
            .Select((header, c) => new BarSeries(header, rows.Select(x => x.Values[c] ?? 0).ToList(),
                Shade: header == KfAggregation.KonHeader(Decisions.Kon.K) ? 0 : 1))
            .ToList();
        var labels = rows.Select(x => (Short: ShortLabel(x.Label), Full: x.Label)).ToList();
        var notes = labels.Where(x => x.Short != x.Full).Select(x => $"{x.Short}: {x.Full[(x.Short.Length + 1)..]}").ToList();
        return new BarChart(r.Lag, ChartKind.Kon, $"Ej verkställda beslut per insats och kön, {r.LawName} {r.Period.Swedish}",
            $"{r.Total} beslut att rapportera för kvartalet; insatser utan beslut visas inte", Antal, "",
            labels.Select(x => x.Short).ToList(), series, Horizontal: true, notes);
    }

    /// The quarters of the window that have data, at least two (else no trend chart): a quarter nothing covers is left
    /// out rather than drawn as a gap, and a point one series lacks is missing from its line.
    public static TrendChart? Trend(KfReport r, TrendInput window, Catalog catalog)
    {
        var kept = Enumerable.Range(0, window.Quarters.Count).Where(i => !window.IsMissing(i)).ToList();
        if (kept.Count < 2) return null;
        var input = new TrendInput(kept.Select(i => window.Quarters[i]).ToList(),
            window.Series.Select(s => new TrendSeries(TrendName(s.Name, catalog), kept.Select(i => s.Values[i]).ToList())).ToList());
        var span = $"{input.Quarters[0].Swedish}–{input.Quarters[^1].Swedish}";
        var gaps = input.Series.Any(s => s.Values.Any(v => v is null));
        var skipped = kept[^1] - kept[0] + 1 > kept.Count;
        var subtitle = "Antal beslut att rapportera per kvartal" + (gaps ? "; saknad punkt: uppgift saknas" : "")
            + (skipped ? "; kvartal utan uppgift visas inte" : "");
        return new TrendChart(r.Lag, $"Ej verkställda beslut per kvartal, {r.LawName} {span}", subtitle, Antal, input);
    }

    /// The open cases "vid rapporteringstillfället" per orsak, summed over the insatser of the Orsaker sheet.
    public static BarChart Orsaker(KfReport r)
    {
        var counts = r.Orsaker.SelectMany(b => b.Lines)
            .Where(l => l.Status == Status.EjVerkstallt)
            .GroupBy(l => Capitalised(l.Reason ?? Wording.NoReason))
            .Select(g => (Label: g.Key, Count: g.Sum(l => l.Count)))
            .OrderByDescending(x => x.Count).ThenBy(x => x.Label, StringComparer.Create(Swedish, false))
            .ToList();
        var asOf = r.AsOf.ToString("d MMMM yyyy", Swedish);
        return new BarChart(r.Lag, ChartKind.Orsaker, $"Orsaker till att beslut inte verkställts, {r.LawName} {r.Period.Swedish}",
            $"{counts.Sum(c => c.Count)} av {r.Total} beslut var inte verkställda den {asOf}", Antal, "",
            counts.Select(c => c.Label).ToList(), [new BarSeries("Ej verkställda", counts.Select(c => c.Count).ToList())],
            Horizontal: true, []);
    }

    /// Waiting-time buckets, stacked per verksamhet for SoL (its subtotal rows), in total for LSS.
    public static BarChart Vantetid(KfReport r)
    {
        var t = r.Vantetid;
        var buckets = t.Columns.Count - (t.HasSumColumn ? 1 : 0);
        var rows = r.Lag == Lag.SoL ? t.Rows.Where(x => x.Kind == RowKind.Subtotal && !x.IsZero).ToList() : [t.Rows[^1]];
        var series = rows.Select(x => new BarSeries(x.Kind == RowKind.Subtotal ? x.Label.Replace("Totalt ", "") : "Samtliga insatser",
            x.Values.Take(buckets).Select(v => v ?? 0).ToList())).ToList();
        return new BarChart(r.Lag, ChartKind.Vantetid, $"Väntetid för ej verkställda beslut, {r.LawName} {r.Period.Swedish}",
            $"Tid från beslut eller avbrott till verkställighet, avslut eller {r.AsOf.ToString("d MMMM yyyy", Swedish)}", Antal, "Väntetid",
            t.Columns.Take(buckets).ToList(), series, Horizontal: false, []);
    }

    /// "9 § 4 Biträde av kontaktperson" → "9 § 4"; other labels are kept.
    private static string ShortLabel(string label) => LssPoint().Match(label) is { Success: true } m ? m.Value : label;

    /// "den enskilde har tackat nej …" → "Den enskilde har tackat nej …".
    private static string Capitalised(string text) => char.ToUpper(text[0], Swedish) + text[1..];

    private static string TrendName(string name, Catalog catalog) =>
        name == TrendHistory.TotalName ? "Totalt"
        : catalog.VerksamhetNames.TryGetValue(name, out var full) ? $"{name} {ShortName(full)}" : name;

    /// "Omsorg om personer med funktionsnedsättning enligt SoL" → "(omsorg om personer med funktionsnedsättning)": the legend has the law in the title.
    private static string ShortName(string full) => $"({full.Replace(" enligt SoL", "").ToLower(Swedish)})";

    [GeneratedRegex(@"^9 § \d+(?= )")]
    private static partial Regex LssPoint();
}
