using System.Data.Common;
using StatsReporting.Decisions;
using StatsReporting.Storage;

namespace StatsReporting.Records;

/// Reads stored decisions back as records, through the Db's version store.
public static class DecisionStore
{
    /// The newest version of every decision, as the records stood after import `upToImport` (all imports when null):
    /// an old quarter is re-made exactly by passing the import its report was based on. `doneFrom` leaves out the
    /// decisions verkställda or avslutade before that day: no quarter starting on or after it can report them
    /// (ReportingRule.IsReportable), so a report reads only what its quarters need. The query, and how it is read,
    /// are CurrentVersions'.
    public static IReadOnlyList<Decision> Current(Db db, long? upToImport = null, DateOnly? doneFrom = null) =>
        CurrentVersions.Read(db, upToImport, doneFrom, lateBy: null);

    /// One decision's newest version as it stood after import `upToImport`.
    internal static Decision Newest(IVersionStore store, DbConnection c, string beslutId, long upToImport)
    {
        var sql = $"SELECT {DecisionTable.Select} FROM decision_versions v WHERE v.namnd = namnd() AND v.beslut_id = @id AND v.import_id <= @upTo ORDER BY v.version DESC LIMIT 1";
        var found = new List<Decision>(1);
        store.Read(c, sql, [("@id", beslutId), ("@upTo", upToImport)], found);
        return found.Count == 1 ? found[0] : throw new InvalidOperationException($"Internt fel: beslut {beslutId} finns inte i databasen.");
    }

    public static long? LatestImportId(DbConnection c)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT MAX(id) FROM imports WHERE namnd = namnd()";
        return cmd.ExecuteScalar() is long id ? id : null;
    }
}
