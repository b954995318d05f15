using System.Globalization;
using System.Text.RegularExpressions;

namespace StatsReporting.Decisions;

/// IVO's person code: ÅÅÅÅMMDD-T + three digits (or -TF + two); the third of the four characters after the
/// dash is the kön digit, even for kvinna and odd for man (spec §1).
public static partial class PersonCode
{
    public enum Kind { IvoCode, Pseudonym, Invalid }

    public static Kind Classify(string value)
    {
        if (IvoPattern().IsMatch(value)) return BirthDate(value) is null ? Kind.Invalid : Kind.IvoCode;
        // Anything that starts like a date of birth must be a valid IVO code: a personnummer never enters the system.
        return LooksLikeDate().IsMatch(value) ? Kind.Invalid : Kind.Pseudonym;
    }

    public static DateOnly? BirthDate(string code) =>
        DateOnly.TryParseExact(code[..8], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public static Kon KonOf(string ivoCode) => (ivoCode[11] - '0') % 2 == 0 ? Kon.K : Kon.M;

    [GeneratedRegex(@"^\d{8}-(T\d{3}|TF\d{2})$")]
    private static partial Regex IvoPattern();

    [GeneratedRegex(@"^\d{6}")]
    private static partial Regex LooksLikeDate();
}
