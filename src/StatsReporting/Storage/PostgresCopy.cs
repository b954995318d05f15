using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using StatsReporting.FileSystem;

namespace StatsReporting.Storage;

/// One table after the copy: its rows and checksum read back from both databases.
public sealed record TableCopy(string Table, long SourceRows, long TargetRows, string SourceSum, string TargetSum)
{
    public bool Same => SourceRows == TargetRows && SourceSum == TargetSum;
}

/// `copy-to-postgres`: a whole SQLite installation into an empty PostgreSQL database, in one transaction, with every
/// id and date as it was. The tables are read from the schema (SQLite's sqlite_master, PostgreSQL's catalog), not
/// listed here, so a table a later migration adds is copied too; both databases are first migrated by this binary, so
/// they hold the same tables and columns, and a difference is refused. Afterwards, before the commit, every table's
/// rows are counted and checksummed on both sides (PostgresCopyCheck); any difference rolls the whole copy back.
public static class PostgresCopy
{
    /// Tables a fresh, migrated database already fills: the applied migrations, and the nämnder (0009's 'standard',
    /// and whatever a `serve` mirrored from appsettings.json). The source's rows replace them.
    private static readonly string[] Replaced = ["schema_migrations", "namnder"];

    public static IReadOnlyList<TableCopy> Run(Db source, Db target)
    {
        if (source.Engine.Kind != DbProvider.Sqlite || target.Engine.Kind != DbProvider.Postgres)
            throw new InvalidOperationException("copy-to-postgres kopierar från en SQLite-fil till PostgreSQL.");
        if (!File.Exists(source.Path))
            throw new InvalidOperationException($"SQLite-databasen '{UserText.Escape(source.Path)}' finns inte (ange filen med --db). Inget har kopierats.");
        source.Migrate();
        // A run writes as it goes: the copy waits for a stopped installation (README: stop the service first).
        using var running = source.TryRunLock()
            ?? throw new InvalidOperationException($"En kvartalskörning pågår mot '{UserText.Escape(source.Path)}': stoppa tjänsten och vänta tills körningen är klar. Inget har kopierats.");
        target.Check();
        RefuseNonEmpty(target, Existing(target));
        target.Migrate();

        using var from = (SqliteConnection)source.Open();
        using var to = (NpgsqlConnection)target.Open();
        // The source is read in one read transaction: a consistent snapshot, even if someone writes meanwhile.
        using var read = from.BeginTransaction(deferred: true);
        using var tx = to.BeginTransaction();
        target.WriteLock(to, tx);
        var tables = PostgresCopyCheck.TablesInOrder(to, tx);
        var sourceTables = from.Query<string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'", transaction: read).ToList();
        if (sourceTables.Except(tables).Concat(tables.Except(sourceTables)).Order(StringComparer.Ordinal).ToList() is { Count: > 0 } differ)
            throw new InvalidOperationException($"{target.Describe} och SQLite-filen har inte samma tabeller ({string.Join(", ", differ)}): " +
                "kör samma version av StatsReporting mot båda. Inget har kopierats.");
        RefuseNonEmpty(target, tables, to, tx);
        foreach (var table in Enumerable.Reverse(tables).Where(Replaced.Contains)) to.Execute($"DELETE FROM {Quote(table)}", transaction: tx);

        foreach (var table in tables) CopyTable(from, read, to, tx, table);
        RestartIdentities(to, tx);

        var checks = tables.Select(t => PostgresCopyCheck.Compare(from, read, to, tx, t)).ToList();
        if (checks.Where(c => !c.Same).Select(c => c.Table).ToList() is { Count: > 0 } wrong)
            throw new InvalidOperationException($"Kopian stämmer inte med SQLite-filen i {string.Join(", ", wrong)} (antal rader eller kontrollsumma). Inget har kopierats.");
        tx.Commit();
        return checks;
    }

    /// The tables the target has before it is migrated (none, on a new database).
    private static List<string> Existing(Db target)
    {
        using var c = (NpgsqlConnection)target.Open();
        return PostgresCopyCheck.TablesInOrder(c, null);
    }

