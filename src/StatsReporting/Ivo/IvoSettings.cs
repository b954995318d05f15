using System.Globalization;
using StatsReporting.Configuration;
using StatsReporting.Decisions;

namespace StatsReporting.Ivo;

/// A quarter's IVO reporting window as month and day ("07-01"): it lies after the quarter's end, so Q4's
/// "01-01"–"01-31" is January of the next year.
public sealed class IvoWindowSettings
{
    public string From { get; set; } = "";
    public string To { get; set; } = "";
}

/// "StatsReporting:Ivo": IVO's reporting windows.
public sealed class IvoSettings : ISettingsSection
{
    public static string Section => "StatsReporting:Ivo";

    public Dictionary<string, IvoWindowSettings> ReportingWindows { get; set; } = new()
    {
        ["Q1"] = new() { From = "04-01", To = "04-30" },
        ["Q2"] = new() { From = "07-01", To = "08-31" },
        ["Q3"] = new() { From = "10-01", To = "10-31" },
        ["Q4"] = new() { From = "01-01", To = "01-31" },
    };

    /// The days of quarter q's reporting window: the first From after the quarter ends, and the first To from then on.
    public (DateOnly From, DateOnly To) Window(Period q)
    {
        var w = ReportingWindows[$"Q{q.Quarter}"];
        var from = OnOrAfter(MonthDay(w.From), q.End.AddDays(1));
        return (from, OnOrAfter(MonthDay(w.To), from));
    }

    public void Validate()
    {
        const string section = "appsettings.json: StatsReporting:Ivo:ReportingWindows";
        foreach (var key in ReportingWindows.Keys.Where(k => k is not ("Q1" or "Q2" or "Q3" or "Q4")))
            throw new InvalidOperationException($"{section}:{key} är inget kvartal (ange Q1, Q2, Q3 och Q4).");
        for (var quarter = 1; quarter <= 4; quarter++)
        {
            var key = $"{section}:Q{quarter}";
            if (!ReportingWindows.TryGetValue($"Q{quarter}", out var w))
                throw new InvalidOperationException($"{key} saknas.");
            foreach (var (name, value) in new[] { ("From", w.From), ("To", w.To) })
                if (!TryMonthDay(value, out _))
                    throw new InvalidOperationException($"{key}:{name} '{value}' är ingen dag (skriv MM-DD, t.ex. 07-01; inte 02-29).");
            // The report on a quarter is due in the quarter after it, never later.
            var q = new Period(2025, quarter);
            if (Window(q).From > q.Next.End)
                throw new InvalidOperationException($"{key}:From '{w.From}' ligger inte i kvartalet efter Q{quarter}.");
        }
    }

    private static (int Month, int Day) MonthDay(string text) =>
        TryMonthDay(text, out var md) ? md : throw new FormatException($"'{text}' är ingen dag (MM-DD).");

    // February 29 is refused: a window must exist every year.
    private static bool TryMonthDay(string? text, out (int Month, int Day) md)
    {
        md = default;
        if (!DateOnly.TryParseExact($"2025-{text?.Trim()}", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return false;
        md = (d.Month, d.Day);
        return true;
    }

    private static DateOnly OnOrAfter((int Month, int Day) md, DateOnly start)
    {
        var d = new DateOnly(start.Year, md.Month, md.Day);
        return d >= start ? d : d.AddYears(1);
    }
}
