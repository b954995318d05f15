using System.IO.Compression;
using System.Security;
using System.Text;

namespace StatsReporting.Tests.BadInput;

/// Writes an XLSX package by hand, so a test can make exactly the workbook an attacker or a careless export would:
/// a cell at XFD1048576, a hidden first sheet, a huge shared string, a sheet cut off mid-row.
public static class RawXlsx
{
    /// Write, when given, streams the sheet's XML instead of Xml (for sheets of millions of rows).
    public sealed record Sheet(string Name, string Xml, string? State = null, Action<TextWriter>? Write = null);

    /// A cell value: text (inline string), a number (n:…), a date serial with the date style (d:…).
    public static string Row(int r, params string[] cells)
    {
        var sb = new StringBuilder($"<row r=\"{r}\">");
        for (var c = 0; c < cells.Length; c++)
        {
            var v = cells[c];
            if (v.Length == 0) continue;
            var reference = $"{Letters(c)}{r}";
            if (v.StartsWith("n:")) sb.Append($"<c r=\"{reference}\"><v>{v[2..]}</v></c>");
            else if (v.StartsWith("d:")) sb.Append($"<c r=\"{reference}\" s=\"1\"><v>{v[2..]}</v></c>");
            else sb.Append($"<c r=\"{reference}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{SecurityElement.Escape(v)}</t></is></c>");
        }
        return sb.Append("</row>").ToString();
    }

    public static string SheetOf(IEnumerable<string> rows) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
        + string.Concat(rows) + "</sheetData></worksheet>";

    public static string SheetXml(params string[][] rows) => SheetOf(rows.Select((cells, i) => Row(i + 1, cells)));

    public static void Write(string path, IReadOnlyList<Sheet> sheets, Action<ZipArchive>? sharedStrings = null, bool declareSharedStrings = false)
    {
        using var zip = new ZipArchive(File.Create(path), ZipArchiveMode.Create);
        void Add(string name, string text)
        {
            using var w = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
            w.Write(text);
        }
        Add("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>");
        Add("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        Add("xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
            + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
            + string.Concat(sheets.Select((s, i) => $"<sheet name=\"{s.Name}\" sheetId=\"{i + 1}\" r:id=\"rId{i + 1}\"{(s.State is null ? "" : $" state=\"{s.State}\"")}/>"))
            + "</sheets></workbook>");
        var rels = sheets.Select((_, i) => $"<Relationship Id=\"rId{i + 1}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet{i + 1}.xml\"/>")
            .Append("<Relationship Id=\"rS\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>");
        if (declareSharedStrings)
            rels = rels.Append("<Relationship Id=\"rSS\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>");
        Add("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + string.Concat(rels) + "</Relationships>");
        // Style 1 shows a date (built-in number format 14), as Excel stores a typed date.
        Add("xl/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + "<cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>");
        for (var i = 0; i < sheets.Count; i++)
        {
            if (sheets[i].Write is not { } write) { Add($"xl/worksheets/sheet{i + 1}.xml", sheets[i].Xml); continue; }
            using var w = new StreamWriter(zip.CreateEntry($"xl/worksheets/sheet{i + 1}.xml", CompressionLevel.Fastest).Open(), new UTF8Encoding(false), 1 << 16);
            write(w);
        }
        sharedStrings?.Invoke(zip);
    }

    public static string Letters(int col)
    {
        var s = "";
        for (var c = col + 1; c > 0; c = (c - 1) / 26) s = (char)('A' + (c - 1) % 26) + s;
        return s;
    }
}
