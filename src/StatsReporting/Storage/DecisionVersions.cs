using Microsoft.Data.Sqlite;
using System.Text;
using SQLitePCL;
using StatsReporting.Decisions;

namespace StatsReporting.Storage;

/// Writes decision versions inside the import's one transaction with statements compiled once and reused (migration
/// 0006): a new version is one INSERT, a version leaving its law's snapshot one UPDATE of gone_import; a decision the
/// snapshot carries unchanged costs no write at all. The INSERT, run once per new decision, binds its values by
/// position through SQLitePCL (the provider under Microsoft.Data.Sqlite), which otherwise looks every parameter up
/// by name and makes a data reader on every execution: that was most of the store's time. Each version also gets
/// its first late day (migration 0011), by which reports read only what a quarter can report.
internal sealed class DecisionVersions : IDisposable
{
    private const string InsertSql = """
        INSERT INTO decision_versions (namnd, beslut_id, version, import_id, person_id, kon, lag, verksamhet, insats, enhet,
            beslutsdatum, avbrottsdatum, verkstallt_datum, avslutat_datum, orsak, kommentar, fodelsedatum, content_hash, first_late_day)
        VALUES (?19, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)
        """;
    private const string GoneSql = "UPDATE decision_versions SET gone_import = $gone WHERE id = $id";

    private readonly SqliteConnection _c;
    private readonly sqlite3_stmt _insert;
    private readonly SqliteCommand _gone;
    // A value's UTF-8 is written here and bound from here (SQLite copies it): no array per value.
    private byte[] _utf8 = new byte[256];
    // What each parameter holds now (a fresh statement's are all NULL): a value the row before bound already, such
    // as the catalog's own insats text or an empty date, is not bound again. That halves the calls into SQLite.
    private readonly string?[] _text = new string?[20];
    private readonly DateOnly?[] _day = new DateOnly?[20];
    private long _version;

    public DecisionVersions(SqliteConnection c, SqliteTransaction tx, long importId, string namnd)
    {
        _c = c;
        Check(raw.sqlite3_prepare_v2(c.Handle, InsertSql, out _insert));
        // Bindings outlive sqlite3_reset: what is the same for every row is bound once.
        Check(raw.sqlite3_bind_int64(_insert, 3, importId));
        Text(19, namnd);
        _gone = Prepare(c, tx, GoneSql, ["gone", "id"]);
        _gone.Parameters[0].Value = importId;
    }

    public void Insert(VersionRow row, long version)
    {
        var (d, s) = (row.Decision, _insert);
        Text(1, d.BeslutId);
        if (version != _version) raw.sqlite3_bind_int64(s, 2, _version = version);
        Text(4, d.PersonId); Text(5, d.Kon == Kon.K ? "K" : "M"); Text(6, d.Lag == Lag.LSS ? "LSS" : "SoL");
        Text(7, d.Verksamhet); Text(8, d.Insats); Text(9, d.Enhet); Day(10, d.Beslutsdatum); Day(11, d.Avbrottsdatum);
        Day(12, d.VerkstalltDatum); Day(13, d.AvslutatDatum); Text(14, d.Orsak);
        Text(15, d.Kommentar); Day(16, d.Fodelsedatum); raw.sqlite3_bind_int64(s, 17, row.Hash);
        Day(18, row.FirstLateDay);
        var rc = raw.sqlite3_step(s);
        raw.sqlite3_reset(s);
        if (rc != raw.SQLITE_DONE) Check(rc);
    }

    private void Text(int at, string? value)
    {
        if (ReferenceEquals(value, _text[at])) return;
        _text[at] = value;
        if (value is null) { raw.sqlite3_bind_null(_insert, at); return; }
        var most = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (most > _utf8.Length) _utf8 = new byte[most];
        raw.sqlite3_bind_text(_insert, at, _utf8.AsSpan(0, Encoding.UTF8.GetBytes(value, _utf8)));
    }

    /// A date as DecisionStore.Iso writes it (ÅÅÅÅ-MM-DD), without making a string of it.
    private void Day(int at, DateOnly? day)
    {
        if (day == _day[at]) return;
        _day[at] = day;
        if (day is not { } d) { raw.sqlite3_bind_null(_insert, at); return; }
        Span<byte> iso = stackalloc byte[10];
        DecisionStore.Iso(d, iso);
        raw.sqlite3_bind_text(_insert, at, iso);
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK && rc != raw.SQLITE_DONE)
            throw new SqliteException(raw.sqlite3_errmsg(_c.Handle).utf8_to_string(), rc);
    }

    /// The version is not in this import's snapshot of its law (its decision changed or is missing).
    public void Gone(long versionId)
    {
        _gone.Parameters[1].Value = versionId;
        _gone.ExecuteNonQuery();
    }

    /// FNV-1a over every content column (not beslut_id, the key), dates as day numbers: stable across processes,
    /// unlike string.GetHashCode.
    public static long Hash(Decision d)
    {
        var h = 14695981039346656037UL;
        void Mix(ulong v) => h = (h ^ v) * 1099511628211UL;
        void Add(string? s)
        {
            if (s is null) Mix(0x1_0000);
            else foreach (var ch in s) Mix(ch);
            Mix(0x1_0001);
        }
        void Day(DateOnly? day) => Mix(day is { } x ? (ulong)x.DayNumber : 0x1_0000);
        Add(d.PersonId); Mix((ulong)d.Kon); Mix((ulong)d.Lag); Add(d.Verksamhet); Add(d.Insats); Add(d.Enhet);
        Day(d.Beslutsdatum); Day(d.Avbrottsdatum); Day(d.VerkstalltDatum); Day(d.AvslutatDatum);
        Add(d.Orsak); Add(d.Kommentar); Day(d.Fodelsedatum);
        return unchecked((long)h);
    }

    private static SqliteCommand Prepare(SqliteConnection c, SqliteTransaction tx, string sql, string[] names)
    {
        var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var n in names) cmd.Parameters.Add(new SqliteParameter("$" + n, DBNull.Value));
        cmd.Prepare();
        return cmd;
    }

    public void Dispose()
    {
        _insert.Dispose();   // sqlite3_finalize
        _gone.Dispose();
    }
}
