using System.Security.Cryptography;
using Dapper;
using System.Data.Common;
using StatsReporting.Decisions;
using StatsReporting.Storage;

namespace StatsReporting.Checks;

/// A published table stored as a quarter's history, with the findings it had when imported.
public sealed record StoredTable(long Id, Lag Lag, Period Period, string FileName, CheckTable Table, int ValueColumn, IReadOnlyList<Finding> Findings)
{
    /// The quarter's column alone, headed by the quarter's last day as the Jämförelse heads it.
    public CheckTable Quarter => new($"{FileName} (lagrad tabell {Period})", Table.LabelHeader, [Period.End.ToString("yyyy-MM-dd")],
        Table.Rows.Select(r => new TableRow(r.Label, [r.Values[ValueColumn]], r.Line)).ToList());
}

public sealed record TableImportOutcome(long Id, bool AlreadyImported, string ValueColumn, IReadOnlyList<Finding> Findings);

/// import-table: reads and checks a published table, then stores it (findings and all) in one transaction.
public static class PublishedTableStore
{
    public static TableImportOutcome Import(Db db, string path, Lag lag, Period period, TimeProvider clock)
    {
        var read = TableReader.Read(path);
        if (read.Table is not { } table)
            throw new TableReadException($"{read.Name}: en orsaksuppdelning kan inte lagras som historik; ange tabellen med antal per insats.");
        var column = ValueColumn(table, period);
        var findings = Checker.Check(read);
        var sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
        using var c = db.Open();
        const string existing = "SELECT id FROM published_tables WHERE namnd = namnd() AND lag = @lag AND period = @period AND sha256 = @sha";
        if (c.QuerySingleOrDefault<long?>(existing, new { lag = lag.ToString(), period = period.ToString(), sha }) is { } id)
            return new(id, true, table.ColumnName(column), findings);
        using var tx = c.BeginTransaction();
        var newId = Save(c, tx, lag, period, sha, table, column, findings, clock.GetUtcNow());
        tx.Commit();
        return new(newId, false, table.ColumnName(column), findings);
    }

    /// The column that holds the quarter: the one headed by its last day, else the Summa column, else the only one.
    public static int ValueColumn(CheckTable t, Period period)
    {
        var dated = Enumerable.Range(0, t.Columns.Count).Where(i => TableStructure.HeaderDate(t.Columns[i]) == period.End).ToList();
        if (dated.Count == 1) return dated[0];
        if (TableStructure.SumColumnOf(t.Columns) is { } sum) return sum;
        if (t.Columns.Count == 1) return 0;
        throw new TableReadException($"{t.Name}: ingen kolumn avser {period} (rubriken {period.End:yyyy-MM-dd} eller en Summa-kolumn behövs).");
    }

    private static long Save(DbConnection c, DbTransaction tx, Lag lag, Period period, string sha, CheckTable t, int column,
        IReadOnlyList<Finding> findings, DateTimeOffset now)
    {
        const string insert = """
            INSERT INTO published_tables (namnd, lag, period, file_name, sha256, label_header, value_column, imported_at)
            VALUES (namnd(), @lag, @period, @file, @sha, @header, @column, @at) RETURNING id
            """;
        var id = c.ExecuteScalar<long>(insert, new { lag = lag.ToString(), period = period.ToString(), file = t.Name, sha, header = t.LabelHeader, column, at = now.ToString("O") }, tx);
        c.Execute("INSERT INTO published_table_columns (table_id, col_no, header) VALUES (@id, @no, @header)",
            t.Columns.Select((h, no) => new { id, no, header = h }), tx);
        c.Execute("INSERT INTO published_table_rows (table_id, row_no, label, line) VALUES (@id, @no, @label, @line)",
            t.Rows.Select((r, no) => new { id, no, label = r.Label, line = r.Line }), tx);
        c.Execute("INSERT INTO published_table_cells (table_id, row_no, col_no, value) VALUES (@id, @row, @col, @value)",
            t.Rows.SelectMany((r, row) => r.Values.Select((v, col) => new { id, row, col, value = v })), tx);
        const string finding = """
            INSERT INTO published_table_findings (table_id, seq, kind, row_label, column_name, printed, computed, severity, message, root_cause, line)
            VALUES (@id, @seq, @Kind, @Row, @Column, @Printed, @Computed, @Severity, @Message, @RootCause, @Line)
            """;
        c.Execute(finding, findings.Select((f, seq) => new { id, seq, f.Kind, f.Row, f.Column, f.Printed, f.Computed, f.Severity, f.Message, f.RootCause, f.Line }), tx);
        return id;
    }

