using StatsReporting.Checks;
using StatsReporting.Decisions;
using StatsReporting.Language;
using StatsReporting.Organisation;

namespace StatsReporting.Reports;

/// Pure aggregation of decisions into the KF tables of spec §5.1.
public sealed class KfAggregation(Catalog catalog, ReportSettings settings)
{
    public const int ComparedQuarters = 3;

    /// `history` holds, per quarter, the quarter column of a table stored by import-table (ReportService loads it).
    public KfReport Build(IReadOnlyList<Decision> all, Lag lag, Period q, DateOnly asOf, IReadOnlyDictionary<Period, CheckTable>? history = null)
    {
        var decisions = all.Where(d => d.Lag == lag).ToList();
        var reportable = decisions.Where(d => ReportingRule.IsReportable(d, q)).ToList();
        // Each decision's catalog row once, not once per row of every table.
        var byRow = reportable.ToLookup<Decision, CatalogRow>(catalog.RowOf, ReferenceEqualityComparer.Instance);
        var summary = Sammanstallning(byRow, lag);
        var orsaker = Orsaker(byRow, lag, asOf);
        var report = new KfReport(lag, q, asOf, summary, orsaker, Vantetid(byRow, lag, asOf), Avbrott(byRow, lag),
            Jamforelse(decisions, lag, q.Window(ComparedQuarters), history), []);
        report = report with { Laws = LawSpan.Of(reportable), Perspectives = Perspectives.Of(reportable, catalog, lag, asOf) };
        return report with { Text = TextDraft.Write(report, catalog, settings) };
    }

    public static string KonHeader(Kon k) => k == Kon.K ? "Kvinnor" : "Män";

    private ReportTable Sammanstallning(ILookup<CatalogRow, Decision> byRow, Lag lag)
    {
        var kons = settings.KonColumns(lag);
        var columns = kons.Select(KonHeader).Append("Summa total").ToList();
        var rows = Grouped(lag, row =>
        {
            var ds = byRow[row].ToList();
            var counts = kons.Select(k => ds.Count(d => d.Kon == k)).ToList();
            return [(row.Label, [.. counts, counts.Sum()])];
        });
        return new ReportTable("Sammanställning", HeaderFor(lag), columns, rows, HasSumColumn: true);
    }

    private IReadOnlyList<OrsakBlock> Orsaker(ILookup<CatalogRow, Decision> byRow, Lag lag, DateOnly asOf) =>
        catalog.Rows(lag)
            .Select(row => (row, ds: byRow[row].ToList()))
            .Where(x => x.ds.Count > 0)
            .Select(x => new OrsakBlock(x.row.Label, x.ds.Count, x.ds
                .GroupBy(d => (Status: ReportingRule.StatusAsOf(d, asOf), Reason: Reason(d, asOf)))
                .Select(g => new StatusLine(g.Key.Status, g.Key.Reason, g.Count()))
                .OrderBy(l => l.Status switch { Status.Verkstallt => 0, Status.Avslutat => 1, _ => 2 })
                .ThenByDescending(l => l.Count).ThenBy(l => l.Text, StringComparer.Ordinal)
                .ToList()))
            .ToList();

    /// "verkställda", "avslutade då …" or "ej verkställda då …", the seed protocol's lines in Swedish that reads
    /// (report --import re-makes a quarter with the reason a decision had then).
    public string StatusText(Decision d, DateOnly asOf) => Wording.StatusLabel(ReportingRule.StatusAsOf(d, asOf), Reason(d, asOf));

    /// The orsak clause a status line gives: none for a verkställt decision or a closed one without orsak.
    private string? Reason(Decision d, DateOnly asOf) => (ReportingRule.StatusAsOf(d, asOf), d.Orsak is null ? null : catalog.OrsakOrOvrigt(d.Orsak)) switch
    {
        (Status.Verkstallt, _) => null,
        (Status.Avslutat, var o) => o is { Closing: true } ? o.Label : null, // a delay reason does not say why it closed
        (_, null) => Wording.NoReason,
        _ when catalog.IsLaterClosingReason(d, asOf) => Wording.UnknownReason,
        (_, var o) => o.Label,
    };

    private ReportTable Vantetid(ILookup<CatalogRow, Decision> byRow, Lag lag, DateOnly asOf)
    {
        var columns = ReportingRule.WaitingBucketLabels.Append("Summa total").ToList();
        var rows = Grouped(lag, row =>
        {
            var buckets = new int[ReportingRule.WaitingBucketLabels.Length];
            foreach (var d in byRow[row]) buckets[ReportingRule.WaitingBucket(d, asOf)]++;
            return [(row.Label, [.. buckets, buckets.Sum()])];
        });
        return new ReportTable("Väntetid", HeaderFor(lag), columns, rows, HasSumColumn: true);
    }

    private ReportTable Avbrott(ILookup<CatalogRow, Decision> byRow, Lag lag)
    {
        var rows = Grouped(lag, row =>
        {
            var ds = byRow[row].ToList();
            int avbrott = ds.Count(d => d.Avbrottsdatum is not null), aldrig = ds.Count - avbrott;
            return [(row.Label, [aldrig, avbrott, ds.Count])];
        });
        return new ReportTable("Avbrott", HeaderFor(lag), ["Ej påbörjade", "Avbrott", "Summa total"], rows, HasSumColumn: true);
    }

