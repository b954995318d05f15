using Dapper;
using System.Data.Common;
using StatsReporting.Decisions;
using StatsReporting.Storage;

namespace StatsReporting.Records;

/// A decision that an earlier snapshot held open and the latest snapshot of its law no longer contains.
public sealed record VanishedDecision(Decision Decision, long LastSeenImport, long CurrentImport);

/// Every import is a snapshot of the case system. The latest import that holds decisions of a law is that law's
/// current snapshot; an open decision missing from it has vanished, and must be explained, never dropped.
/// `upTo` looks at the records as they stood after that import (null: all imports).
public static class Snapshots
{
    private const string Holds = "(',' || i.laws || ',') LIKE ('%,' || {0} || ',%')";

    public static long? CurrentImport(DbConnection c, Lag lag, long? upTo = null) =>
        c.ExecuteScalar<long?>($"SELECT MAX(i.id) FROM imports i WHERE i.namnd = namnd() AND (@upTo IS NULL OR i.id <= @upTo) AND {string.Format(Holds, "@lag")}",
            new { lag = lag.ToString(), upTo });

    /// Both laws' vanished decisions as of upTo, as a run reads them once for all its outputs.
    public static IReadOnlyDictionary<Lag, IReadOnlyList<VanishedDecision>> VanishedByLaw(Db db, long? upTo = null) =>
        new[] { Lag.SoL, Lag.LSS }.ToDictionary(lag => lag, lag => Vanished(db, lag, upTo));

    /// Only versions that have left a snapshot can have vanished: they are found through their own index
    /// (migration 0006), so with a single import, or a snapshot that lost nothing, this reads next to nothing.
    public static IReadOnlyList<VanishedDecision> Vanished(Db db, Lag lag, long? upTo = null)
    {
        using var c = db.Open();
        if (CurrentImport(c, lag, upTo) is not { } current) return [];
        var laws = c.ExecuteScalar<string>("SELECT laws FROM imports WHERE id = @current", new { current });
        // A version was last seen in the last import of its law before the one it was gone from.
        // No GROUP BY here: with one, SQLite scans the whole table in beslut_id order instead of using the index. Nor
        // a plain v.namnd = namnd() on SQLite: the planner would walk the (namnd, beslut_id) index over every row instead.
        var sql = $"""
            SELECT v.beslut_id AS BeslutId,
                   (SELECT MAX(i.id) FROM imports i
                    WHERE i.namnd = v.namnd AND i.id >= v.import_id AND i.id < v.gone_import AND {string.Format(Holds, "v.lag")}) AS LastSeen
            FROM decision_versions v
            WHERE {db.Engine.ScanNamnd("v.namnd")} = namnd() AND v.gone_import IS NOT NULL AND v.gone_import <= @current AND v.lag = @lag
              AND NOT EXISTS (SELECT 1 FROM decision_versions w
                              WHERE w.namnd = v.namnd AND w.beslut_id = v.beslut_id AND w.import_id <= @current
                                AND (w.gone_import IS NULL OR w.gone_import > @current)
                                AND (',' || @laws || ',') LIKE ('%,' || w.lag || ',%'))
            """;
        var store = VersionStore.For(db);
        return c.Query<(string BeslutId, long LastSeen)>(sql, new { lag = lag.ToString(), current, laws })
            .GroupBy(m => m.BeslutId, StringComparer.Ordinal)
            .Select(g => (BeslutId: g.Key, LastSeen: g.Max(m => m.LastSeen)))
            .OrderBy(m => m.BeslutId, StringComparer.Ordinal)
            .Select(m => (m.LastSeen, Decision: DecisionStore.Newest(store, c, m.BeslutId, current)))
            .Where(m => ReportingRule.Done(m.Decision) is null)
            .Select(m => new VanishedDecision(m.Decision, m.LastSeen, current))
            .ToList();
    }
}
