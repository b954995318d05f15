using System.Text;
using System.Xml;

namespace StatsReporting.Import;

/// The parts of a workbook that a sheet's cells need: which sheet, which styles are dates, the shared strings.
public static class XlsxParts
{
    /// The sheets a person sees in Excel, in tab order (name and part path): hidden and very hidden sheets are passed over.
    public static (string Book, List<(string Name, string Part)> Sheets, bool Date1904) VisibleSheets(XlsxPackage p)
    {
        var book = p.Relationships("").Values.FirstOrDefault(r => r.Type.EndsWith("/officeDocument")).Target ?? "xl/workbook.xml";
        var rels = p.Relationships(book);
        using var r = p.Open(book, XlsxPackage.MaxSmallPartBytes) ?? throw new NotATableException("filen är ingen .xlsx-arbetsbok (arbetsboksdelen saknas); spara den på nytt från Excel.");
        var date1904 = false;
        var sheets = new List<(string, string)>();
        while (r.Read())
        {
            if (r.NodeType != XmlNodeType.Element) continue;
            if (r.LocalName == "workbookPr") date1904 = r.GetAttribute("date1904") is "1" or "true";
            if (r.LocalName != "sheet" || r.GetAttribute("state") is "hidden" or "veryHidden") continue;
            var name = r.GetAttribute("name") ?? "";
            var id = RelationshipId(r);
            if (id is not null && rels.TryGetValue(id, out var rel) && sheets.Count < 1024) sheets.Add((name, rel.Target));
        }
        if (sheets.Count == 0) throw new NotATableException("arbetsboken har inget synligt blad.");
        return (book, sheets, date1904);
    }

    private static string? RelationshipId(XmlReader r)
    {
        // Transitional and Strict OOXML name the relationship namespace differently; both call the attribute "id".
        for (var ok = r.MoveToFirstAttribute(); ok; ok = r.MoveToNextAttribute())
            if (r.LocalName == "id" && r.NamespaceURI.Length > 0) { var v = r.Value; r.MoveToElement(); return v; }
        r.MoveToElement();
        return null;
    }

    /// For each cell style (the cell's s attribute), whether its number format shows a date.
    public static bool[] DateStyles(XlsxPackage p, string book)
    {
        var styles = p.Relationships(book).Values.FirstOrDefault(r => r.Type.EndsWith("/styles")).Target ?? "xl/styles.xml";
        using var r = p.Open(styles, XlsxPackage.MaxSmallPartBytes);
        if (r is null) return [];
        var custom = new Dictionary<int, bool>();
        var result = new List<bool>();
        var inCellXfs = false;
        while (r.Read())
        {
            if (r.NodeType == XmlNodeType.EndElement && r.LocalName == "cellXfs") break;
            if (r.NodeType != XmlNodeType.Element) continue;
            if (r.LocalName == "numFmt" && int.TryParse(r.GetAttribute("numFmtId"), out var id)) custom[id] = IsDateFormat(r.GetAttribute("formatCode") ?? "");
            else if (r.LocalName == "cellXfs") inCellXfs = true;
            else if (inCellXfs && r.LocalName == "xf" && result.Count < 65_536)
            {
                var fmt = int.TryParse(r.GetAttribute("numFmtId"), out var f) ? f : 0;
                result.Add(custom.TryGetValue(fmt, out var d) ? d : fmt is >= 14 and <= 22 or >= 27 and <= 36 or >= 45 and <= 47 or >= 50 and <= 58);
            }
        }
        return result.ToArray();
    }

    /// A format shows a date when it has y or d outside quoted text and [colour]/[$-locale] brackets.
    public static bool IsDateFormat(string code)
    {
        bool quoted = false, bracket = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (c == '\\') { i++; continue; }
            if (c == '"') quoted = !quoted;
            else if (!quoted && c == '[') bracket = true;
            else if (!quoted && c == ']') bracket = false;
            else if (!quoted && !bracket && c is 'y' or 'Y' or 'd' or 'D') return true;
        }
        return false;
    }

    /// The shared-string table, streamed: a string longer than MaxCellChars is kept as null (the cell that uses it is
    /// refused with its row and column), and the whole table may hold at most MaxSharedStringChars characters.
    public static List<string?> SharedStrings(XlsxPackage p, ImportLimits limits, string book)
    {
        var part = p.Relationships(book).Values.FirstOrDefault(r => r.Type.EndsWith("/sharedStrings")).Target ?? "xl/sharedStrings.xml";
        var strings = new List<string?>();
        using var r = p.Open(part);
        if (r is null) return strings;
        long chars = 0;
        while (r.Read())
        {
            if (r.NodeType != XmlNodeType.Element || r.LocalName != "si") continue;
            var s = ReadText(r, limits.MaxCellChars);
            chars += (s?.Length ?? 0) + 8; // a slot costs memory even when its text is empty
            if (chars > limits.MaxSharedStringChars)
                throw new NotATableException($"arbetsbokens texter är fler än gränsen {limits.MaxSharedStringChars} tecken (Import:MaxSharedStringChars).");
            strings.Add(s);
        }
        return strings;
    }

    /// The text of the element the reader is on (<v>, <t>, or the <t> runs of <si>/<is>, without phonetic runs), read
    /// in chunks; null when it is longer than max. The reader is left on the element's end.
    public static string? ReadText(XmlReader r, int max)
    {
        if (r.IsEmptyElement) return "";
        var depth = r.Depth;
        var direct = r.LocalName is "v" or "t";
        int textDepth = direct ? depth : -1, skipDepth = -1;
        var sb = new StringBuilder();
        var over = false;
        var chunk = new char[4096];
        while (r.Read())
        {
            switch (r.NodeType)
            {
                case XmlNodeType.Element when r.IsEmptyElement:
                    break;
                case XmlNodeType.Element when skipDepth < 0 && r.LocalName == "rPh":
                    skipDepth = r.Depth;
                    break;
                case XmlNodeType.Element when skipDepth < 0 && r.LocalName == "t":
                    textDepth = r.Depth;
                    break;
                case XmlNodeType.EndElement when r.Depth == depth:
                    return over ? null : sb.ToString();
                case XmlNodeType.EndElement:
                    if (r.Depth == skipDepth) skipDepth = -1;
                    else if (!direct && r.Depth == textDepth) textDepth = -1;
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace
                    when skipDepth < 0 && textDepth >= 0:
                    for (int n; (n = r.ReadValueChunk(chunk, 0, chunk.Length)) > 0;)
                        if (over) continue;
                        else if (sb.Length + n > max) { over = true; sb.Clear(); }
                        else sb.Append(chunk, 0, n);
                    break;
            }
        }
        throw new NotATableException("arbetsboken tar slut mitt i en cell; filen är avklippt eller skadad.");
    }
}