    /// A target that holds records is refused: the copy never merges two installations.
    private static void RefuseNonEmpty(Db target, List<string> tables, NpgsqlConnection? c = null, NpgsqlTransaction? tx = null)
    {
        using var own = c is null ? (NpgsqlConnection)target.Open() : null;
        var conn = c ?? own!;
        var filled = tables.Order(StringComparer.Ordinal).Where(t => !Replaced.Contains(t))
            .Where(t => conn.ExecuteScalar<bool>($"SELECT EXISTS (SELECT 1 FROM {Quote(t)})", transaction: tx)).ToList();
        if (filled.Count > 0)
            throw new InvalidOperationException($"{target.Describe} är inte tom: tabellerna {string.Join(", ", filled)} har redan rader. " +
                "copy-to-postgres kopierar bara till en tom databas (skapa en ny, se README \"Flytta till PostgreSQL\"). Inget har kopierats.");
    }

    /// Binary COPY of every row, the columns named as the target has them, each value as the target's type wants it.
    private static void CopyTable(SqliteConnection from, SqliteTransaction read, NpgsqlConnection to, NpgsqlTransaction tx, string table)
    {
        var columns = to.Query<(string Name, string Type)>("""
            SELECT column_name, udt_name FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = @table ORDER BY ordinal_position
            """, new { table }, tx).ToList();
        var sourceColumns = from.Query<string>($"SELECT name FROM pragma_table_info('{table.Replace("'", "''", StringComparison.Ordinal)}')", transaction: read).ToHashSet(StringComparer.Ordinal);
        if (columns.Where(c => !sourceColumns.Contains(c.Name)).Select(c => c.Name).Concat(sourceColumns.Except(columns.Select(c => c.Name))).ToList() is { Count: > 0 } differ)
            throw new InvalidOperationException($"Tabellen {table} har inte samma kolumner i SQLite och PostgreSQL ({string.Join(", ", differ)}). Inget har kopierats.");
        var types = columns.Select(c => TypeOf(table, c.Name, c.Type)).ToArray();
        var list = string.Join(", ", columns.Select(c => Quote(c.Name)));

        using var select = from.CreateCommand();
        select.Transaction = read;
        select.CommandText = $"SELECT {list} FROM {Quote(table)}";
        using var rows = select.ExecuteReader();
        using var copy = to.BeginBinaryImport($"COPY {Quote(table)} ({list}) FROM STDIN (FORMAT BINARY)");
        while (rows.Read())
        {
            copy.StartRow();
            for (var i = 0; i < types.Length; i++)
            {
                if (rows.IsDBNull(i)) copy.WriteNull();
                else copy.Write(ValueOf(rows, i, types[i]), types[i]);
            }
        }
        copy.Complete();
    }

    private static NpgsqlDbType TypeOf(string table, string column, string udt) => udt switch
    {
        "int8" => NpgsqlDbType.Bigint,
        "int4" => NpgsqlDbType.Integer,
        "int2" => NpgsqlDbType.Smallint,
        "text" or "varchar" => NpgsqlDbType.Text,
        "bytea" => NpgsqlDbType.Bytea,
        "bool" => NpgsqlDbType.Boolean,
        "float8" => NpgsqlDbType.Double,
        _ => throw new InvalidOperationException($"Kolumnen {table}.{column} har typen {udt}, som copy-to-postgres inte kan kopiera. Inget har kopierats."),
    };

    private static object ValueOf(SqliteDataReader rows, int i, NpgsqlDbType type) => type switch
    {
        NpgsqlDbType.Bigint => rows.GetInt64(i),
        NpgsqlDbType.Integer => rows.GetInt32(i),
        NpgsqlDbType.Smallint => rows.GetInt16(i),
        NpgsqlDbType.Bytea => rows.GetFieldValue<byte[]>(i),
        NpgsqlDbType.Boolean => rows.GetInt64(i) != 0,
        NpgsqlDbType.Double => rows.GetDouble(i),
        _ => rows.GetString(i),
    };

    /// Identity columns go on after the highest copied id, so the next run, table or set gets a new one.
    private static void RestartIdentities(NpgsqlConnection to, NpgsqlTransaction tx)
    {
        var identities = to.Query<(string Table, string Column)>("""
            SELECT table_name, column_name FROM information_schema.columns
            WHERE table_schema = current_schema() AND is_identity = 'YES' ORDER BY table_name
            """, transaction: tx).ToList();
        foreach (var (table, column) in identities)
            to.Execute($"SELECT setval(pg_get_serial_sequence(@table, @column), COALESCE((SELECT MAX({Quote(column)}) FROM {Quote(table)}), 0) + 1, false)",
                new { table = Quote(table), column }, tx);
    }

    internal static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
