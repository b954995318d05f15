namespace StatsReporting.Import;

/// A personnummer (or samordningsnummer) as case systems export it, turned into IVO's person code at the door: the
/// first of the four last digits becomes T, so the kön digit stays third of the four, where IVO reads it. Pure: the
/// century of a ten-digit form is decided against `today` (the import day), as Skatteverket's rule does: '-' under
/// 100 years old, '+' 100 or older.
public static class PersonNumber
{
    public enum Outcome { NotAPersonNumber, Ok, WrongCheckDigit, NoSuchDate, Future }

    /// ÅÅÅÅMMDD-NNNN, ÅÅÅÅMMDDNNNN, ÅÅMMDD-NNNN, ÅÅMMDD+NNNN, ÅÅMMDDNNNN (and ÅÅÅÅMMDD+NNNN): only the shape.
    public static bool HasShape(string v) => Parts(v) is not null;

    /// The IVO code of v, or why v cannot be one. Samordningsnummer: the day + 60 is kept as it is (IVO's guidance
    /// says nothing of them); IsSamordning tells the caller so it can warn.
    public static Outcome ToIvoCode(string v, DateOnly today, out string ivoCode, out bool isSamordning)
    {
        ivoCode = "";
        isSamordning = false;
        if (Parts(v) is not { } parts) return Outcome.NotAPersonNumber;
        var (century, digits, plus) = parts;
        if (!Luhn(digits)) return Outcome.WrongCheckDigit;
        int N(int at) => (digits[at] - '0') * 10 + digits[at + 1] - '0';
        var (yy, month, dayGiven) = (N(0), N(2), N(4));
        isSamordning = dayGiven > 60;
        var day = isSamordning ? dayGiven - 60 : dayGiven;
        int year;
        if (century is { } c) year = c * 100 + yy;
        else
        {
            // The latest year ending in yy that is not after today; '+' one hundred years before that.
            year = today.Year / 100 * 100 + yy;
            if (year > today.Year || year == today.Year && (month, day).CompareTo((today.Month, today.Day)) > 0) year -= 100;
            if (plus) year -= 100;
        }
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return Outcome.NoSuchDate;
        if (new DateOnly(year, month, day) > today) return Outcome.Future;
        ivoCode = $"{year:0000}{digits[2..6]}-T{digits[7..10]}";
        return Outcome.Ok;
    }

    /// The century when written (ÅÅÅÅ…), the ten digits ÅÅMMDDNNNC and whether the separator was '+'; null for
    /// anything else. Only ASCII digits count.
    private static (int? Century, string Digits, bool Plus)? Parts(string v)
    {
        static bool Digits(ReadOnlySpan<char> s) => !s.IsEmpty && !s.ContainsAnyExceptInRange('0', '9');
        var s = v.AsSpan();
        switch (s.Length)
        {
            case 13 when Digits(s[..8]) && s[8] is '-' or '+' && Digits(s[9..]):
                return (int.Parse(s[..2]), string.Concat(s[2..8], s[9..]), s[8] == '+');
            case 12 when Digits(s):
                return (int.Parse(s[..2]), s[2..].ToString(), false);
            case 11 when Digits(s[..6]) && s[6] is '-' or '+' && Digits(s[7..]):
                return (null, string.Concat(s[..6], s[7..]), s[6] == '+');
            case 10 when Digits(s):
                return (null, v, false);
            default:
                return null;
        }
    }

    /// The last of the ten digits is the Luhn check digit over the first nine (weights 2, 1, 2, …).
    public static bool Luhn(string tenDigits)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            var p = (tenDigits[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += p > 9 ? p - 9 : p;
        }
        return (10 - sum % 10) % 10 == tenDigits[9] - '0';
    }
}
