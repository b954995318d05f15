using System.Globalization;
using System.Text.RegularExpressions;

namespace StatsReporting.Decisions;

/// A calendar quarter, written 2025Q2.
public readonly partial record struct Period(int Year, int Quarter) : IComparable<Period>
{
    public DateOnly Start => new(Year, (Quarter - 1) * 3 + 1, 1);
    /// The last day of the quarter's last month, without date arithmetic: it is asked for every decision and quarter.
    public DateOnly End => new(Year, Quarter * 3, DateTime.DaysInMonth(Year, Quarter * 3));
    public Period Previous => Quarter == 1 ? new(Year - 1, 4) : new(Year, Quarter - 1);
    public Period Next => Quarter == 4 ? new(Year + 1, 1) : new(Year, Quarter + 1);

    public static Period Of(DateOnly date) => new(date.Year, (date.Month - 1) / 3 + 1);

    /// Years a report can be about. Outside them dates overflow (9999Q4 has no next quarter) or the text form breaks
    /// ("0001Q1" would print as "1Q1", which no longer parses once it is stored).
    public const int FirstYear = 1900, LastYear = 2999;

    public static bool TryParse(string? text, out Period period)
    {
        period = default;
        var m = PeriodPattern().Match(text?.Trim() ?? "");
        if (!m.Success) return false;
        var year = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        if (year is < FirstYear or > LastYear) return false;
        period = new Period(year, m.Groups[2].Value[0] - '0');
        return true;
    }

    public static Period Parse(string text) =>
        TryParse(text, out var p) ? p : throw new FormatException($"Ogiltig period '{text}': {Hint}");

    public static string Hint => $"skriv år och kvartal, t.ex. 2025Q2 (år {FirstYear}–{LastYear}).";

    /// The last `count` quarters ending with this one, oldest first.
    public IReadOnlyList<Period> Window(int count)
    {
        var list = new List<Period> { this };
        while (list.Count < count) list.Insert(0, list[0].Previous);
        return list;
    }

    /// Quarters since year 0: the difference of two indexes is the number of quarters between them.
    public int Index => Year * 4 + Quarter - 1;

    public int CompareTo(Period other) => Index.CompareTo(other.Index);
    public static bool operator <(Period a, Period b) => a.CompareTo(b) < 0;
    public static bool operator >(Period a, Period b) => a.CompareTo(b) > 0;
    public static bool operator <=(Period a, Period b) => a.CompareTo(b) <= 0;
    public static bool operator >=(Period a, Period b) => a.CompareTo(b) >= 0;

    public override string ToString() => $"{Year}Q{Quarter}";
    /// "2025 kv2", as controllers name the quarter in file names.
    public string Swedish => $"{Year} kv{Quarter}";

    // [0-9], not \d: \d also matches other scripts' digits ("２０２５Q2"), which int.Parse then refuses.
    [GeneratedRegex(@"^([0-9]{4})[-\s]?[Qq]([1-4])$")]
    private static partial Regex PeriodPattern();
}
