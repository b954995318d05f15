using System.Globalization;
using System.Text;

namespace StatsReporting.Import;

/// Text as it comes out of case systems and Excel: invisible characters, odd spaces and double-decoded å/ä/ö.
public static partial class FieldText
{
    /// Without format characters (U+FEFF, U+200B–U+200F, U+2060, soft hyphen) anywhere, and without white space
    /// of any kind (no-break space included) at either end: what a person sees is what is compared.
    public static string Clean(string s)
    {
        if (!s.AsSpan().ContainsAnyExceptInRange('\u0000', '\u007f')) return s.Trim(); // ASCII has no format character
        var needs = false;
        foreach (var ch in s)
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.Format) { needs = true; break; }
        if (!needs) return s.Trim();
        var sb = new StringBuilder(s.Length);
        foreach (var ch in s)
            if (CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.Format) sb.Append(ch);
        return sb.ToString().Trim();
    }

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyyMMdd"];

    /// A date written ÅÅÅÅ-MM-DD or ÅÅÅÅMMDD (DateOnly.TryParseExact with those formats), or a date-time such as
    /// "2025-03-04 00:00" or "2025-03-04T13:45:00" (case systems export timestamps): the date is taken, the time
    /// dropped. The common ÅÅÅÅ-MM-DD of ASCII digits is read digit by digit, as millions of dates are read per import;
    /// any other text goes the long way.
    public static bool TryDate(string v, out DateOnly date)
    {
        date = default;
        if (v.Length > 11 && v[10] is ' ' or 'T' && TimeOfDay().IsMatch(v.AsSpan(11))) return TryDate(v[..10], out date);
        if (v.Length == 10 && v[4] == '-' && v[7] == '-')
        {
            var digits = 0;
            for (var i = 0; i < 10; i++)
                if (i is not (4 or 7)) { if (!char.IsAsciiDigit(v[i])) { digits = -1; break; } digits++; }
            if (digits == 8)
            {
                int N(int at, int len) { var n = 0; for (var i = at; i < at + len; i++) n = n * 10 + (v[i] - '0'); return n; }
                var (y, m, d) = (N(0, 4), N(5, 2), N(8, 2));
                if (y < 1 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m)) return false;
                date = new DateOnly(y, m, d);
                return true;
            }
        }
        return DateOnly.TryParseExact(v, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^([01]?\d|2[0-3]):[0-5]\d(:[0-5]\d([.,]\d{1,7})?)?(Z|[+-]\d{2}:?\d{2})?$")]
    private static partial System.Text.RegularExpressions.Regex TimeOfDay();

    /// An identifier may hold letters, digits, punctuation and plain spaces; another space or a control character
    /// inside it would make a twin that looks the same.
    public static bool IsPlainIdentifier(string s)
    {
        foreach (var ch in s)
            if (char.IsControl(ch) || (char.IsWhiteSpace(ch) && ch != ' ')) return false;
        return true;
    }

    // What UTF-8's two-byte å, ä, ö, Å, Ä, Ö, é, ü become when their bytes are read as Windows-1252 (or Latin-1).
    private static readonly string[] Mojibake = ["Ã¥", "Ã¤", "Ã¶", "Ã…", "Ã„", "Ã–", "Ã©", "Ã¼", "Ã\u0085", "Ã\u0084", "Ã\u0096"];

    /// Text that was UTF-8 read as Windows-1252 somewhere upstream ("VÃ¤ntar" for "Väntar").
    public static bool LooksDoubleDecoded(string s) =>
        s.Contains('Ã') && Mojibake.Any(m => s.Contains(m, StringComparison.Ordinal));
}
