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
        var lines = new List<string> { Title(r), "", Main(r, settings), LawLine(r) };
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
        lines.Add("Uppgifterna är avidentifierade. Jämförelse med tidigare kvartal finns på fliken Jämförelse.");
        return lines;
    }

    public static string Title(KfReport r) => $"Rapport om ej verkställda gynnande beslut enligt {r.LawName}, {Wording.Quarter(r.Period)}";

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
        if (over12 > 0) yield return Wording.OverTwelveMonths(over12);
    }

    /// This quarter's total against the two before it, from the Jämförelse table.
    public static string Comparison(KfReport r) =>
        Wording.Comparison(r.Period.Window(r.Jamforelse.Columns.Count), r.Jamforelse.Rows[^1].Values);

    /// "Särskilt boende (ÄO)" for SoL, the point's full label for LSS.
    public static string InsatsName(Catalog catalog, Lag lag, string label)
    {
        var row = catalog.Rows(lag).First(c => c.Label == label);
        return row.Verksamhet is null ? row.Label : $"{row.Insats} ({row.Verksamhet})";
    }

    /// SoL decisions before 2025-07-01 fall under 4 kap. 1 § SoL (2001:453), later ones under SoL (2025:400).
    public static string Covered(KfReport r) => Split(r,
        "9 § LSS", "4 kap. 1 § socialtjänstlagen (2001:453)", "11 kap. 1 § och 12 kap. 1 § socialtjänstlagen (2025:400)");

    public static string Statistics(KfReport r) => Split(r,
        "28 h § LSS", "16 kap. 6 h § socialtjänstlagen (2001:453)", "34 kap. 3 § socialtjänstlagen (2025:400)");

    public static string IvoProvision(KfReport r) => Split(r,
        "28 f § LSS", "16 kap. 6 f § socialtjänstlagen (2001:453)", "34 kap. 1 § socialtjänstlagen (2025:400)");

    private static string Split(KfReport r, string lss, string oldSol, string newSol)
    {
        if (r.Lag == Lag.LSS) return lss;
        return (r.Laws.AnyBeforeNewSol, r.Laws.AnyFromNewSol) switch
        {
            (true, true) => $"{oldSol} (beslut före den 1 juli 2025) respektive {newSol} (beslut från den 1 juli 2025)",
            (false, true) => newSol,
            _ => oldSol,
        };
    }
}
