using StatsReporting.Decisions;
using StatsReporting.Reports;
using StatsReporting.Checks;
using StatsReporting.Organisation;

namespace StatsReporting.Reports;

/// Quarters that predate the records are shown from stored published tables (import-table); where the records
/// cover a quarter they win, and a stored table that disagrees with them is a finding.
public static class PublishedHistory
{
    /// For each row of a generated table, the stored quarter's count matched by normalised label (null: no such row).
    public static IReadOnlyList<int?> Values(CheckTable generated, CheckTable storedQuarter)
    {
        var values = new int?[generated.Rows.Count];
        foreach (var (i, js) in TableComparer.Match(generated, storedQuarter))
            values[i] = js.All(j => storedQuarter.Rows[j].Values[0] is not null) ? js.Sum(j => storedQuarter.Rows[j].Values[0]!.Value) : null;
        return values;
    }

    /// Findings about the stored tables a report's Jämförelse touches: for a quarter the records cover, where the stored
    /// table disagrees with them; for a quarter shown from a stored table, the findings it was imported with.
    public static IReadOnlyList<Finding> Findings(KfReport r, IReadOnlyList<StoredTable> stored, ReportSettings settings)
    {
        var findings = new List<Finding>();
        var jamforelse = GeneratedChecks.AsCheckTable(r.Jamforelse, r.LawName);
        for (var col = 0; col < jamforelse.Columns.Count; col++)
        {
            if (TableStructure.HeaderDate(jamforelse.Columns[col]) is not { } end) continue;
            var q = Period.Of(end);
            if (stored.FirstOrDefault(s => s.Period == q) is not { } table) continue;
            if (!settings.RecordsCover(q))
            {
                findings.AddRange(table.Findings.Select(f => f with { Message = $"Lagrad tabell för {q}: {f.Message}" }));
                continue;
            }
            var column = jamforelse with { Rows = jamforelse.Rows.Select(row => row with { Values = [row.Values[col]] }).ToList(), Columns = [jamforelse.Columns[col]] };
            findings.AddRange(TableComparer.Compare(column, table.Quarter).Select(f => f with
            {
                Kind = FindingKind.History,
                Message = $"{f.Message} Beslutsunderlaget täcker {q} och gäller; den lagrade tabellen stämmer inte med det.",
            }));
        }
        return findings;
    }
}
