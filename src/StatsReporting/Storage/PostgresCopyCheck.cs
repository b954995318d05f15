using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace StatsReporting.Storage;

/// What copy-to-postgres compares: the tables of the PostgreSQL schema in the order their foreign keys allow, and each
/// table's row count and checksum read from both databases the same way (rows in primary-key order, every value
/// written as its kind and text), so that equal checksums mean equal rows, id for id and date for date.
public static class PostgresCopyCheck
{
    /// The schema's tables, every table after the tables it refers to (a self-reference does not count).
    public static List<string> TablesInOrder(NpgsqlConnection c, NpgsqlTransaction? tx)
    {
        var tables = c.Query<string>("""
            SELECT t.relname FROM pg_class t JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = current_schema() AND t.relkind IN ('r', 'p') ORDER BY t.relname COLLATE "C"
            """, transaction: tx).ToList();
        var parents = c.Query<(string Child, string Parent)>("""
            SELECT ch.relname, pa.relname FROM pg_constraint k
            JOIN pg_class ch ON ch.oid = k.conrelid JOIN pg_class pa ON pa.oid = k.confrelid
            JOIN pg_namespace n ON n.oid = ch.relnamespace
            WHERE k.contype = 'f' AND n.nspname = current_schema() AND ch.oid <> pa.oid
            """, transaction: tx).ToLookup(e => e.Child, e => e.Parent);
        var ordered = new List<string>();
        var done = new HashSet<string>(StringComparer.Ordinal);
        void Visit(string t, int depth)
        {
            if (done.Contains(t) || depth > tables.Count) return;
            foreach (var p in parents[t]) Visit(p, depth + 1);
            if (done.Add(t)) ordered.Add(t);
        }
        foreach (var t in tables) Visit(t, 0);
        return ordered;
    }

    public static TableCopy Compare(SqliteConnection sqlite, SqliteTransaction read, NpgsqlConnection postgres, NpgsqlTransaction tx, string table)
    {
        var columns = postgres.Query<string>("""
            SELECT column_name FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = @table ORDER BY ordinal_position
            """, new { table }, tx).ToList();
        var key = postgres.Query<string>("""
            SELECT a.attname FROM pg_index i
            JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
            WHERE i.indrelid = (SELECT t.oid FROM pg_class t JOIN pg_namespace n ON n.oid = t.relnamespace
                                WHERE n.nspname = current_schema() AND t.relname = @table)
              AND i.indisprimary
            ORDER BY array_position(i.indkey, a.attnum)
            """, new { table }, tx).ToList();
        var order = string.Join(", ", (key.Count > 0 ? key : columns).Select(k => PostgresCopy.Quote(k) + " NULLS FIRST"));
        var sql = $"SELECT {string.Join(", ", columns.Select(PostgresCopy.Quote))} FROM {PostgresCopy.Quote(table)} ORDER BY {order}";
        var (sourceRows, sourceSum) = Sum(sqlite, read, sql);
        var (targetRows, targetSum) = Sum(postgres, tx, sql);
        return new(table, sourceRows, targetRows, sourceSum, targetSum);
    }

    private static (long Rows, string Sum) Sum(DbConnection c, DbTransaction tx, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        using var rows = cmd.ExecuteReader();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var n = 0L;
        var line = new StringBuilder();
        while (rows.Read())
        {
            n++;
            line.Clear();
            for (var i = 0; i < rows.FieldCount; i++) line.Append(Canonical(rows.GetValue(i))).Append('\u001f');
            line.Append('\u001e');
            hash.AppendData(Encoding.UTF8.GetBytes(line.ToString()));
        }
        return (n, Convert.ToHexStringLower(hash.GetHashAndReset())[..16]);
    }

    /// A value as its kind and text: the same for SQLite's INTEGER and PostgreSQL's bigint or boolean, TEXT and text,
    /// BLOB and bytea.
    public static string Canonical(object? value) => value switch
    {
        null or DBNull => "n",
        bool b => b ? "i1" : "i0",
        long or int or short => "i" + Convert.ToString(value, CultureInfo.InvariantCulture),
        double d => "r" + d.ToString("R", CultureInfo.InvariantCulture),
        byte[] bytes => "b" + Convert.ToHexStringLower(bytes),
        string s => "t" + s.Length.ToString(CultureInfo.InvariantCulture) + ":" + s,
        _ => "?" + Convert.ToString(value, CultureInfo.InvariantCulture),
    };
}
