using System.Globalization;
using System.Xml;

namespace StatsReporting.Import;

/// The rows of an XLSX's visible decision sheet (XlsxSheetChoice), one at a time, read forward from the sheet's XML: nothing is sized by
/// what a cell reference claims (a lone cell at XFD1048576 costs one cell), and every cell is within the limits.
public static class XlsxRows
{
    public static IEnumerable<RawRow> Read(Stream file, ImportLimits limits, CancellationToken ct, HeaderMap? decisions = null)
    {
        using var package = new XlsxPackage(file, limits);
        var (book, sheets, date1904) = Xml(1, () => XlsxParts.VisibleSheets(package));
        var dates = Xml(1, () => XlsxParts.DateStyles(package, book));
        var strings = Xml(1, () => XlsxParts.SharedStrings(package, limits, book));
        var sheet = Xml(1, () => XlsxSheetChoice.Choose(package, sheets, limits, strings, decisions ?? HeaderMap.BuiltIn));
        using var r = package.Open(sheet) ?? throw new NotATableException("arbetsbokens blad med besluten saknas i filen; spara den på nytt från Excel.");
        var rowNumber = 0;
        // Empty (formatted) rows count too: a sheet of a hundred million <row/> is refused, not read for minutes.
        for (var seen = 0; ; seen++)
        {
            var next = Xml(rowNumber + 1, () => NextRow(r, rowNumber));
            if (next is not { } number) break;
            ct.ThrowIfCancellationRequested();
            if (seen > limits.MaxRows)
                throw new NotATableException($"bladet har fler än {limits.MaxRows} rader (gränsen Import:MaxRows).", number);
            rowNumber = number;
            if (r.IsEmptyElement) continue;
            yield return Xml(rowNumber, () => ReadRow(r, number, limits, dates, strings, date1904));
        }
    }

