namespace StatsReporting.Checks;

/// The entry point the CLI, import-table and the report run share: every finding for a table as read, and for a
/// comparison of two.
public static class Checker
{
    public static IReadOnlyList<Finding> Check(ReadTable t) =>
        [.. t.CellFindings, .. t.Table is { } table ? TableChecker.Check(table) : TableChecker.Check(t.Breakdown!)];

    /// Both tables' own findings, then where they disagree. A reason breakdown compares as one count per insats.
    public static IReadOnlyList<Finding> Compare(ReadTable main, ReadTable other) =>
        [.. Check(main), .. Check(other), .. TableComparer.Compare(AsTable(main), AsTable(other))];

    private static CheckTable AsTable(ReadTable t) => t.Table ?? Counts(t.Breakdown!);

    /// An insats' count: its Totalt line, or the sum of its lines when it has none (null when a line is unreadable).
    public static CheckTable Counts(Breakdown b)
    {
        var rows = b.Lines.GroupBy(l => l.Insats).Select(g =>
        {
            var total = g.FirstOrDefault(l => TableStructure.IsSumLabel(l.Status));
            var count = total is not null ? total.Count
                : g.All(l => l.Count is not null) ? g.Sum(l => l.Count!.Value) : null;
            return new TableRow(g.Key, [count], g.First().Line);
        }).ToList();
        return new CheckTable(b.Name, "Insats", ["Antal"], rows);
    }
}
