using StatsReporting.Decisions;

namespace StatsReporting.Reports;

/// A draft of the ärende text for the tjänsteskrivelse, citing the law in force for the decisions' dates (spec §1).
public static class TextDraft
{
    public static IReadOnlyList<string> Write(KfReport r, IReadOnlyList<Decision> reportable, Catalog catalog, ReportSettings settings)
    {
        var q = $"kvartal {r.Period.Quarter} {r.Period.Year}";
        var lines = new List<string>
        {
            $"Rapport om ej verkställda gynnande beslut enligt {r.LawName}, {q}",
            "",
        };
        var total = r.Sammanstallning.Rows[^1];
        var kons = settings.KonColumns(r.Lag);
        int k = total.Values[Array.IndexOf(kons, Kon.K)] ?? 0, m = total.Values[Array.IndexOf(kons, Kon.M)] ?? 0;
        lines.Add($"{settings.Namnd} rapporterar {r.Total} gynnande beslut enligt {Covered(r.Lag, reportable)} "
                  + $"som inte har verkställts inom tre månader från dagen för beslutet eller avbrottet ({q}, "
                  + $"status vid rapporteringstillfället {r.AsOf:yyyy-MM-dd}). Av dessa avser {k} kvinnor och {m} män.");
        lines.Add($"Rapporteringen till kommunfullmäktige görs enligt {Statistics(r.Lag, reportable)}; "
                  + $"varje beslut rapporteras även till IVO enligt {IvoProvision(r.Lag, reportable)}.");
        lines.Add("");
        foreach (var block in r.Orsaker)
        {
            var row = catalog.Rows(r.Lag).First(c => c.Label == block.Label);
            var name = row.Verksamhet is null ? row.Label : $"{row.Insats} ({row.Verksamhet})";
            lines.Add($"{name} har {block.Total} beslut: " + string.Join(", ", block.Lines.Select(l => $"{l.Count} {l.Text}")) + ".");
        }
        var avbrott = r.Avbrott.Rows[^1].Values[1] ?? 0;
        if (avbrott > 0) lines.Add($"{avbrott} av besluten avser avbrott i en redan påbörjad insats.");
        var over12 = r.Vantetid.Rows[^1].Values[3] ?? 0;
        if (over12 > 0) lines.Add($"{over12} beslut har väntat på verkställighet i mer än tolv månader.");
        if (r.Total == 0) lines.Add("Det finns inga ej verkställda gynnande beslut att rapportera för kvartalet.");
        lines.Add("");
        lines.Add("Uppgifterna är avidentifierade. Jämförelse med tidigare kvartal finns på fliken Jämförelse.");
        return lines;
    }

    /// SoL decisions before 2025-07-01 fall under 4 kap. 1 § SoL (2001:453), later ones under SoL (2025:400).
    private static string Covered(Lag lag, IReadOnlyList<Decision> ds) => Split(lag, ds,
        "9 § LSS", "4 kap. 1 § socialtjänstlagen (2001:453)", "11 kap. 1 § och 12 kap. 1 § socialtjänstlagen (2025:400)");

    private static string Statistics(Lag lag, IReadOnlyList<Decision> ds) => Split(lag, ds,
        "28 h § LSS", "16 kap. 6 h § socialtjänstlagen (2001:453)", "34 kap. 3 § socialtjänstlagen (2025:400)");

    private static string IvoProvision(Lag lag, IReadOnlyList<Decision> ds) => Split(lag, ds,
        "28 f § LSS", "16 kap. 6 f § socialtjänstlagen (2001:453)", "34 kap. 1 § socialtjänstlagen (2025:400)");

    private static string Split(Lag lag, IReadOnlyList<Decision> ds, string lss, string oldSol, string newSol)
    {
        if (lag == Lag.LSS) return lss;
        bool anyOld = ds.Any(d => d.Beslutsdatum < ReportingRule.NewSolInForce), anyNew = ds.Any(d => d.Beslutsdatum >= ReportingRule.NewSolInForce);
        return (anyOld, anyNew) switch
        {
            (true, true) => $"{oldSol} (beslut före den 1 juli 2025) respektive {newSol} (beslut från den 1 juli 2025)",
            (false, true) => newSol,
            _ => oldSol,
        };
    }
}
