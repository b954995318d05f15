using System.Globalization;

namespace StatsReporting.Decisions;

/// Dates as the database stores them and machine-readable outputs write them: ISO text, yyyy-MM-dd. Written and read
/// digit by digit, as a million of them pass per import and per report.
public static class IsoDate
{
    /// "2025-06-30"; null stays null.
    public static string? Format(DateOnly? d) => d is { } day ? string.Create(10, day, static (span, x) =>
    {
        x.TryFormat(span, out _, "yyyy-MM-dd", CultureInfo.InvariantCulture);
    }) : null;

    /// The same text as UTF-8, written digit by digit into iso (10 bytes): the importer binds millions of dates.
    public static void Format(DateOnly d, Span<byte> iso)
    {
        static void Digits(Span<byte> to, int value)
        {
            for (var i = to.Length - 1; i >= 0; i--, value /= 10) to[i] = (byte)('0' + value % 10);
        }
        Digits(iso[..4], d.Year);
        iso[4] = (byte)'-';
        Digits(iso[5..7], d.Month);
        iso[7] = (byte)'-';
        Digits(iso[8..], d.Day);
    }

    /// Stored dates are ISO text (yyyy-MM-dd); read digit by digit, as a million of them are read per report.
    public static DateOnly? Parse(string? s)
    {
        if (string.IsNullOrEmpty(s)) return null;
        if (s.Length != 10 || s[4] != '-' || s[7] != '-') return DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        int N(int at, int len)
        {
            var n = 0;
            for (var i = at; i < at + len; i++) n = n * 10 + (s[i] - '0');
            return n;
        }
        return new DateOnly(N(0, 4), N(5, 2), N(8, 2));
    }
}
