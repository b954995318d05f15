using System.Data.Common;
using StatsReporting.Decisions;

namespace StatsReporting.Storage;

/// Reads stored decisions back as records.
public static class DecisionStore
{
    internal const string Columns = """
        v.beslut_id, v.person_id, v.kon, v.lag, v.verksamhet, v.insats, v.enhet, v.beslutsdatum, v.avbrottsdatum,
        v.verkstallt_datum, v.avslutat_datum, v.orsak, v.kommentar, v.fodelsedatum
        """;

    /// The newest version of every decision, as the records stood after import `upToImport` (all imports when null):
    /// an old quarter is re-made exactly by passing the import its report was based on. `doneFrom` leaves out the
    /// decisions verkställda or avslutade before that day: no quarter starting on or after it can report them
    /// (ReportingRule.IsReportable), so a report reads only what its quarters need. The query, and how it is read,
    /// are CurrentVersions'.
    public static IReadOnlyList<Decision> Current(DbConnection c, long? upToImport = null, DateOnly? doneFrom = null) =>
        CurrentVersions.Read(c, upToImport, doneFrom, lateBy: null);

    /// One decision's newest version as it stood after import `upToImport`.
    public static Decision Newest(DbConnection c, string beslutId, long upToImport)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT {Columns} FROM decision_versions v WHERE v.namnd = namnd() AND v.beslut_id = @id AND v.import_id <= @upTo ORDER BY v.version DESC LIMIT 1";
        cmd.AddParameter("@id", beslutId);
        cmd.AddParameter("@upTo", upToImport);
        using var r = cmd.ExecuteReader();
        if (!r.Read()) throw new InvalidOperationException($"Internt fel: beslut {beslutId} finns inte i databasen.");
        return Read(r, 0, 1);
    }

    public static long? LatestImportId(DbConnection c)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT MAX(id) FROM imports WHERE namnd = namnd()";
        return cmd.ExecuteScalar() is long id ? id : null;
    }

    /// A decision from a row holding beslut_id at `idAt` and the content columns, in table order, from `contentAt`.
    /// `pool` shares the many equal catalog texts (insats, enhet, orsak) between records.
    internal static Decision Read(DbDataReader r, int idAt, int contentAt, Dictionary<string, string>? pool = null)
    {
        string? Text(int i) => r.IsDBNull(contentAt + i) ? null : r.GetString(contentAt + i);
        string? Shared(int i) => Text(i) is not { } s ? null : pool is null ? s
            : pool.TryGetValue(s, out var same) ? same : pool[s] = s;
        DateOnly? Day(int i) => IsoDate.Parse(Text(i));
        return new()
        {
            BeslutId = r.GetString(idAt), PersonId = Text(0)!, Kon = Text(1) == "K" ? Kon.K : Kon.M,
            Lag = Text(2) == "LSS" ? Lag.LSS : Lag.SoL, Verksamhet = Shared(3), Insats = Shared(4)!, Enhet = Shared(5),
            Beslutsdatum = Day(6)!.Value, Avbrottsdatum = Day(7), VerkstalltDatum = Day(8), AvslutatDatum = Day(9),
            Orsak = Shared(10), Kommentar = Text(11), Fodelsedatum = Day(12),
        };
    }
}