    /// Moves to the next <row> and returns its number; null at the end of sheetData. A sheet cut off mid-row (a
    /// truncated download) is an error, never a shorter table.
    internal static int? NextRow(XmlReader r, int previous)
    {
        while (r.Read())
        {
            if (r.NodeType == XmlNodeType.EndElement && r.LocalName == "sheetData") return null;
            if (r.NodeType != XmlNodeType.Element || r.LocalName != "row") continue;
            return int.TryParse(r.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : previous + 1;
        }
        throw new NotATableException("arbetsbokens blad tar slut utan att avslutas; filen är avklippt eller skadad.", previous);
    }

    private static T Xml<T>(int row, Func<T> read)
    {
        try { return read(); }
        catch (XmlException) { throw new NotATableException("arbetsboken är ingen giltig XML här; filen är avklippt eller skadad: spara den på nytt från Excel.", row); }
    }

    internal static RawRow ReadRow(XmlReader r, int row, ImportLimits limits, bool[] dates, List<string?> strings, bool date1904)
    {
        var depth = r.Depth;
        var cells = new List<string>();
        var inexact = new List<int>();
        List<int>? fractions = null;
        var col = -1;
        while (r.Read())
        {
            if (r.NodeType == XmlNodeType.EndElement && r.Depth == depth) break;
            if (r.NodeType != XmlNodeType.Element || r.LocalName != "c") continue;
            var reference = r.GetAttribute("r");
            col = reference is null ? col + 1 : Column(reference, row);
            var type = r.GetAttribute("t") ?? "n";
            var style = int.TryParse(r.GetAttribute("s"), out var s) ? s : 0;
            var (value, inline, tooLong) = CellValue(r, limits.MaxCellChars);
            if (value is null && inline is null && !tooLong) continue; // a formatted cell without a value is no data
            if (col >= limits.MaxColumns)
                throw new NotATableException($"en cell ligger i kolumn {Letters(col)}, utanför gränsen {limits.MaxColumns} kolumner (Import:MaxColumns).", row, Letters(col));
            var text = Text(type, value, inline, strings, style >= 0 && style < dates.Length && dates[style], date1904, out var lossy, out var fraction, row, col);
            if (lossy) inexact.Add(col);
            if (fraction) (fractions ??= []).Add(col);
            if (text is null || tooLong)
                throw new NotATableException($"cellen är längre än {limits.MaxCellChars} tecken (gränsen Import:MaxCellChars).", row, Letters(col));
            while (cells.Count < col) cells.Add("");
            if (cells.Count == col) cells.Add(text.Trim()); else cells[col] = text.Trim();
        }
        return new RawRow(row, cells) { InexactNumbers = inexact, Fractions = fractions ?? [] };
    }

    private static string? Text(string type, string? value, string? inline, List<string?> strings, bool isDate, bool date1904, out bool lossy,
        out bool fraction, int row, int col)
    {
        lossy = false;
        fraction = false;
        return type switch
        {
            "s" => int.TryParse(value, out var i) && i >= 0 && i < strings.Count ? strings[i]
                : throw new NotATableException($"filen är skadad (delade strängar): cellen pekar på text nummer {Safe(value ?? "")}, men arbetsboken har "
                    + $"{strings.Count} texter; spara den på nytt från Excel.", row, Letters(col)),
            "inlineStr" => inline ?? "",
            "b" => value == "1" ? "TRUE" : "FALSE",
            "str" or "e" => value ?? "",
            "d" => value?.Split('T')[0] ?? "",
            _ => Number(value ?? "", isDate, date1904, out lossy, out fraction),
        };
    }

    /// The cell's <v> text and its inline string, each null when absent; TooLong when either is over max.
    private static (string? Value, string? Inline, bool TooLong) CellValue(XmlReader r, int max)
    {
        if (r.IsEmptyElement) return (null, null, false);
        var depth = r.Depth;
        string? value = null, inline = null;
        var tooLong = false;
        while (r.Read())
        {
            if (r.NodeType == XmlNodeType.EndElement && r.Depth == depth) break;
            if (r.NodeType != XmlNodeType.Element) continue;
            if (r.LocalName is "v" or "is")
            {
                var isInline = r.LocalName == "is";
                var text = XlsxParts.ReadText(r, max);
                tooLong |= text is null;
                if (isInline) inline = text ?? ""; else value = text ?? "";
            }
        }
        return (value, inline, tooLong);
    }

    /// A number as the sheet stores it; a date style turns the serial into ÅÅÅÅ-MM-DD. Lossy: Excel keeps 15 significant
    /// digits, so a whole number of 16 or more digits (an id typed into a number cell) may already have lost some.
    /// Fraction: a number that is not whole (12345.5, 1E-05), which no id is.
    private static string Number(string v, bool isDate, bool date1904, out bool lossy, out bool fraction)
    {
        lossy = false;
        fraction = false;
        if (!double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return v;
        if (isDate)
        {
            var serial = date1904 ? d + 1462 : d;
            // Excel counts 1900-02-29, which never was: serials before it are one day later than OLE dates say.
            if (serial < 61 && serial >= 1) serial += 1;
            return serial is > -657_435 and < 2_958_466 ? DateTime.FromOADate(serial).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : v;
        }
        lossy = Math.Abs(d) >= 1e15;
        fraction = d != Math.Floor(d);
        return d.ToString(CultureInfo.InvariantCulture);
    }

    /// "XFD1048576" → column index 16383 (0-based); a reference that is no cell reference is refused.
    private static int Column(string reference, int row)
    {
        var col = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++)
        {
            col = col * 26 + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
            if (col > 16_384) throw new NotATableException($"cellreferensen '{Safe(reference)}' finns inte i Excel (högst kolumn XFD).", row);
        }
        if (i == 0) throw new NotATableException($"cellreferensen '{Safe(reference)}' är ingen cellreferens; filen är skadad.", row);
        return col - 1;
    }

    private static string Safe(string s) => s.Length > 12 ? s[..12] + "…" : s;

    public static string Letters(int col)
    {
        var s = "";
        for (var c = col + 1; c > 0; c = (c - 1) / 26) s = (char)('A' + (c - 1) % 26) + s;
        return s;
    }
}
