using System.Globalization;
using StatsReporting.Decisions;

namespace StatsReporting.Language;

/// The Swedish sentences of the KF report, in one place: the workbook's Text sheet and the Word tjänsteskrivelse both
/// take them from here. Pure functions; numbers agree with their nouns (1 beslut verkställt, 2 beslut verkställda).
/// Orsak labels in the catalog are clauses that read after "då" ("det saknas plats", "den enskilde har avlidit").
public static class Wording
{
    public static readonly CultureInfo Swedish = new("sv-SE");

    /// "kvartal 2 2025"
    public static string Quarter(Period p) => Prose.Quarter(p);

    /// The Orsaker sheet's label for a status line, a category in the plural: "verkställda",
    /// "avslutade då den enskilde har avlidit", "ej verkställda då det saknas plats", "ej verkställda, orsak saknas".
    public static string StatusLabel(Status status, string? reason) => StatusWord(status, plural: true) + Reason(reason);

    /// One line of an insats' breakdown, in the real protocol's list form: "10 beslut verkställda", "20 beslut ej
    /// verkställda, då den enskilde har tackat nej till erbjudande", "1 beslut avslutat, då den enskilde har avlidit".
    /// A list item, not a sentence: it begins with its number, as the protocol's lists do.
    public static string StatusCount(Status status, string? reason, int count) =>
        $"{count} beslut {StatusWord(status, count != 1)}" + ListReason(reason);

    private static string ListReason(string? reason) => reason switch
    {
        null => "",
        NoReason or UnknownReason => $", {reason}",
        _ => $", då {reason}",
    };

    private static string StatusWord(Status status, bool plural) => (status, plural) switch
    {
        (Status.Verkstallt, false) => "verkställt",
        (Status.Verkstallt, true) => "verkställda",
        (Status.Avslutat, false) => "avslutat",
        (Status.Avslutat, true) => "avslutade",
        (_, false) => "ej verkställt",
        _ => "ej verkställda",
    };

    /// The reasons a status line can have besides a catalog orsak: none given, or a closing reason on a case still open.
    public const string NoReason = "orsak saknas", UnknownReason = "orsak vid rapporteringstillfället okänd";

    private static string Reason(string? reason) => reason switch
    {
        null => "",
        NoReason or UnknownReason => $", {reason}",
        _ => $" då {reason}",
    };

    /// The lead line of an insats' list: "Särskilt boende (ÄO), 48 beslut:", "Särskilt boende (OF), ett beslut:".
    public static string InsatsIntro(string name, int total) => $"{name}, {Prose.Count(total, "beslut", "beslut")}:";

    /// `covered` names what the decisions are and the provision: "om bistånd enligt 4 kap. 1 § SoL".
    /// The main sentences: how many decisions the nämnd reports, under which law, for which quarter and day, and how
    /// they split by kön. `manFirst` follows the law's configured column order (Report:KonOrder), as the table does.
    public static string Main(string namnd, int total, int kvinnor, int man, string covered, Period p, DateOnly asOf, bool manFirst = false)
    {
        var when = $"Uppgifterna avser {Quarter(p)} med läget den {Prose.Date(asOf)}.";
        if (total == 0)
            return $"{namnd} har inga gynnande beslut {covered} att rapportera som inte har verkställts inom tre månader "
                   + $"från dagen för beslutet eller avbrottet. {when}";
        return $"{namnd} rapporterar {Prose.Count(total, "gynnande beslut", "gynnande beslut")} {covered} som inte har verkställts "
               + $"inom tre månader från dagen för beslutet eller avbrottet. {when} {KonSplit(total, kvinnor, man, manFirst)}";
    }

    /// "Beslutet avser en kvinna.", "Samtliga tre avser män.", "Av besluten avser 44 kvinnor och 38 män."
    public static string KonSplit(int total, int kvinnor, int man, bool manFirst = false)
    {
        if (total == 1) return $"Beslutet avser {(kvinnor == 1 ? "en kvinna" : "en man")}.";
        if (kvinnor == 0 || man == 0)
        {
            var all = Prose.Word(total) is { } w ? $"Samtliga {w}" : $"Samtliga {total}";
            return $"{all} avser {(kvinnor == 0 ? "män" : "kvinnor")}.";
        }
        var (k, m) = (Count(kvinnor, "kvinna", "kvinnor"), Count(man, "man", "män"));
        return manFirst ? $"Av besluten avser {m} och {k}." : $"Av besluten avser {k} och {m}.";
    }

