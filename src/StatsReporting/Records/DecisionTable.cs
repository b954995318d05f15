using StatsReporting.Decisions;

namespace StatsReporting.Records;

/// The table decision_versions (migrations 0001, 0006, 0009, 0011), in one place: its columns and how a Decision's
/// values are written into them. Every query and both version stores (SqliteVersionStore, PostgresVersionStore) take
/// their column lists and encodings from here, so a new column is added here, in each store's one writer and reader,
/// and in a migration.
public static class DecisionTable
{
    /// The content columns in table order: everything a version says about its decision but its key, beslut_id.
    /// The readers take them in this order after beslut_id (Select).
    public static readonly IReadOnlyList<string> Content =
    [
        "person_id", "kon", "lag", "verksamhet", "insats", "enhet", "beslutsdatum", "avbrottsdatum",
        "verkstallt_datum", "avslutat_datum", "orsak", "kommentar", "fodelsedatum",
    ];

    /// beslut_id and the content columns of the version `v`, as every read of decisions selects them.
    public static readonly string Select = "v.beslut_id, " + string.Join(", ", Content.Select(c => "v." + c));

    /// The columns a new version is written with: its nämnd, key, version and import, its content, and what is
    /// computed from it once (content_hash: the importer's diff; first_late_day: what reports filter on).
    public static readonly IReadOnlyList<string> Written =
        ["namnd", "beslut_id", "version", "import_id", .. Content, "content_hash", "first_late_day"];

    public static string KonCode(Kon kon) => kon == Kon.K ? "K" : "M";

    public static Kon KonOf(string? code) => code == "K" ? Kon.K : Kon.M;

    public static string LagCode(Lag lag) => lag == Lag.LSS ? "LSS" : "SoL";

    public static Lag LagOf(string? code) => code == "LSS" ? Lag.LSS : Lag.SoL;

    /// FNV-1a over every content column (not beslut_id, the key), dates as day numbers: stable across processes,
    /// unlike string.GetHashCode. Stored as content_hash; the same on both providers.
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
}
