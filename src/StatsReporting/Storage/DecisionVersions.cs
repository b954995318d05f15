using Microsoft.Data.Sqlite;
using StatsReporting.Decisions;

namespace StatsReporting.Storage;

/// Writes decision versions inside the import's one transaction with commands compiled once and reused (migration
/// 0006): a new version is one INSERT, a version leaving its law's snapshot one UPDATE of gone_import; a decision the
/// snapshot carries unchanged costs no write at all.
internal sealed class DecisionVersions : IDisposable
{
    private const string InsertSql = """
        INSERT INTO decision_versions (beslut_id, version, import_id, person_id, kon, lag, verksamhet, insats, enhet,
            beslutsdatum, avbrottsdatum, verkstallt_datum, avslutat_datum, orsak, kommentar, fodelsedatum, content_hash)
        VALUES ($beslut_id, $version, $import_id, $person_id, $kon, $lag, $verksamhet, $insats, $enhet,
            $beslutsdatum, $avbrottsdatum, $verkstallt_datum, $avslutat_datum, $orsak, $kommentar, $fodelsedatum, $content_hash)
        """;
    private const string GoneSql = "UPDATE decision_versions SET gone_import = $gone WHERE id = $id";

    private readonly SqliteCommand _insert;
    private readonly SqliteParameter[] _p;
    private readonly SqliteCommand _gone;
    private readonly long _importId;

    public DecisionVersions(SqliteConnection c, SqliteTransaction tx, long importId)
    {
        _importId = importId;
        _insert = Prepare(c, tx, InsertSql, ["beslut_id", "version", "import_id", "person_id", "kon", "lag", "verksamhet", "insats",
            "enhet", "beslutsdatum", "avbrottsdatum", "verkstallt_datum", "avslutat_datum", "orsak", "kommentar", "fodelsedatum", "content_hash"]);
        _p = [.. _insert.Parameters.Cast<SqliteParameter>()];
        _p[2].Value = importId;
        _gone = Prepare(c, tx, GoneSql, ["gone", "id"]);
        _gone.Parameters[0].Value = importId;
    }

    public void Insert(Decision d, long version, long hash)
    {
        _p[0].Value = d.BeslutId; _p[1].Value = version; _p[3].Value = d.PersonId; _p[4].Value = d.Kon.ToString();
        _p[5].Value = d.Lag.ToString(); _p[6].Value = Db(d.Verksamhet); _p[7].Value = d.Insats; _p[8].Value = Db(d.Enhet);
        _p[9].Value = DecisionStore.Iso(d.Beslutsdatum); _p[10].Value = Db(DecisionStore.Iso(d.Avbrottsdatum));
        _p[11].Value = Db(DecisionStore.Iso(d.VerkstalltDatum)); _p[12].Value = Db(DecisionStore.Iso(d.AvslutatDatum));
        _p[13].Value = Db(d.Orsak); _p[14].Value = Db(d.Kommentar); _p[15].Value = Db(DecisionStore.Iso(d.Fodelsedatum));
        _p[16].Value = hash;
        _insert.ExecuteNonQuery();
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

    private static object Db(string? s) => s is null ? DBNull.Value : s;

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
        _insert.Dispose();
        _gone.Dispose();
    }
}