    /// `statistics` and `ivo` are the provisions in short form; the law was written out in the sentence before.
    public static string LawLine(string statistics, string ivo) =>
        $"Rapporteringen till kommunfullmäktige görs enligt {statistics}. Varje beslut rapporteras även till Inspektionen för vård "
        + $"och omsorg (IVO) och till kommunens revisorer enligt {ivo}.";

    /// "Beslutet avser …", "Samtliga beslut avser …", "Tre av besluten avser …", "Avbrott … gäller 25 av besluten."
    public static string Avbrott(int avbrott, int total)
    {
        const string what = "avbrott i en redan påbörjad insats";
        if (total == 1) return $"Beslutet avser {what}.";
        if (avbrott == total) return $"Samtliga beslut avser {what}.";
        return Prose.Word(avbrott) is { } w ? $"{Prose.Capital(w)} av besluten avser {what}." : $"{Prose.Capital(what)} gäller {avbrott} av besluten.";
    }

    /// "Ett beslut har väntat …", "Samtliga beslut har väntat …", "I mer än tolv månader har 25 beslut väntat …"
    public static string OverTwelveMonths(int count, int total)
    {
        if (total == 1) return "Beslutet har väntat på verkställighet i mer än tolv månader.";
        if (count == total) return "Samtliga beslut har väntat på verkställighet i mer än tolv månader.";
        return Prose.Word(count) is { } w
            ? $"{Prose.Capital(w)} beslut har väntat på verkställighet i mer än tolv månader."
            : $"I mer än tolv månader har {count} beslut väntat på verkställighet.";
    }

    public const string NoneToReport = "Det finns inga ej verkställda gynnande beslut att rapportera för kvartalet.";

    /// The comparison with the previous quarters; `counts` are the totals oldest first, null = uppgift saknas:
    /// "Vid utgången av kvartal 2 2025 fanns 82 beslut att rapportera. Vid utgången av kvartal 1 2025 fanns 86 beslut och
    /// vid utgången av kvartal 4 2024 fanns 95 beslut. Antalet har minskat med fyra beslut sedan föregående kvartal."
    public static string Comparison(IReadOnlyList<Period> quarters, IReadOnlyList<int?> counts)
    {
        var now = counts[^1] ?? 0;
        var text = $"Vid utgången av {Quarter(quarters[^1])} fanns {Prose.Count(now, "beslut", "beslut")} att rapportera.";
        var earlier = Enumerable.Range(0, quarters.Count - 1).Reverse().ToList();
        var known = earlier.Where(i => counts[i] is not null)
            .Select(i => $"vid utgången av {Quarter(quarters[i])} fanns {Prose.Count(counts[i]!.Value, "beslut", "beslut")}").ToList();
        if (known.Count > 0) text += $" {Prose.Capital(Prose.List(known))}.";
        var missing = earlier.Where(i => counts[i] is null).Select(i => Quarter(quarters[i])).ToList();
        if (missing.Count > 0) text += $" För {Prose.List(missing)} saknas uppgift.";
        if (counts.Count < 2 || counts[^2] is not { } before) return text;
        var change = now - before;
        var by = Prose.Count(Math.Abs(change), "beslut", "beslut");
        return text + (change switch
        {
            0 => " Antalet är oförändrat sedan föregående kvartal.",
            > 0 => $" Antalet har ökat med {by} sedan föregående kvartal.",
            _ => $" Antalet har minskat med {by} sedan föregående kvartal.",
        });
    }

    /// Where the records come from, as a sentence for people: the day they were taken from the case system.
    public static string Basis(DateOnly? importedOn) => importedOn is { } d
        ? $"Underlaget är uttaget ur verksamhetssystemet den {Prose.Date(d)}."
        : "Inget underlag har hämtats från verksamhetssystemet.";

    /// "1 kvinna", "38 män": a count inside a sentence (Prose.Count says zero and one as words).
    public static string Count(int n, string singular, string plural) => $"{n} {(n == 1 ? singular : plural)}";

    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
