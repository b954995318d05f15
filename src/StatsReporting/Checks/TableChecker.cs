namespace StatsReporting.Checks;

/// The checks of spec §6 on one table, as a pure function: row sums (K + M = Summa), subtotals over their detail
/// rows, the grand total over the detail rows and the subtotals, with the root cause named where it can be.
public static class TableChecker
{
    public static IReadOnlyList<Finding> Check(CheckTable t)
    {
        var s = TableStructure.Of(t);
        var findings = new List<Finding>();
        foreach (var i in s.EmptySumRows)
            findings.Add(new(t.Name, t.Rows[i].Label, null, null, null, Finding.Error,
                $"{t.Rows[i].Named}: summaraden har inga rader ovanför sig att summera.", Kind: FindingKind.Structure, Line: t.Rows[i].Line));

        // Vertical findings per (row, column), kept to explain the grand total and the row sums of sum rows.
        var vertical = new Dictionary<(int Row, int Col), Finding>();
        for (var i = 0; i < t.Rows.Count; i++)
        {
            var group = s.Groups.FirstOrDefault(g => g.SumRow == i);
            for (var c = 0; c < t.Columns.Count; c++)
            {
                var f = group is not null ? Subtotal(t, s, group, c) : i == s.GrandTotal ? GrandTotal(t, s, vertical, c) : null;
                if (f is null) continue;
                vertical[(i, c)] = f;
                findings.Add(f);
            }
            if (RowSum(t, s, vertical, i) is { } rowSum) findings.Add(rowSum);
        }
        return findings;
    }

    private static Finding? Subtotal(CheckTable t, TableStructure s, RowGroup g, int c)
    {
        if (Sum(t, g.Details, c) is not { } computed || t.Rows[g.SumRow].Values[c] is not { } printed || printed == computed) return null;
        var culprit = DetailCulprit(t, s, g.Details, c, printed, computed);
        var cause = culprit is null ? "" : $" Felet kommer från raden {culprit}.";
        return Vertical(t, g.SumRow, c, printed, computed, FindingKind.GroupSum,
            $"angivet {printed}, beräknat {computed} som summan av raderna sedan föregående summarad.{cause}", culprit);
    }

    private static Finding? GrandTotal(CheckTable t, TableStructure s, Dictionary<(int, int), Finding> vertical, int c)
    {
        var g = s.GrandTotal!.Value;
        if (Sum(t, s.AllDetails, c) is not { } computed || t.Rows[g].Values[c] is not { } printed || printed == computed) return null;
        var parts = s.Groups.Select(x => x.SumRow).Concat(s.Ungrouped).ToList();
        if (Sum(t, parts, c) is { } bySubtotals && bySubtotals == printed)
        {
            // The grand total was added up from subtotals, and a subtotal is wrong: that subtotal (or its own cause) is the root.
            var roots = s.Groups.Where(x => vertical.ContainsKey((x.SumRow, c)))
                .Select(x => vertical[(x.SumRow, c)].RootCause ?? t.Rows[x.SumRow].Label).Distinct().ToList();
            var root = roots.Count == 0 ? null : string.Join(", ", roots);
            return Vertical(t, g, c, printed, computed, FindingKind.GrandTotal,
                $"angivet {printed}, beräknat {computed} som summan av alla detaljrader. Totalen stämmer med delsummorna, "
                + $"så felet kommer från {root ?? "en delsumma"}.", root);
        }
        var other = Sum(t, parts, c) is { } z ? $" (delsummorna ger {z})" : "";
        return Vertical(t, g, c, printed, computed, FindingKind.GrandTotal,
            $"angivet {printed}, beräknat {computed} som summan av alla detaljrader{other}.", null);
    }

