using System.Globalization;
using StatsReporting.Decisions;

namespace StatsReporting.Language;

/// The house style of every generated sentence (Språkrådet's Svenska skrivregler, as a kommun's own texts write it):
/// a number that begins a sentence in words, zero and all as words, dates as "30 juni 2025", ordinals in words and
/// one list form "a, b och c". Pure functions.
public static class Prose
{
    private static readonly CultureInfo Swedish = new("sv-SE");

    private static readonly string[] Numbers =
        ["noll", "ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv"];

    private static readonly string[] Ordinals =
        ["", "första", "andra", "tredje", "fjärde", "femte", "sjätte", "sjunde", "åttonde", "nionde", "tionde", "elfte", "tolfte",
         "trettonde", "fjortonde", "femtonde", "sextonde", "sjuttonde", "artonde", "nittonde", "tjugonde"];

    private static readonly string[] Tens = ["", "", "tjugo", "trettio", "fyrtio", "femtio", "sextio", "sjuttio", "åttio", "nittio"];

    /// "ett", "två" … "tolv" (neuter; `common` gives "en"), null above twelve: a larger number is written in digits and
    /// the sentence is turned so that it does not begin with it.
    public static string? Word(int n, bool common = false) =>
        n is < 0 or > 12 ? null : n == 1 && common ? "en" : Numbers[n];

    /// "första" … "nittionionde"; above 99 digits with the Swedish ending ("100:e").
    public static string Ordinal(int n) => n switch
    {
        >= 1 and <= 20 => Ordinals[n],
        > 20 and < 100 when n % 10 == 0 => Tens[n / 10] + "nde",
        > 20 and < 100 => Tens[n / 10] + Ordinals[n % 10],
        _ => n % 10 is 1 or 2 && n % 100 is not (11 or 12) ? $"{n}:a" : $"{n}:e",
    };

    /// "inga beslut", "ett beslut", "2 beslut": a count inside a sentence, zero said as a word.
    public static string Count(int n, string singular, string plural, bool common = false) => n switch
    {
        0 => $"inga {plural}",
        1 => $"{(common ? "en" : "ett")} {singular}",
        _ => $"{n} {plural}",
    };

    /// "30 juni 2025"
    public static string Date(DateOnly d) => d.ToString("d MMMM yyyy", Swedish);

    /// "kvartal 2 2025", the one form of a quarter in prose.
    public static string Quarter(Period p) => $"kvartal {p.Quarter} {p.Year}";

    public static string Capital(string s) => s.Length == 0 ? s : char.ToUpper(s[0], Swedish) + s[1..];

    /// "a", "a och b", "a, b och c"
    public static string List(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " och " + items[^1],
    };

    /// A percentage of a whole, rounded to a whole number: "54 procent".
    public static string Percent(int part, int whole) =>
        $"{Math.Round(100m * part / whole, MidpointRounding.AwayFromZero).ToString("0", Swedish)} procent";
}
