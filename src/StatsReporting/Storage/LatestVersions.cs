using Microsoft.Data.Sqlite;
using StatsReporting.Decisions;

namespace StatsReporting.Storage;

/// The newest stored version of every decision, as the importer's diff needs it: read in one scan of
/// decision_versions (no query per record), kept as a hash of its content rather than its columns.
internal sealed class LatestVersions
{
    /// The 64-bit fields first, so that the flags share the last word: 32 bytes, not 40, a million times over.
    public struct Entry
    {
        public long Id;
        public long Version;
        public long Hash;
        public Lag Lag;
        /// In its law's latest snapshot (gone_import is NULL).
        public bool Open;
        /// Carried by the file being imported.
        public bool Seen;
    }

    private readonly IdMap<Entry> _byId = new();

    public int Count => _byId.Count;

    /// A plain scan in file order (`namnd || ''` keeps the planner off the (namnd, beslut_id) index, whose walk reads
    /// a random page per row). Versions stored before migration 0006 have no content hash, and before 0011 no first
    /// late day: they are computed here and stored in the same transaction.
    public static LatestVersions Load(SqliteConnection c, SqliteTransaction tx)
    {
        const string sql = """
            SELECT beslut_id, id, version, gone_import, content_hash, person_id, kon, lag, verksamhet, insats, enhet,
                   beslutsdatum, avbrottsdatum, verkstallt_datum, avslutat_datum, orsak, kommentar, fodelsedatum, first_late_day IS NULL
            FROM decision_versions WHERE namnd || '' = namnd()
            """;
        var latest = new LatestVersions();
        var missingHash = new List<(long Id, long Hash)>();
        var missingLate = new List<(long Id, string Day)>();
        using (var cmd = c.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = sql;
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var version = r.GetInt64(2);
                // Every version, not only the newest: `report --import N` reads old ones too.
                if (r.GetBoolean(18)) missingLate.Add((r.GetInt64(1), IsoDate.Format(ReportingRule.FirstLateDay(DecisionStore.Read(r, 0, 5)))!));
                ref var e = ref latest._byId.GetOrAdd(r.GetString(0), out var exists);
                if (exists && e.Version > version) continue;
                var hash = r.IsDBNull(4) ? DecisionVersions.Hash(DecisionStore.Read(r, 0, 5)) : r.GetInt64(4);
                if (r.IsDBNull(4)) missingHash.Add((r.GetInt64(1), hash));
                e = new Entry { Id = r.GetInt64(1), Version = version, Lag = r.GetString(7) == "LSS" ? Lag.LSS : Lag.SoL, Open = r.IsDBNull(3), Hash = hash };
            }
        }
        if (missingHash.Count > 0) Store(c, tx, "content_hash", missingHash.Select(m => (m.Id, (object)m.Hash)));
        if (missingLate.Count > 0) Store(c, tx, "first_late_day", missingLate.Select(m => (m.Id, (object)m.Day)));
        return latest;
    }

    public ref Entry Find(string beslutId) => ref _byId.Find(beslutId);

    /// The versions still open in a law this file holds that the file did not carry: they leave the snapshot.
    public List<long> OpenNotSeen(IReadOnlySet<Lag> laws)
    {
        var gone = new List<long>();
        foreach (ref var e in _byId.Values)
            if (e.Open && !e.Seen && laws.Contains(e.Lag)) gone.Add(e.Id);
        return gone;
    }

    /// Fills in a column that versions stored before its migration lack (content_hash: 0006, first_late_day: 0011).
    private static void Store(SqliteConnection c, SqliteTransaction tx, string column, IEnumerable<(long Id, object Value)> values)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"UPDATE decision_versions SET {column} = $h WHERE id = $id";
        var h = cmd.Parameters.Add(new SqliteParameter("$h", 0L));
        var id = cmd.Parameters.Add(new SqliteParameter("$id", 0L));
        cmd.Prepare();
        foreach (var (i, value) in values)
        {
            h.Value = value;
            id.Value = i;
            cmd.ExecuteNonQuery();
        }
    }
}