    /// The count per row at the end of each quarter: from the records where they cover the quarter, else from the
    /// stored published table matched by normalised label, else null ("uppgift saknas", never zero).
    public ReportTable Jamforelse(IReadOnlyList<Decision> all, Lag lag, IReadOnlyList<Period> quarters, IReadOnlyDictionary<Period, CheckTable>? history)
    {
        var table = FromRecords(all.Where(d => d.Lag == lag).ToList(), lag, quarters);
        var asCheck = GeneratedChecks.AsCheckTable(table, lag.ToString());
        var columns = quarters.Select((q, i) => settings.RecordsCover(q) ? null
            : history?.GetValueOrDefault(q) is { } stored ? PublishedHistory.Values(asCheck, stored) : new int?[table.Rows.Count]).ToList();
        return table with
        {
            Rows = table.Rows.Select((row, r) => row with { Values = row.Values.Select((v, i) => columns[i] is { } c ? c[r] : v).ToList() }).ToList(),
        };
    }

    /// Counted from the records; rows whose decisions name an enhet are split by enhet, as the seed's comparison
    /// table splits Bostad IFO. One pass over the decisions: each one's row, first late day and done day once, then
    /// the quarters that report it (a million decisions against eight quarters was most of a report's time).
    private ReportTable FromRecords(List<Decision> decisions, Lag lag, IReadOnlyList<Period> quarters)
    {
        var counts = new Dictionary<CatalogRow, RowCounts>(ReferenceEqualityComparer.Instance);
        foreach (var d in decisions)
        {
            var (late, done) = (ReportingRule.FirstLateDay(d), ReportingRule.Done(d));
            int[]? line = null;
            for (var i = 0; i < quarters.Count; i++)
            {
                if (!ReportingRule.IsReportable(late, done, quarters[i])) continue;
                if (line is null)
                {
                    var row = catalog.RowOf(d);
                    line = (counts.TryGetValue(row, out var c) ? c : counts[row] = new RowCounts(quarters.Count)).Of(d.Enhet);
                }
                line[i]++;
            }
        }
        var columns = quarters.Select(q => q.End.ToString("yyyy-MM-dd")).ToList();
        var rows = Grouped(lag, row =>
        {
            if (!counts.TryGetValue(row, out var c)) return [(row.Label, new int[quarters.Count])];
            if (c.ByEnhet.Count == 0) return [(row.Label, c.None!)];
            return c.ByEnhet.Keys.Cast<string?>().Concat(c.None is null ? [] : [null]).OrderBy(e => e ?? "\uffff", SwedishOrder)
                .Select(e => ($"{row.Label} / {e ?? "utan enhet"}", e is null ? c.None! : c.ByEnhet[e])).ToList();
        });
        return new ReportTable("Jämförelse", HeaderFor(lag), columns, rows, HasSumColumn: false);
    }

    /// One catalog row's count per quarter, per enhet (None: the decisions without one).
    private sealed class RowCounts(int quarters)
    {
        public int[]? None;
        public readonly Dictionary<string, int[]> ByEnhet = new(StringComparer.Ordinal);

        public int[] Of(string? enhet) => enhet is null ? None ??= new int[quarters]
            : ByEnhet.TryGetValue(enhet, out var line) ? line : ByEnhet[enhet] = new int[quarters];
    }

    private static readonly StringComparer SwedishOrder = StringComparer.Create(new System.Globalization.CultureInfo("sv-SE"), false);

    private static string HeaderFor(Lag lag) => lag == Lag.SoL ? "Verksamhet och insats (SoL)" : "Typ av insats enligt 9 § p. 1–10 LSS";

    /// Catalog rows in KF order with a subtotal per verksamhet (SoL) and a grand total. `values` gives one or more
    /// labelled lines per catalog row (more than one when a row is split by enhet).
    private List<ReportRow> Grouped(Lag lag, Func<CatalogRow, IReadOnlyList<(string Label, int[] Values)>> values)
    {
        var rows = new List<ReportRow>();
        var subtotals = new List<int[]>();
        foreach (var group in catalog.Rows(lag).GroupBy(r => r.Verksamhet))
        {
            var lines = group.SelectMany(values).ToList();
            rows.AddRange(lines.Select(l => new ReportRow(l.Label, RowKind.Detail, l.Values.Cast<int?>().ToList())));
            var sum = Sum(lines.Select(l => l.Values).ToList());
            subtotals.Add(sum);
            if (lag == Lag.SoL) rows.Add(new ReportRow($"Totalt {group.Key}", RowKind.Subtotal, sum.Cast<int?>().ToList()));
        }
        var label = lag == Lag.SoL ? "Totalt samtliga verksamheter" : "Summa total";
        rows.Add(new ReportRow(label, RowKind.Total, Sum(subtotals).Cast<int?>().ToList()));
        return rows;
    }

    private static int[] Sum(List<int[]> lines) =>
        lines.Count == 0 ? [] : Enumerable.Range(0, lines[0].Length).Select(i => lines.Sum(l => l[i])).ToArray();
}
