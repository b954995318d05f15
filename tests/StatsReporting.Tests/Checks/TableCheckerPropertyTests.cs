using StatsReporting.Checks;
using static StatsReporting.Tests.Checks.Tables;

namespace StatsReporting.Tests.Checks;

/// Random consistent tables give no finding; changing any one number gives a finding that names the changed row or
/// the sum row above which it stands. Seeded, so a failure is reproducible.
public class TableCheckerPropertyTests
{
    private sealed record Generated(string[] Lines, Dictionary<string, string> SumRowOf);

    private static Generated Consistent(Random rnd)
    {
        int groups = rnd.Next(1, 5), parts = rnd.Next(1, 4);
        var sumColumn = parts == 1 || rnd.Next(3) > 0;
        var header = new List<string> { "Insats" };
        header.AddRange(Enumerable.Range(1, parts).Select(p => $"Del {p}"));
        if (sumColumn) header.Add(rnd.Next(2) == 0 ? "Summa total" : "Totalt");
        var lines = new List<string> { string.Join(";", header) };
        var sumRowOf = new Dictionary<string, string>();
        var grand = new int[parts];
        string Line(string label, int[] v) =>
            string.Join(";", new[] { label }.Concat(v.Select(Cell)).Concat(sumColumn ? [Cell(v.Sum())] : []));
        string Cell(int n) => n == 0 && rnd.Next(2) == 0 ? (rnd.Next(2) == 0 ? "-" : "") : n.ToString();
        for (var g = 0; g < groups; g++)
        {
            var sub = new int[parts];
            var total = groups == 1 ? "Summa total" : $"Totalt grupp {g}";
            for (var d = rnd.Next(1, 6); d > 0; d--)
            {
                var v = Enumerable.Range(0, parts).Select(_ => rnd.Next(4) == 0 ? 0 : rnd.Next(1, 40)).ToArray();
                var label = $"Insats {g}.{d}";
                lines.Add(Line(label, v));
                sumRowOf[label] = total;
                for (var p = 0; p < parts; p++) sub[p] += v[p];
            }
            lines.Add(Line(total, sub));
            sumRowOf[total] = total;
            for (var p = 0; p < parts; p++) grand[p] += sub[p];
        }
        if (groups > 1)
        {
            lines.Add(Line("Totalt samtliga verksamheter", grand));
            sumRowOf["Totalt samtliga verksamheter"] = "Totalt samtliga verksamheter";
        }
        return new([.. lines], sumRowOf);
    }

    [Fact]
    public void Random_consistent_tables_give_no_finding_and_any_one_change_is_found_at_its_row_or_sum_row()
    {
        var rnd = new Random(20250630);
        for (var n = 0; n < 400; n++)
        {
            var t = Consistent(rnd);
            Assert.Empty(Checker.Check(Csv($"slump-{n}.csv", t.Lines)));

            var line = rnd.Next(1, t.Lines.Length);
            var cells = t.Lines[line].Split(';');
            var col = rnd.Next(1, cells.Length);
            var old = cells[col] is "" or "-" ? 0 : int.Parse(cells[col]);
            cells[col] = (old + (rnd.Next(2) == 0 && old > 0 ? -rnd.Next(1, old + 1) : rnd.Next(1, 10))).ToString();
            var changed = t.Lines.ToArray();
            changed[line] = string.Join(";", cells);

            var findings = Checker.Check(Csv($"slump-{n}.csv", changed));
            var label = cells[0];
            Assert.True(findings.Any(f => f.Row == label || f.Row == t.SumRowOf[label]),
                $"Tabell {n}: ändrad rad '{label}' kolumn {col} ({old} → {cells[col]}) gav {string.Join(" | ", findings.Select(f => f.Message))}");
        }
    }
}
