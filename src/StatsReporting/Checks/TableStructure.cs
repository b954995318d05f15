using System.Globalization;

namespace StatsReporting.Checks;

/// The detail rows a sum row closes. Rows are indexes into the table's rows.
public sealed record RowGroup(int SumRow, IReadOnlyList<int> Details);

/// How a table's rows sum up (spec §6): a sum row (label starting with Total/Totalt/Summa) closes the detail rows
/// since the previous sum row; the last sum row after two or more subtotals is the grand total, over all detail rows.
/// A last sum row with nothing above it after a single subtotal is read as that table's grand total too.
public sealed record TableStructure(IReadOnlyList<RowGroup> Groups, int? GrandTotal, IReadOnlyList<int> Ungrouped,
    IReadOnlyList<int> EmptySumRows, int? SumColumn)
{
    public static TableStructure Of(CheckTable t)
    {
        var sumRows = Enumerable.Range(0, t.Rows.Count).Where(i => IsSumLabel(t.Rows[i].Label)).ToList();
        var groups = new List<RowGroup>();
        var empty = new List<int>();
        var pending = new List<int>();
        int? grand = null;
        for (var i = 0; i < t.Rows.Count; i++)
        {
            if (!IsSumLabel(t.Rows[i].Label)) { pending.Add(i); continue; }
            var last = i == sumRows[^1];
            if (last && (groups.Count >= 2 || (groups.Count == 1 && pending.Count == 0))) { grand = i; break; }
            if (pending.Count == 0) empty.Add(i);
            else groups.Add(new RowGroup(i, pending.ToList()));
            pending.Clear();
        }
        return new TableStructure(groups, grand, grand is null ? [] : pending.ToList(), empty, SumColumnOf(t.Columns));
    }

    public IEnumerable<int> AllDetails => Groups.SelectMany(g => g.Details).Concat(Ungrouped);

    public RowGroup? GroupOf(int detailRow) => Groups.FirstOrDefault(g => g.Details.Contains(detailRow));

    /// "Total IFO", "Totalt samtliga verksamheter", "Summa total" — but not "Totalförsvar".
    public static bool IsSumLabel(string label) => FirstWord(label) is "total" or "totalt" or "summa";

    /// Summa, Summa total, Totalt, Total, or a header that starts like them ("Summa total ej verkställda").
    public static int? SumColumnOf(IReadOnlyList<string> columns)
    {
        for (var i = 0; i < columns.Count; i++)
            if (IsSumLabel(columns[i])) return i;
        return null;
    }

    public static DateOnly? HeaderDate(string header) =>
        DateOnly.TryParseExact(header.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static string FirstWord(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        var end = 0;
        while (end < t.Length && char.IsLetter(t[end])) end++;
        return t[..end];
    }
}
