namespace StatsReporting.Reports;

public enum RowKind { Detail, Subtotal, Total }

/// A row of a generated KF table. A null value is "no data" (printed empty), not zero.
public sealed record ReportRow(string Label, RowKind Kind, IReadOnlyList<int?> Values)
{
    public bool IsZero => Values.All(v => v is null or 0);
}

/// A generated table as it is written to a sheet: header in row 1, the label column first.
/// When HasSumColumn, the last column is the sum of the others (K + M = Summa).
public sealed record ReportTable(string Sheet, string LabelHeader, IReadOnlyList<string> Columns, IReadOnlyList<ReportRow> Rows,
    bool HasSumColumn)
{
    public ReportRow Row(string label) => Rows.Single(r => r.Label == label);
}