    /// K + M = Summa. For a sum row whose own columns were already found wrong, the row sum follows from them.
    private static Finding? RowSum(CheckTable t, TableStructure s, Dictionary<(int, int), Finding> vertical, int i)
    {
        if (s.SumColumn is not { } sc) return null;
        var row = t.Rows[i];
        var parts = Enumerable.Range(0, t.Columns.Count).Where(c => c != sc).ToList();
        if (row.Values[sc] is not { } printed || parts.Any(c => row.Values[c] is null)) return null;
        var computed = parts.Sum(c => (long)row.Values[c]!.Value);
        if (computed == printed) return null;
        var fixedSum = parts.Sum(c => vertical.TryGetValue((i, c), out var f) ? f.Computed!.Value : row.Values[c]!.Value);
        var fixedTotal = vertical.TryGetValue((i, sc), out var fs) ? fs.Computed!.Value : printed;
        var causes = parts.Append(sc).Where(c => vertical.ContainsKey((i, c))).Select(c => vertical[(i, c)].RootCause).ToList();
        var root = fixedSum == fixedTotal && causes.Count > 0 && causes.All(x => x is not null) ? string.Join(", ", causes.Distinct()) : null;
        var terms = string.Join(" + ", parts.Select(c => row.Values[c]));
        return new(t.Name, row.Label, t.ColumnName(sc), printed, computed, Finding.Error,
            $"{row.Named}: {terms} = {computed}, men {t.ColumnName(sc)} anger {printed}." + (root is null ? "" : $" Felet kommer från {root}."),
            FindingKind.RowSum, root, row.Line);
    }

    /// The one detail row whose own row sum disagrees, and whose value implied by that row sum makes the column add up.
    private static string? DetailCulprit(CheckTable t, TableStructure s, IReadOnlyList<int> details, int c, long printed, long computed)
    {
        if (s.SumColumn is not { } sc) return null;
        var parts = Enumerable.Range(0, t.Columns.Count).Where(x => x != sc).ToList();
        var culprits = details.Where(d =>
        {
            var v = t.Rows[d].Values;
            if (v.Any(x => x is null)) return false;
            long partSum = parts.Sum(x => (long)v[x]!.Value), total = v[sc]!.Value;
            if (partSum == total) return false;
            var implied = c == sc ? partSum : total - (partSum - v[c]!.Value);
            return computed - v[c]!.Value + implied == printed;
        }).ToList();
        return culprits.Count == 1 ? t.Rows[culprits[0]].Label : null;
    }

    private static Finding Vertical(CheckTable t, int row, int c, long printed, long computed, string kind, string text, string? root) =>
        new(t.Name, t.Rows[row].Label, t.ColumnName(c), printed, computed, Finding.Error, $"{t.Rows[row].Named}, {t.ColumnName(c)}: {text}",
            kind, root, t.Rows[row].Line);

    private static long? Sum(CheckTable t, IEnumerable<int> rows, int c)
    {
        long sum = 0;
        foreach (var r in rows)
        {
            if (t.Rows[r].Values[c] is not { } v) return null;
            sum += v;
        }
        return sum;
    }

    /// Every insats' lines add up to its Totalt line (spec §6, reason breakdown).
    public static IReadOnlyList<Finding> Check(Breakdown b) =>
        b.Lines.GroupBy(l => l.Insats).SelectMany(g =>
        {
            var totals = g.Where(l => TableStructure.IsSumLabel(l.Status)).ToList();
            var lines = g.Where(l => !TableStructure.IsSumLabel(l.Status)).ToList();
            if (totals.Count != 1 || totals[0].Count is not { } printed || lines.Any(l => l.Count is null)) return [];
            var computed = lines.Sum(l => (long)l.Count!.Value);
            if (computed == printed) return [];
            var where = totals[0].Line is { } n ? $" (rad {n})" : "";
            return new[] { new Finding(b.Name, g.Key, "Antal", printed, computed, Finding.Error,
                $"{g.Key}{where}: statusraderna summerar till {computed}, men insatsens antal är {printed}.", Kind: FindingKind.Breakdown, Line: totals[0].Line) };
        }).ToList();
}
