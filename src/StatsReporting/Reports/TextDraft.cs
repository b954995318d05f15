using StatsReporting.Decisions;
using StatsReporting.Language;
using StatsReporting.Organisation;

namespace StatsReporting.Reports;

/// A draft of the ärende text for the tjänsteskrivelse, citing the law in force for the decisions' dates (spec §1).
/// The sentences come from Wording, which the Word document uses too.
public static class TextDraft
{
    public const string Bullet = "– ";

    public static IReadOnlyList<string> Write(KfReport r, Catalog catalog, ReportSettings settings)
    {
        var lines = new List<string> { Title(r), "", Requirement(r), Main(r, settings), LawLine(r) };
        foreach (var block in r.Orsaker)
        {
            lines.Add("");
            lines.Add(Wording.InsatsIntro(InsatsName(catalog, r.Lag, block.Label), block.Total));
            lines.AddRange(block.Lines.Select(l => Bullet + Wording.StatusCount(l.Status, l.Reason, l.Count)));
        }
        lines.Add("");
        lines.AddRange(Facts(r));
        if (r.Total == 0) lines.Add(Wording.NoneToReport);
        lines.Add("");
        lines.Add(Comparison(r));
        lines.Add("Uppgifterna är avidentifierade. Jämförelsen med tidigare kvartal finns i tabellen Jämförelse.");
        return lines;
    }

    /// Short enough to print on one line (the Title style, 16 cm): the law in its short form, as in a heading.
    public static string Title(KfReport r) => $"Ej verkställda gynnande beslut enligt {r.LawName}, {Wording.Quarter(r.Period)}";

    /// What the law asks of the nämnd each quarter: the first mention of the law, written out with its SFS number.
    public static string Requirement(KfReport r) =>
        $"Enligt {Statistics(r, first: true)} ska nämnden varje kvartal lämna en statistikrapport till kommunfullmäktige över hur "
        + $"många gynnande beslut {Covered(r)} som inte har verkställts inom tre månader från dagen för "
        + "beslutet. Rapporten ska ange vilka typer av insatser besluten gäller, hur lång tid som har förflutit från dagen för "
        + "varje beslut och om beslutet avser ett avbrott i en verkställighet. Uppgifterna ska lämnas avidentifierade.";

    public static string Main(KfReport r, ReportSettings settings)
    {
        var total = r.Sammanstallning.Rows[^1];
        var kons = settings.KonColumns(r.Lag);
        int k = total.Values[Array.IndexOf(kons, Kon.K)] ?? 0, m = total.Values[Array.IndexOf(kons, Kon.M)] ?? 0;
        return Wording.Main(settings.Namnd, r.Total, k, m, Covered(r), r.Period, r.AsOf, manFirst: kons[0] == Kon.M);
    }

    public static string LawLine(KfReport r) => Wording.LawLine(Statistics(r), IvoProvision(r));

    /// Avbrott and long waits, when there are any.
    public static IEnumerable<string> Facts(KfReport r)
    {
        var avbrott = r.Avbrott.Rows[^1].Values[1] ?? 0;
        if (avbrott > 0) yield return Wording.Avbrott(avbrott, r.Total);
        var over12 = r.Vantetid.Rows[^1].Values[3] ?? 0;
        if (over12 > 0) yield return Wording.OverTwelveMonths(over12, r.Total);
    }

    /// This quarter's total against the two before it, from the Jämförelse table.
    public static string Comparison(KfReport r) =>
        Wording.Comparison(r.Period.Window(r.Jamforelse.Columns.Count), r.Jamforelse.Rows[^1].Values);

    /// "Särskilt boende (ÄO)" for SoL, "Biträde av kontaktperson (9 § 4)" for LSS: the name first, so that a lead
    /// line never begins with the paragraph's number.
    public static string InsatsName(Catalog catalog, Lag lag, string label) => InsatsName(catalog.Rows(lag).First(c => c.Label == label));

    public static string InsatsName(CatalogRow row) => row.Verksamhet is null
        ? $"{row.Label[(row.Insats.Length + 1)..]} ({row.Insats})"
        : $"{row.Insats} ({row.Verksamhet})";

    /// What the decisions are, under which provision, in short form: "om bistånd enligt 4 kap. 1 § SoL". SoL decisions
    /// before 2025-07-01 fall under 4 kap. 1 § SoL (2001:453), later ones under SoL (2025:400).
    public static string Covered(KfReport r) => (r.Lag == Lag.SoL ? "om bistånd enligt " : "om insatser enligt ")
        + Cite(r, "9 §", "4 kap. 1 §", "11 kap. 1 § och 12 kap. 1 §", first: false);

    public static string Statistics(KfReport r, bool first = false) => Cite(r, "28 h §", "16 kap. 6 h §", "34 kap. 3 §", first);

    public static string IvoProvision(KfReport r) => Cite(r, "28 f §", "16 kap. 6 f §", "34 kap. 1 §", first: false);

    /// A provision of the law. The `first` mention writes the law out with its SFS number and the short form after it
    /// ("16 kap. 6 h § socialtjänstlagen (2001:453), SoL,"); every later one is short ("4 kap. 1 § SoL").
    private static string Cite(KfReport r, string lss, string oldSol, string newSol, bool first)
    {
        if (r.Lag == Lag.LSS)
            return first ? $"{lss} lagen (1993:387) om stöd och service till vissa funktionshindrade, LSS," : $"{lss} LSS";
        return (r.Laws.AnyBeforeNewSol, r.Laws.AnyFromNewSol) switch
        {
            (true, true) => first
                ? $"{oldSol} socialtjänstlagen (2001:453), äldre SoL, för beslut före den 1 juli 2025 och {newSol} socialtjänstlagen "
                  + "(2025:400), nya SoL, för beslut från den 1 juli 2025"
                : $"{oldSol} äldre SoL respektive {newSol} nya SoL",
            (false, true) => first ? $"{newSol} socialtjänstlagen (2025:400), SoL," : $"{newSol} SoL",
            _ => first ? $"{oldSol} socialtjänstlagen (2001:453), SoL," : $"{oldSol} SoL",
        };
    }
}
