using Dapper;
using Microsoft.Data.Sqlite;
using StatsReporting.Decisions;

namespace StatsReporting.Storage;

/// A decision that an earlier snapshot held open and the latest snapshot of its law no longer contains.
public sealed record VanishedDecision(Decision Decision, long LastSeenImport, long CurrentImport);

/// Every import is a snapshot of the case system. The latest import that holds decisions of a law is that law's
/// current snapshot; an open decision missing from it has vanished, and must be explained, never dropped.
/// `upTo` looks at the records as they stood after that import (null: all imports).
public static class Snapshots
{
    public static long? CurrentImport(SqliteConnection c, Lag lag, long? upTo = null)
    {
        const string sql = """
            SELECT MAX(d.import_id) FROM import_decisions d
            JOIN decision_versions v ON v.id = d.version_id
            WHERE v.lag = @lag AND (@upTo IS NULL OR d.import_id <= @upTo)
            """;
        return c.ExecuteScalar<long?>(sql, new { lag = lag.ToString(), upTo });
    }

    public static IReadOnlyList<VanishedDecision> Vanished(SqliteConnection c, Lag lag, long? upTo = null)
    {
        if (CurrentImport(c, lag, upTo) is not { } current) return [];
        const string sql = """
            SELECT d.beslut_id AS BeslutId, MAX(d.import_id) AS LastSeen
            FROM import_decisions d
            JOIN decision_versions v ON v.id = d.version_id
            WHERE v.lag = @lag AND d.import_id <= @current
              AND NOT EXISTS (SELECT 1 FROM import_decisions n WHERE n.import_id = @current AND n.beslut_id = d.beslut_id)
            GROUP BY d.beslut_id
            """;
        var missing = c.Query<(string BeslutId, long LastSeen)>(sql, new { lag = lag.ToString(), current })
            .ToDictionary(m => m.BeslutId, m => m.LastSeen);
        if (missing.Count == 0) return [];
        return DecisionStore.Current(c, current)
            .Where(d => missing.ContainsKey(d.BeslutId) && ReportingRule.Done(d) is null)
            .Select(d => new VanishedDecision(d, missing[d.BeslutId], current))
            .ToList();
    }
}
