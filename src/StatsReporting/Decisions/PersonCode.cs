using System.Globalization;
using System.Text.RegularExpressions;

namespace StatsReporting.Decisions;

/// IVO's person code: ÅÅÅÅMMDD-T + three digits (or -TF + two); the third of the four characters after the
/// dash is the kön digit, even for kvinna and odd for man (spec §1). A code made from a samordningsnummer keeps its
/// day + 60 (Import/PersonNumber): its birth date is the day less 60.
public static partial class PersonCode
{
    public enum Kind { IvoCode, Pseudonym, Invalid }

    /// What gallring (Gallring/) puts in place of a person_id: this prefix and random hex, which nothing turns back.
    public const string GallradPrefix = "GALLRAD-";

    public static bool IsGallrad(string value) => value.StartsWith(GallradPrefix, StringComparison.Ordinal);

    public static Kind Classify(string value)
    {
        if (IvoPattern().IsMatch(value)) return BirthDate(value) is null ? Kind.Invalid : Kind.IvoCode;
        // Anything that starts like a date of birth must be a valid IVO code: a personnummer never enters the system.
        return LooksLikeDate().IsMatch(value) ? Kind.Invalid : Kind.Pseudonym;
    }

    /// The date of the code's first eight characters (ÅÅÅÅMMDD), or null when they are no date. ASCII digits are read
    /// digit by digit (a million codes per import); anything else goes through DateOnly.TryParseExact.
    public static DateOnly? BirthDate(string code)
    {
        var digits = code.AsSpan(0, 8);
        if (digits.ContainsAnyExceptInRange('0', '9'))
            return DateOnly.TryParseExact(digits, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : null;
        int N(int at, int length)
        {
            var n = 0;
            for (var i = at; i < at + length; i++) n = n * 10 + (code[i] - '0');
            return n;
        }
        var (y, m, d) = (N(0, 4), N(4, 2), N(6, 2));
        if (d > 60) d -= 60;
        return y >= 1 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m) ? new DateOnly(y, m, d) : null;
    }

    public static Kon KonOf(string ivoCode) => (ivoCode[11] - '0') % 2 == 0 ? Kon.K : Kon.M;

    [GeneratedRegex(@"^\d{8}-(T\d{3}|TF\d{2})$")]
    private static partial Regex IvoPattern();

    [GeneratedRegex(@"^\d{6}")]
    private static partial Regex LooksLikeDate();
}
