using Microsoft.Data.Sqlite;
using StatsReporting.Decisions;

namespace StatsReporting.Records;

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
    /// a random page per row) of what the diff needs: no content columns. Versions stored before migration 0006 have no
    /// content hash, and before 0011 no first late day: those few are read whole afterwards (DecisionRows), computed,
    /// and stored in the same transaction.
    public static LatestVersions Load(SqliteConnection c, SqliteTransaction tx)
    {
        const string sql = """
            SELECT beslut_id, id, version, gone_import, content_hash, lag, content_hash IS NULL OR first_late_day IS NULL
            FROM decision_versions WHERE namnd || '' = namnd()
            """;
        var latest = new LatestVersions();
        var incomplete = new List<long>();
        var unhashed = new HashSet<long>();
        using (var cmd = c.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = sql;
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                // Every version, not only the newest: `report --import N` reads old ones too.
                if (r.GetBoolean(6)) incomplete.Add(r.GetInt64(1));
                if (r.IsDBNull(4)) unhashed.Add(r.GetInt64(1));
                var version = r.GetInt64(2);
                ref var e = ref latest._byId.GetOrAdd(r.GetString(0), out var exists);
                if (exists && e.Version > version) continue;
                e = new Entry
                {
                    Id = r.GetInt64(1), Version = version, Lag = DecisionTable.LagOf(r.GetString(5)), Open = r.IsDBNull(3),
                    Hash = r.IsDBNull(4) ? 0 : r.GetInt64(4),
                };
            }
        }
        if (incomplete.Count > 0) latest.Complete(c, tx, incomplete, unhashed);
        return latest;
    }

    /// Computes and stores the content hash and first late day of versions stored before their migrations.
    private void Complete(SqliteConnection c, SqliteTransaction tx, List<long> ids, HashSet<long> unhashed)
    {
        var versions = new List<(long Id, Decision Decision)>(ids.Count);
        var reader = new DecisionRows(c);
        foreach (var id in ids)
            reader.ReadWithId($"SELECT {DecisionTable.Select}, v.id FROM decision_versions v WHERE v.id = @id", [("@id", id)], versions);
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "UPDATE decision_versions SET content_hash = COALESCE(content_hash, $hash), first_late_day = COALESCE(first_late_day, $late) WHERE id = $id";
        var hash = cmd.Parameters.Add(new SqliteParameter("$hash", 0L));
        var late = cmd.Parameters.Add(new SqliteParameter("$late", ""));
        var key = cmd.Parameters.Add(new SqliteParameter("$id", 0L));
        cmd.Prepare();
        foreach (var (id, d) in versions)
        {
            (hash.Value, late.Value, key.Value) = (DecisionTable.Hash(d), IsoDate.Format(ReportingRule.FirstLateDay(d))!, id);
            cmd.ExecuteNonQuery();
            ref var e = ref _byId.Find(d.BeslutId);
            if (e.Id == id && unhashed.Contains(id)) e.Hash = (long)hash.Value;
        }
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
}
