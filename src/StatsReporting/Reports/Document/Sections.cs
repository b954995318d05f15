using StatsReporting.Avgift;
using StatsReporting.Decisions;
using StatsReporting.Language;

namespace StatsReporting.Reports.Document;

/// A paragraph of a section: a sentence, or a lead line with the list it introduces.
public sealed record SectionText(string Text, IReadOnlyList<string>? List = null);

/// The sentences of the tjänsteskrivelse's computed sections (Jämställdhetsanalys, Barnrättsperspektiv, Ekonomiska
/// konsekvenser) and its fixed phrases. Pure functions of the report; only counts, never a person.
public static class Sections
{
    /// "Socialförvaltningens förslag till beslut"; "Förslag till beslut" when no förvaltning is configured.
    public static string ProposalHeading(string? forvaltning) =>
        forvaltning is null ? "Förslag till beslut" : $"{Genitive(forvaltning)} förslag till beslut";

    public static string Genitive(string name) => name[^1] is 's' or 'x' or 'z' ? name : name + "s";

    public static string Proposal(string namnd) =>
        $"{namnd} beslutar att överlämna redovisad statistikrapport till kommunfullmäktige och kommunens revisorer.";

    /// How the attachment is named in Beslutsunderlag: as a document, not as a file.
    public static string Attachment(KfReport r) =>
        $"Statistikrapport avseende ej verkställda beslut enligt {r.LawName}, {Prose.Quarter(r.Period)}";

    public static IReadOnlyList<SectionText> Jamstalldhet(KfReport r, bool manFirst)
    {
        var p = r.Perspectives;
        if (r.Total == 0) return [new("Det finns inga beslut att rapportera och därmed ingen fördelning mellan kvinnor och män att analysera.")];
        var split = r.Total == 1 || p.Kvinnor == 0 || p.Man == 0
            ? Wording.KonSplit(r.Total, p.Kvinnor, p.Man, manFirst)
            : manFirst
                ? $"Av de {r.Total} besluten avser {p.Man} män ({Prose.Percent(p.Man, r.Total)}) och {p.Kvinnor} kvinnor ({Prose.Percent(p.Kvinnor, r.Total)})."
                : $"Av de {r.Total} besluten avser {p.Kvinnor} kvinnor ({Prose.Percent(p.Kvinnor, r.Total)}) och {p.Man} män ({Prose.Percent(p.Man, r.Total)}).";
        var texts = new List<SectionText>();
        texts.Add(p.Groups.Count > 1
            ? new(split + $" Fördelningen per {(r.Lag == Lag.SoL ? "verksamhet" : "insats")}:", p.Groups.Select(g => $"{g.Name}: {Kon(g.Kvinnor, g.Man, manFirst)}").ToList())
            : new(split));
        texts.Add(new(p is { MedianDaysKvinnor: { } k, MedianDaysMan: { } m } ? Waits(k, m)
            : "Grupperna är för små för att jämföra väntetiden mellan kvinnor och män; det behövs minst fem beslut för varje kön."));
        return texts;
    }

    private static string Kon(int kvinnor, int man, bool manFirst)
    {
        var (k, m) = (Prose.Count(kvinnor, "kvinna", "kvinnor", common: true), Prose.Count(man, "man", "män", common: true));
        return manFirst ? $"{m} och {k}" : $"{k} och {m}";
    }

    private static string Waits(int k, int m)
    {
        var text = $"Medianväntetiden är {k} dagar för kvinnor och {m} dagar för män.";
        return text + (k - m) switch
        {
            0 => " Kvinnor och män väntar alltså lika länge.",
            > 0 => $" Kvinnor väntar alltså i median {Days(k - m)} längre än män.",
            _ => $" Män väntar alltså i median {Days(m - k)} längre än kvinnor.",
        };
    }

    private static string Days(int n) => n == 1 ? "en dag" : $"{n} dagar";

    public static IReadOnlyList<SectionText> Barnratt(KfReport r)
    {
        var p = r.Perspectives;
        var n = p.ChildrenTotal;
        var texts = new List<SectionText>();
        var under18 = $"barn under 18 år den {Prose.Date(r.AsOf)}";
        if (n == 0) texts.Add(new(p.UnknownAge == 0 ? "Inga av besluten avser barn." : "Inga av besluten med känt födelsedatum avser barn."));
        else
        {
            var lead = r.Total == 1 ? $"Beslutet avser ett {under18}"
                : n == r.Total ? $"Samtliga beslut avser {under18}"
                : n == 1 ? $"Ett av besluten avser ett {under18}"
                : Prose.Word(n) is { } w ? $"{Prose.Capital(w)} av besluten avser {under18}"
                : $"{Prose.Capital(under18)} berörs av {n} av besluten";
            texts.Add(new(lead + (n == 1 ? ":" : ", fördelade per insats:"), p.Children.Select(c => $"{c.Name}, {Prose.Count(c.Count, "beslut", "beslut")}").ToList()));
        }
        if (p.UnknownAge > 0)
            texts.Add(new(p.UnknownAge == 1
                ? "För ett beslut saknas födelsedatum, så det går inte att avgöra om det avser ett barn."
                : $"För {p.UnknownAge} beslut saknas födelsedatum, så det går inte att avgöra om de avser barn."));
        return texts;
    }

    /// The särskild avgift exposure, only from the kommun's own costs (Avgift:Exempel false).
    public static IReadOnlyList<SectionText> Ekonomi(KfReport r)
    {
        if (r.Avgift is not { Exempel: false } a)
            return [new("Någon uppskattning av de ekonomiska konsekvenserna görs inte, eftersom kommunens egna kostnader för insatserna inte är angivna.")];
        if (r.Total == 0) return [new("Det finns inga beslut som kan leda till en särskild avgift för kvartalet.")];
        var texts = new List<SectionText>
        {
            new($"Om IVO ansöker om särskild avgift för samtliga beslut och förvaltningsrätten bifaller ansökningarna kan kommunen "
                + $"behöva betala uppskattningsvis {AvgiftText.Kr(a.TotalKr)}. Uppskattningen bygger på kommunens egna månadskostnader "
                + $"för insatserna med ett påslag på {Prose.Percent((int)Math.Round(a.Surcharge * 100), 100)} och är inget besked om "
                + "att IVO ansöker om särskild avgift."),
        };
        if (a.Excluded > 0)
            texts.Add(new(a.Excluded == 1 ? "För ett beslut saknas kostnad för insatsen, och det ingår inte i uppskattningen."
                : $"För {a.Excluded} beslut saknas kostnad för insatsen, och de ingår inte i uppskattningen."));
        return texts;
    }
}
