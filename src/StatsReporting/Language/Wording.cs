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
    public static string Quarter(Period p) => $"kvartal {p.Quarter} {p.Year}";

    /// The Orsaker sheet's label for a status line, a category in the plural: "verkställda",
    /// "avslutade då den enskilde har avlidit", "ej verkställda då det saknas plats", "ej verkställda, orsak saknas".
    public static string StatusLabel(Status status, string? reason) => StatusWord(status, plural: true) + Reason(reason);

    /// One line of an insats' breakdown as prose: "1 beslut verkställt", "20 ej verkställda beslut då den enskilde har
    /// tackat nej till erbjudande", "1 beslut avslutat då den enskilde har avlidit". Zero takes the plural.
    public static string StatusCount(Status status, string? reason, int count)
    {
        var plural = count != 1;
        var phrase = status == Status.EjVerkstallt
            ? $"{count} {StatusWord(status, plural)} beslut"
            : $"{count} beslut {StatusWord(status, plural)}";
        return phrase + Reason(reason);
    }

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

    /// "Särskilt boende (ÄO): 48 beslut. Av dessa är vid rapporteringstillfället:"
    public static string InsatsIntro(string name, int total) => total == 1
        ? $"{name}: 1 beslut. Vid rapporteringstillfället är det:"
        : $"{name}: {total} beslut. Av dessa är vid rapporteringstillfället:";

    /// The main sentence: how many decisions the nämnd reports, under which law, and how they split by kön.
    /// `manFirst` follows the law's configured column order (Report:KonOrder), as the table does.
    public static string Main(string namnd, int total, int kvinnor, int man, string covered, Period p, DateOnly asOf, bool manFirst = false)
    {
        var q = Quarter(p);
        var when = $"({q}, status vid rapporteringstillfället {Date(asOf)})";
        if (total == 0)
            return $"{namnd} har inga gynnande beslut enligt {covered} att rapportera som inte har verkställts inom tre månader "
                   + $"från dagen för beslutet eller avbrottet {when}.";
        var split = total == 1
            ? $"Beslutet avser {(kvinnor == 1 ? "en kvinna" : "en man")}."
            : manFirst
                ? $"Av dessa avser {Count(man, "man", "män")} och {Count(kvinnor, "kvinna", "kvinnor")}."
                : $"Av dessa avser {Count(kvinnor, "kvinna", "kvinnor")} och {Count(man, "man", "män")}.";
        return $"{namnd} rapporterar {total} gynnande beslut enligt {covered} som inte har verkställts inom tre månader "
               + $"från dagen för beslutet eller avbrottet {when}. {split}";
    }

    public static string LawLine(string statistics, string ivo) =>
        $"Rapporteringen till kommunfullmäktige görs enligt {statistics}; varje beslut rapporteras även till IVO enligt {ivo}.";

    public static string Avbrott(int avbrott, int total) => total == 1
        ? "Beslutet avser avbrott i en redan påbörjad insats."
        : $"{avbrott} av besluten avser avbrott i en redan påbörjad insats.";

    public static string OverTwelveMonths(int count) =>
        $"{count} beslut har väntat på verkställighet i mer än tolv månader.";

    public const string NoneToReport = "Det finns inga ej verkställda gynnande beslut att rapportera för kvartalet.";

    /// The comparison with the two previous quarters; `counts` are the totals oldest first, null = uppgift saknas.
    public static string Comparison(IReadOnlyList<Period> quarters, IReadOnlyList<int?> counts)
    {
        var earlier = quarters.Take(quarters.Count - 1)
            .Select((q, i) => counts[i] is { } n ? $"{Count(n, "beslut", "beslut")} vid utgången av {Quarter(q)}" : $"uppgift saknas för {Quarter(q)}")
            .ToList();
        var now = counts[^1] ?? 0;
        var text = $"Vid utgången av {Quarter(quarters[^1])} fanns {Count(now, "beslut", "beslut")} att rapportera, jämfört med "
                   + string.Join(" och ", earlier) + ".";
        if (counts.Count < 2 || counts[^2] is not { } before) return text;
        var change = now - before;
        return text + (change switch
        {
            0 => " Antalet är oförändrat sedan föregående kvartal.",
            > 0 => $" Det är en ökning med {Count(change, "beslut", "beslut")} sedan föregående kvartal.",
            _ => $" Det är en minskning med {Count(-change, "beslut", "beslut")} sedan föregående kvartal.",
        });
    }

    /// Which records the report was made from, as a sentence for people (the file and the day it was imported).
    /// The import's number stays in brackets so that the report can be made again from the same records.
    public static string Basis(string? fileName, DateOnly? importedOn, long? importNumber) => fileName is null
        ? "Rapporten bygger inte på något beslutsunderlag: inga beslut har importerats."
        : $"Rapporten bygger på beslutsunderlaget från verksamhetssystemet i filen {fileName}, importerad den "
          + $"{LongDate(importedOn!.Value)} (import nr {importNumber}).";

    public static string Count(int n, string singular, string plural) => $"{n} {(n == 1 ? singular : plural)}";

    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// "15 juli 2025"
    public static string LongDate(DateOnly d) => d.ToString("d MMMM yyyy", Swedish);
}
