namespace StatsReporting.Checks;

/// `--compare`: two tables of the same quarter must agree on every row that can be matched by its normalised label
/// (spec §6). The main table's quarter is its Summa column; the other table's is its last date column.
public static class TableComparer
{
    public static IReadOnlyList<Finding> Compare(CheckTable main, CheckTable other)
    {
        var mc = QuarterColumn(main);
        var oc = QuarterColumn(other);
        var pairs = Match(main, other);
        var diffs = new Dictionary<int, long>();
        foreach (var (i, js) in pairs)
            if (main.Rows[i].Values[mc] is { } a && js.All(j => other.Rows[j].Values[oc] is not null))
                diffs[i] = a - js.Sum(j => (long)other.Rows[j].Values[oc]!.Value);

        var s = TableStructure.Of(main);
        var name = $"{main.Name} mot {other.Name}";
        var findings = new List<Finding>();
        foreach (var (i, js) in pairs.OrderBy(p => p.Main))
        {
            if (!diffs.TryGetValue(i, out var diff) || diff == 0) continue;
            long printed = main.Rows[i].Values[mc]!.Value, theirs = printed - diff;
            var otherLabel = string.Join(" + ", js.Select(j => other.Rows[j].Label));
            var root = Root(main, s, diffs, i, diff);
            findings.Add(new(name, main.Rows[i].Label, $"{main.ColumnName(mc)} / {other.ColumnName(oc)}", printed, theirs, Finding.Error,
                $"{main.Rows[i].Named}: {main.Name} anger {printed} ({main.ColumnName(mc)}), {other.Name} anger {theirs} "
                + $"({otherLabel}, {other.ColumnName(oc)})." + (root is null ? "" : $" Skillnaden kommer från {root}."),
                FindingKind.Compare, root, main.Rows[i].Line));
        }
        return findings;
    }

    /// The column that holds the quarter: the Summa column, else the last date column, else the only column.
    public static int QuarterColumn(CheckTable t) =>
        TableStructure.SumColumnOf(t.Columns)
        ?? Enumerable.Range(0, t.Columns.Count).LastOrDefault(i => TableStructure.HeaderDate(t.Columns[i]) is not null, -1) switch
        {
            >= 0 and var i => i,
            _ when t.Columns.Count == 1 => 0,
            _ => throw new TableReadException($"{t.Name}: det går inte att avgöra vilken kolumn som avser kvartalet (ingen Summa-kolumn och ingen datumkolumn)."),
        };

    /// Rows matched by key; a row only one table has is matched to the rows of the other that split it further
    /// ("Bostad IFO" = "Bostad IFO/Fyren" + "Bostad IFO/Krongyllen" + …), else left alone.
    public static List<(int Main, List<int> Other)> Match(CheckTable main, CheckTable other)
    {
        var groups = RowKeys.GroupTokens(main).Concat(RowKeys.GroupTokens(other)).ToHashSet();
        IReadOnlyList<RowKey> mk = RowKeys.Of(main, groups), ok = RowKeys.Of(other, groups);
        var mIndex = Unique(mk);
        var oIndex = Unique(ok);
        var pairs = mIndex.Where(kv => oIndex.ContainsKey(kv.Key)).Select(kv => (Main: kv.Value, Other: new List<int> { oIndex[kv.Key] })).ToList();
        var mFree = mIndex.Where(kv => !oIndex.ContainsKey(kv.Key) && !kv.Key.IsSum).Select(kv => kv.Value).ToList();
        var oFree = oIndex.Where(kv => !mIndex.ContainsKey(kv.Key) && !kv.Key.IsSum).Select(kv => kv.Value).ToList();
        foreach (var i in mFree)
        {
            var parts = oFree.Where(j => ok[j].Group == mk[i].Group && Extends(ok[j].Tokens, mk[i].Tokens)).ToList();
            if (parts.Count > 0) pairs.Add((i, parts));
        }
        return pairs;
    }

    private static Dictionary<(bool IsSum, string Group, string Name), int> Unique(IReadOnlyList<RowKey> keys) =>
        keys.Select((k, i) => (k, i)).Where(x => x.k.Name.Length > 0 || x.k.IsSum)
            .GroupBy(x => (x.k.IsSum, x.k.Group, x.k.Name)).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single().i);

    private static bool Extends(IReadOnlyList<string> longer, IReadOnlyList<string> prefix)
    {
        var whole = string.Concat(prefix);
        for (var k = 1; k < longer.Count; k++)
            if (string.Concat(longer.Take(k)) == whole) return true;
        return false;
    }

    /// For a sum row: the detail rows in its scope whose differences add up to its own difference.
    private static string? Root(CheckTable main, TableStructure s, Dictionary<int, long> diffs, int row, long diff)
    {
        IEnumerable<int>? scope = row == s.GrandTotal ? s.AllDetails : s.Groups.FirstOrDefault(g => g.SumRow == row)?.Details;
        if (scope is null) return null;
        var culprits = scope.Where(d => diffs.TryGetValue(d, out var x) && x != 0).ToList();
        return culprits.Count > 0 && culprits.Sum(d => diffs[d]) == diff ? string.Join(", ", culprits.Select(d => main.Rows[d].Label)) : null;
    }
}
