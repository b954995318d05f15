using System.Text.RegularExpressions;
using StatsReporting.Import;

namespace StatsReporting.Checks;

/// Whether a file is a KF table at all, whether it was cut off, and what of its cells may be shown. A file that is no
/// table (a decision list, a letter, a JSON file) must not pass as "Inga avvikelser", nor be stored as clean history.
public static partial class TableShape
{
    /// A KF table has a count column under a Kvinnor/Män/Summa/Antal or quarter/date header, or a sum row.
    public static string? WhyNotATable(RawTable raw, int width)
    {
        var known = Enumerable.Range(1, Math.Max(0, width - 1)).Any(i => i < raw.Header.Count && IsCountHeader(raw.Header[i]));
        var sumRow = raw.Rows.Any(r => r.Cells.Count > 0 && TableStructure.IsSumLabel(r.Cells[0]));
        return known || sumRow ? null
            : $"{raw.FileName}: ingen KF-tabell att kontrollera: ingen kolumn heter Kvinnor, Män, Summa, Antal eller ett kvartal, "
              + "och ingen rad är en summarad (Total, Totalt, Summa).";
    }

    public static bool IsCountHeader(string header)
    {
        var h = header.Trim();
        if (TableStructure.HeaderDate(h) is not null || Quarter().IsMatch(h)) return true;
        return Words().Matches(h.ToLowerInvariant()).Any(w => w.Value is "k" or "m" or "kvinnor" or "kvinna" or "män" or "man" or "pojkar"
            or "flickor" or "summa" or "total" or "totalt" or "antal");
    }

    /// A CSV whose last row has fewer fields than the header stopped mid-row (a cut-off copy or download).
    public static string? WhyCutOff(RawTable raw)
    {
        var fields = raw.Header.Count;
        while (fields > 0 && raw.Header[fields - 1].Trim().Length == 0) fields--; // Excel's trailing ;;; are no fields
        if (raw.Rows.Count == 0 || fields < 2) return null;
        var last = raw.Rows[^1];
        return last.Cells.Count >= fields ? null
            : $"{raw.FileName}: rad {last.Number}: tabellen slutar mitt i en rad (raden har {last.Cells.Count} av {fields} fält); "
              + "filen verkar avklippt: hämta eller spara den på nytt.";
    }

    /// A cell that looks like a person code (personnummer, IVO code) or a date of birth is never repeated in a finding.
    public static string Shown(string cell) => Personal().IsMatch(cell) ? "(ett värde som liknar en personkod eller ett datum, visas inte)" : cell;

    [GeneratedRegex(@"\d{4}[-\s]?\d{2}[-\s]?\d{2}|\d{6}[-+]\d{4}|\d{6}-?T")]
    private static partial Regex Personal();

    [GeneratedRegex(@"^(\d{4}\s*(q|kv\.?|kvartal)\s*[1-4]|(q|kv\.?|kvartal)\s*[1-4]\s*\d{4})$", RegexOptions.IgnoreCase)]
    private static partial Regex Quarter();

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Words();
}
