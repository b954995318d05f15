using StatsReporting.Decisions;
using StatsReporting.Reports;
using StatsReporting.Checks;
using StatsReporting.Organisation;

namespace StatsReporting.Reports;

/// The same checker over every table a report generates, before it is written: a finding here is a bug.
public static class GeneratedChecks
{
    public static IReadOnlyList<Finding> Check(KfReport r, ReportSettings settings)
    {
        var findings = new List<Finding>();
        var summary = AsCheckTable(r.Sammanstallning, r.LawName);
        foreach (var t in new[] { r.Sammanstallning, r.Vantetid, r.Avbrott })
            findings.AddRange(TableChecker.Check(AsCheckTable(t, r.LawName)));
        // The other sheets break down the same decisions: their Summa per row must be the Sammanställning's.
        foreach (var t in new[] { r.Vantetid, r.Avbrott })
            findings.AddRange(TableComparer.Compare(summary, AsCheckTable(t, r.LawName)));
        var breakdown = Breakdown(r);
        findings.AddRange(TableChecker.Check(breakdown));
        findings.AddRange(TableComparer.Compare(Checker.Counts(breakdown), summary));
        // Jämförelse columns of quarters the records do not cover are a stored published table's numbers, checked
        // when it was imported; only the columns made from records are this program's.
        var jamforelse = AsCheckTable(r.Jamforelse, r.LawName);
        var fromRecords = r.Jamforelse.Columns.Select(c => TableStructure.HeaderDate(c) is not { } d || settings.RecordsCover(Period.Of(d))).ToList();
        findings.AddRange(TableChecker.Check(jamforelse with
        {
            Rows = jamforelse.Rows.Select(row => row with { Values = row.Values.Select((v, i) => fromRecords[i] ? v : null).ToList() }).ToList(),
        }));
        if (fromRecords[^1]) findings.AddRange(TableComparer.Compare(summary, jamforelse));
        return findings;
    }

    public static CheckTable AsCheckTable(ReportTable t, string law) =>
        new($"{t.Sheet} {law}", t.LabelHeader, t.Columns, t.Rows.Select(row => new TableRow(row.Label, row.Values)).ToList());

    /// The Orsaker sheet as a reason breakdown: each block's Totalt line and its status lines.
    public static Breakdown Breakdown(KfReport r) =>
        new($"Orsaker {r.LawName}", r.Orsaker.SelectMany(b =>
            b.Lines.Select(l => new BreakdownLine(b.Label, l.Text, l.Count)).Prepend(new BreakdownLine(b.Label, "Totalt", b.Total))).ToList());
}
