using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using StatsReporting.Decisions;

namespace StatsReporting.Storage;

/// Reads stored decisions back as records.
public static class DecisionStore
{
    /// The newest version of every decision, as the records stood after import `upToImport` (all imports when null):
    /// an old quarter is re-made exactly by passing the import its report was based on.
    public static IReadOnlyList<Decision> Current(SqliteConnection c, long? upToImport = null)
    {
        const string sql = """
            SELECT v.beslut_id AS BeslutId, v.person_id AS PersonId, v.kon AS Kon, v.lag AS Lag, v.verksamhet AS Verksamhet,
                   v.insats AS Insats, v.enhet AS Enhet, v.beslutsdatum AS Beslutsdatum, v.avbrottsdatum AS Avbrottsdatum,
                   v.verkstallt_datum AS VerkstalltDatum, v.avslutat_datum AS AvslutatDatum, v.orsak AS Orsak, v.kommentar AS Kommentar,
                   v.fodelsedatum AS Fodelsedatum
            FROM decision_versions v
            WHERE v.version = (SELECT MAX(w.version) FROM decision_versions w
                               WHERE w.beslut_id = v.beslut_id AND (@upTo IS NULL OR w.import_id <= @upTo))
            ORDER BY v.beslut_id
            """;
        return c.Query<DecisionRow>(sql, new { upTo = upToImport }).Select(r => r.ToDecision()).ToList();
    }

    public static long? LatestImportId(SqliteConnection c) => c.ExecuteScalar<long?>("SELECT MAX(id) FROM imports");

    internal static string? Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static DateOnly? Date(string? s) =>
        string.IsNullOrEmpty(s) ? null : DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// A stored decision's columns as text: Dapper maps SQLite rows onto this, and it onto the record (Dapper cannot
    /// map TEXT to DateOnly). The importer extends it with the version's own columns.
    internal record DecisionRow
    {
        public string BeslutId { get; init; } = "";
        public string PersonId { get; init; } = "";
        public string Kon { get; init; } = "";
        public string Lag { get; init; } = "";
        public string? Verksamhet { get; init; }
        public string Insats { get; init; } = "";
        public string? Enhet { get; init; }
        public string Beslutsdatum { get; init; } = "";
        public string? Avbrottsdatum { get; init; }
        public string? VerkstalltDatum { get; init; }
        public string? AvslutatDatum { get; init; }
        public string? Orsak { get; init; }
        public string? Kommentar { get; init; }
        public string? Fodelsedatum { get; init; }

        public Decision ToDecision() => new()
        {
            BeslutId = BeslutId, PersonId = PersonId, Kon = Enum.Parse<Kon>(Kon), Lag = Enum.Parse<Lag>(Lag),
            Verksamhet = Verksamhet, Insats = Insats, Enhet = Enhet, Beslutsdatum = Date(Beslutsdatum)!.Value,
            Avbrottsdatum = Date(Avbrottsdatum), VerkstalltDatum = Date(VerkstalltDatum), AvslutatDatum = Date(AvslutatDatum),
            Orsak = Orsak, Kommentar = Kommentar, Fodelsedatum = Date(Fodelsedatum),
        };

        public static T Of<T>(Decision d) where T : DecisionRow, new() => new()
        {
            BeslutId = d.BeslutId, PersonId = d.PersonId, Kon = d.Kon.ToString(), Lag = d.Lag.ToString(),
            Verksamhet = d.Verksamhet, Insats = d.Insats, Enhet = d.Enhet, Beslutsdatum = Iso(d.Beslutsdatum)!,
            Avbrottsdatum = Iso(d.Avbrottsdatum), VerkstalltDatum = Iso(d.VerkstalltDatum), AvslutatDatum = Iso(d.AvslutatDatum),
            Orsak = d.Orsak, Kommentar = d.Kommentar, Fodelsedatum = Iso(d.Fodelsedatum),
        };
    }
}
