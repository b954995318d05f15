namespace StatsReporting.Checks;

/// A row of a table to check: its label and one value per numeric column. A null value is unknown (an unreadable
/// cell, or "uppgift saknas" in a generated table): sums that need it are not checked. Line is the row number a
/// person sees in the file (header = 1), when the table came from a file.
public sealed record TableRow(string Label, IReadOnlyList<int?> Values, int? Line = null)
{
    public string Named => Line is { } l ? $"{Label} (rad {l})" : Label;
}

/// A published or generated table: first column = row label, the other columns numeric.
public sealed record CheckTable(string Name, string LabelHeader, IReadOnlyList<string> Columns, IReadOnlyList<TableRow> Rows)
{
    public string ColumnName(int i) => string.IsNullOrWhiteSpace(Columns[i]) ? $"kolumn {i + 2}" : Columns[i];
}

/// One line of a reason breakdown: insats, status/orsak, antal. A status that starts with Totalt/Summa is the
/// insats' count, which the other lines of the insats must add up to.
public sealed record BreakdownLine(string Insats, string Status, int? Count, int? Line = null);

public sealed record Breakdown(string Name, IReadOnlyList<BreakdownLine> Lines);

/// A file as the checker reads it: either a table or a reason breakdown, plus the findings about its cells.
public sealed record ReadTable(CheckTable? Table, Breakdown? Breakdown, IReadOnlyList<Finding> CellFindings)
{
    public string Name => Table?.Name ?? Breakdown!.Name;
}

/// The input cannot be read as a table at all (missing file, not CSV/XLSX, no numeric column): exit code 2.
public sealed class TableReadException(string message) : Exception(message);
