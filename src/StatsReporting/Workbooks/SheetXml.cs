using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;

namespace StatsReporting.Workbooks;

/// A worksheet part written as text: the elements around the rows from OpenXml objects (their OuterXml, which
/// declares its own namespace), the rows of shared-string cells by hand. OpenXmlWriter took ~2 µs a cell, most of the
/// IVO workbook's and the avgift list's time at thousands of rows (issue 13); a cell here is one short string. The
/// text needs no escaping: a cell holds only its reference, its style and a shared-string index (or, in a number
/// column, its digits). An empty cell is left out (its column has the row's style).
internal sealed class SheetXml : IDisposable
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private readonly StreamWriter _w;

    public SheetXml(WorksheetPart part)
    {
        _w = new StreamWriter(part.GetStream(FileMode.Create, FileAccess.Write), new UTF8Encoding(false), 1 << 16);
        _w.Write($"""<?xml version="1.0" encoding="utf-8"?><worksheet xmlns="{Main}">""");
    }

    public void Element(OpenXmlElement e) => _w.Write(e.OuterXml);

    public void StartRows() => _w.Write("<sheetData>");

    public void EndRows() => _w.Write("</sheetData>");

    public void Row(int r, IReadOnlyList<string> cells, uint style, TextWorkbook.SharedStrings strings, double? height, IReadOnlySet<int>? numbers = null)
    {
        var row = r.ToString(CultureInfo.InvariantCulture);
        _w.Write("<row r=\"");
        _w.Write(row);
        if (height is { } h)
        {
            _w.Write("\" ht=\"");
            _w.Write(h.ToString(CultureInfo.InvariantCulture));
            _w.Write("\" customHeight=\"1");
        }
        _w.Write("\">");
        var s = style.ToString(CultureInfo.InvariantCulture);
        for (var c = 0; c < cells.Count; c++)
        {
            if (cells[c].Length == 0) continue;
            _w.Write("<c r=\"");
            _w.Write(TextWorkbook.Column(c));
            _w.Write(row);
            _w.Write("\" s=\"");
            _w.Write(s);
            if (numbers is not null && numbers.Contains(c) && long.TryParse(cells[c], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
            {
                _w.Write("\"><v>");
                _w.Write(n.ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                _w.Write("\" t=\"s\"><v>");
                _w.Write(strings.Index(cells[c]));
            }
            _w.Write("</v></c>");
        }
        _w.Write("</row>");
    }

    public void Dispose()
    {
        _w.Write("</worksheet>");
        _w.Dispose();
    }
}
