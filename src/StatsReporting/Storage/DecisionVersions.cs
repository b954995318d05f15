using Microsoft.Data.Sqlite;
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
        VALUES (namnd(), ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)
        """;
    private const string GoneSql = "UPDATE decision_versions SET gone_import = $gone WHERE id = $id";

    private readonly SqliteConnection _c;
    private readonly sqlite3_stmt _insert;
    private readonly SqliteCommand _gone;
    private readonly long _importId;

    public DecisionVersions(SqliteConnection c, SqliteTransaction tx, long importId)
    {
        _importId = importId;
        _c = c;
        Check(raw.sqlite3_prepare_v2(c.Handle, InsertSql, out _insert));
        _gone = Prepare(c, tx, GoneSql, ["gone", "id"]);
        _gone.Parameters[0].Value = importId;
    }

    public void Insert(Decision d, long version, long hash)
    {
        var s = _insert;
        Text(1, d.BeslutId); raw.sqlite3_bind_int64(s, 2, version); raw.sqlite3_bind_int64(s, 3, _importId);
        Text(4, d.PersonId); Text(5, d.Kon == Kon.K ? "K" : "M"); Text(6, d.Lag == Lag.LSS ? "LSS" : "SoL"); Text(7, d.Verksamhet);
        Text(8, d.Insats); Text(9, d.Enhet); Text(10, DecisionStore.Iso(d.Beslutsdatum)); Text(11, DecisionStore.Iso(d.Avbrottsdatum));
        Text(12, DecisionStore.Iso(d.VerkstalltDatum)); Text(13, DecisionStore.Iso(d.AvslutatDatum)); Text(14, d.Orsak);
        Text(15, d.Kommentar); Text(16, DecisionStore.Iso(d.Fodelsedatum)); raw.sqlite3_bind_int64(s, 17, hash);
        Text(18, DecisionStore.Iso(ReportingRule.FirstLateDay(d)));
        var rc = raw.sqlite3_step(s);
        raw.sqlite3_reset(s);
        if (rc != raw.SQLITE_DONE) Check(rc);
    }

    private void Text(int at, string? value)
    {
        if (value is null) raw.sqlite3_bind_null(_insert, at);
        else raw.sqlite3_bind_text(_insert, at, value);
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
