using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using StatsReporting.Decisions;

namespace StatsReporting.Records;

/// SQLite's one reader of decisions (SqliteVersionStore.Read, LatestVersions): a query whose columns are
/// DecisionTable.Select's (beslut_id, then the content columns in table order) read straight from SQLite's statement
/// (SQLitePCL, the provider under Microsoft.Data.Sqlite), as DecisionVersions writes them: the data reader makes two calls per cell (IsDBNull, then GetString), a string for every date and kon,
/// which was most of a report's reading time at a million decisions. Here a cell is one call, dates and kon/lag are
/// read from the UTF-8 bytes, and the many equal catalog texts (insats, enhet, orsak) become one string each.
internal sealed class DecisionRows(SqliteConnection c)
{
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _pool =
        new Dictionary<string, string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// Runs `sql` with the named parameters (long or string values) bound and adds each row's decision to `into`.
    public void Read(string sql, IReadOnlyList<(string Name, object Value)> parameters, List<Decision> into) =>
        Read(sql, parameters, s => into.Add(Row(s)));

    /// The same for a query with the version's id after the content columns.
    public void ReadWithId(string sql, IReadOnlyList<(string Name, object Value)> parameters, List<(long Id, Decision Decision)> into) =>
        Read(sql, parameters, s => into.Add((raw.sqlite3_column_int64(s, 1 + DecisionTable.Content.Count), Row(s))));

    private void Read(string sql, IReadOnlyList<(string Name, object Value)> parameters, Action<sqlite3_stmt> each)
    {
        Check(raw.sqlite3_prepare_v2(c.Handle, sql, out var s));
        using (s)
        {
            foreach (var (name, value) in parameters)
            {
                var at = raw.sqlite3_bind_parameter_index(s, name);
                Check(value switch
                {
                    long n => raw.sqlite3_bind_int64(s, at, n),
                    string text => raw.sqlite3_bind_text(s, at, text),
                    _ => throw new ArgumentException($"Internt fel: parametern {name} har en okänd typ."),
                });
            }
            int rc;
            while ((rc = raw.sqlite3_step(s)) == raw.SQLITE_ROW) each(s);
            if (rc != raw.SQLITE_DONE) Check(rc);
        }
    }

    private Decision Row(sqlite3_stmt s)
    {
        var kon = raw.sqlite3_column_blob(s, 2);
        var lag = raw.sqlite3_column_blob(s, 3);
        return new()
        {
            BeslutId = Text(s, 0)!, PersonId = Text(s, 1)!, Kon = kon.Length == 1 && kon[0] == (byte)'K' ? Kon.K : Kon.M, // DecisionTable.KonOf, from bytes
            Lag = lag.SequenceEqual("LSS"u8) ? Lag.LSS : Lag.SoL, Verksamhet = Shared(s, 4), Insats = Shared(s, 5)!, Enhet = Shared(s, 6),
            Beslutsdatum = Day(s, 7)!.Value, Avbrottsdatum = Day(s, 8), VerkstalltDatum = Day(s, 9), AvslutatDatum = Day(s, 10),
            Orsak = Shared(s, 11), Kommentar = Text(s, 12), Fodelsedatum = Day(s, 13),
        };
    }

    /// A zero-length value is either NULL or an empty text: only then is the column's type asked.
    private static bool IsNull(sqlite3_stmt s, int i, ReadOnlySpan<byte> bytes) =>
        bytes.Length == 0 && raw.sqlite3_column_type(s, i) == raw.SQLITE_NULL;

    private static string? Text(sqlite3_stmt s, int i)
    {
        var bytes = raw.sqlite3_column_blob(s, i);
        return IsNull(s, i, bytes) ? null : Encoding.UTF8.GetString(bytes);
    }

    private string? Shared(sqlite3_stmt s, int i)
    {
        var bytes = raw.sqlite3_column_blob(s, i);
        if (IsNull(s, i, bytes)) return null;
        if (bytes.Length > 256) return Encoding.UTF8.GetString(bytes);
        Span<char> chars = stackalloc char[bytes.Length];
        var text = chars[..Encoding.UTF8.GetChars(bytes, chars)];
        if (_pool.TryGetValue(text, out var same)) return same;
        var made = text.ToString();
        _pool[made] = made;
        return made;
    }

    /// Stored dates are ISO text (yyyy-MM-dd), read digit by digit; anything else goes through IsoDate.Parse.
    private static DateOnly? Day(sqlite3_stmt s, int i)
    {
        var b = raw.sqlite3_column_blob(s, i);
        if (b.Length == 0) return IsNull(s, i, b) ? null : IsoDate.Parse("");
        if (b.Length != 10 || b[4] != '-' || b[7] != '-') return IsoDate.Parse(Encoding.UTF8.GetString(b));
        static int N(ReadOnlySpan<byte> d) { var n = 0; foreach (var x in d) n = n * 10 + (x - '0'); return n; }
        return new DateOnly(N(b[..4]), N(b[5..7]), N(b[8..]));
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK && rc != raw.SQLITE_DONE)
            throw new SqliteException(raw.sqlite3_errmsg(c.Handle).utf8_to_string(), rc);
    }
}