    /// The newest stored table of each quarter of a law.
    public static IReadOnlyList<StoredTable> Latest(DbConnection c, Lag lag)
    {
        const string tables = """
            SELECT t.id AS Id, t.period AS Period, t.file_name AS FileName, t.label_header AS LabelHeader, t.value_column AS ValueColumn
            FROM published_tables t
            WHERE t.namnd = namnd() AND t.lag = @lag
              AND t.id = (SELECT MAX(u.id) FROM published_tables u WHERE u.namnd = t.namnd AND u.lag = t.lag AND u.period = t.period)
            ORDER BY t.period
            """;
        return c.Query<TableHead>(tables, new { lag = lag.ToString() }).Select(t => Load(c, lag, t)).ToList();
    }

    private static StoredTable Load(DbConnection c, Lag lag, TableHead t)
    {
        const string columns = "SELECT header FROM published_table_columns WHERE table_id = @Id ORDER BY col_no";
        const string rows = "SELECT row_no AS RowNo, label AS Label, line AS Line FROM published_table_rows WHERE table_id = @Id ORDER BY row_no";
        const string cells = "SELECT row_no AS RowNo, col_no AS ColNo, value AS Value FROM published_table_cells WHERE table_id = @Id";
        const string findings = """
            SELECT kind AS Kind, row_label AS Row, column_name AS ColumnName, printed AS Printed, computed AS Computed, severity AS Severity,
                   message AS Message, root_cause AS RootCause, line AS Line
            FROM published_table_findings WHERE table_id = @Id ORDER BY seq
            """;
        var headers = c.Query<string>(columns, t).ToList();
        var values = c.Query<CellRow>(cells, t).ToDictionary(x => (x.RowNo, x.ColNo), x => x.Value is { } v ? (int?)v : null);
        var tableRows = c.Query<RowRow>(rows, t)
            .Select(r => new TableRow(r.Label, headers.Select((_, col) => values[(r.RowNo, col)]).ToList(), r.Line is { } l ? (int)l : null)).ToList();
        var stored = c.Query<FindingRow>(findings, t).Select(f => new Finding(t.FileName, f.Row, f.ColumnName, f.Printed, f.Computed, f.Severity,
            f.Message, f.Kind, f.RootCause, f.Line is { } l ? (int)l : null)).ToList();
        return new StoredTable(t.Id, lag, Period.Parse(t.Period), t.FileName, new CheckTable(t.FileName, t.LabelHeader, headers, tableRows),
            (int)t.ValueColumn, stored);
    }

    // Dapper maps SQLite integers to long and needs settable classes, not positional records.
    private sealed class TableHead { public long Id { get; init; } public string Period { get; init; } = ""; public string FileName { get; init; } = ""; public string LabelHeader { get; init; } = ""; public long ValueColumn { get; init; } }
    private sealed class RowRow { public long RowNo { get; init; } public string Label { get; init; } = ""; public long? Line { get; init; } }
    private sealed class CellRow { public long RowNo { get; init; } public long ColNo { get; init; } public long? Value { get; init; } }
    private sealed class FindingRow
    {
        public string Kind { get; init; } = ""; public string Row { get; init; } = ""; public string? ColumnName { get; init; }
        public long? Printed { get; init; } public long? Computed { get; init; } public string Severity { get; init; } = "";
        public string Message { get; init; } = ""; public string? RootCause { get; init; } public long? Line { get; init; }
    }
}
