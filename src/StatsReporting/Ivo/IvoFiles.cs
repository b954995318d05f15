using System.Text;
using StatsReporting.Decisions;
using StatsReporting.FileSystem;
using StatsReporting.Workbooks;
using StatsReporting.Language;

namespace StatsReporting.Ivo;

/// Writes the individrapport as XLSX (with the reconciliation and the findings) and as CSV (UTF-8 with BOM, ';').
/// Every cell is text, dates included, so what the rapportör copies is exactly what IVO's form expects.
public static class IvoFiles
{
    public static readonly string[] Columns =
    [
        "Rapporteringsperiod", "Rapporttyp", "Personkod", "Kön", "Lag", "Insats", "Beslutsdatum", "Avbrottsdatum",
        "Orsak", "Kommentar", "Verkställt datum", "Avslutat datum", "Fritext till IVO", "Beslut-id (internt)",
    ];

    /// Sized to print on landscape A4 at FontSize (PrintLayout.LandscapeWidth), two lines a row for most rows, so that
    /// a page holds at least 20; the long texts wrap, and a column is widened where a word would not fit (TextWorkbook).
    private static readonly double[] Widths = [12, 10, 13, 7, 5, 14, 12, 12, 16, 11, 10, 10, 17, 10];
    private const double FontSize = 9;

    public static string FileName(Period q, string extension) => $"ivo-individrapport-{q}.{extension}";

    public static string[] Cells(IvoRow r) =>
    [
        $"{r.Period.Year} kvartal {r.Period.Quarter}", IvoRules.Text(r.Rapporttyp), r.PersonCode,
        r.Kon == Kon.K ? "Kvinna" : "Man", r.Lag.ToString(), r.Insats, Iso(r.Beslutsdatum), Iso(r.Avbrottsdatum),
        r.Orsak, r.Kommentar ?? "", Iso(r.VerkstalltDatum), Iso(r.AvslutatDatum), r.Fritext, r.BeslutId,
    ];

    public static void WriteCsv(IReadOnlyList<IvoRow> rows, string path)
    {
        // Straight into the file (the writer puts the BOM first), not through a string of the whole file and its bytes.
        RestrictedFiles.Write(path, s =>
        {
            using var w = new StreamWriter(s, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16, leaveOpen: true);
            foreach (var cells in rows.Select(Cells).Prepend(Columns))
            {
                for (var i = 0; i < cells.Length; i++)
                {
                    if (i > 0) w.Write(';');
                    w.Write(Quote(Neutralise(cells[i])));
                }
                w.Write("\r\n");
            }
        });
    }

    public static void WriteXlsx(IReadOnlyList<IvoRow> rows, IReadOnlyList<ForsvunnetArende> forsvunna, IReadOnlyList<string> findings,
        Period q, string path)
    {
        TextWorkbook.Sheet[] sheets =
        [
            new("Individrapport", Columns.Select(Hyphenated).ToList(), Widths, rows.Select(Cells).ToList(), "Inga beslut att rapportera för kvartalet"),
            new("Försvunna ärenden", ForsvunnetArende.Columns, [12, 5, 22, 12, 12, 24, 24, 39], forsvunna.Select(f => f.Cells()).ToList(),
                "Inga försvunna ärenden"),
            new("Kontroller", ["Kontroller"], [PrintLayout.LandscapeWidth], findings.Select(f => new[] { f }).ToList(), "Inga avvikelser"),
        ];
        var page = new TextWorkbook.PageTexts(_ => "Innehåller personuppgifter", _ => "", name => $"IVO individrapport {Wording.Quarter(q)}\n{name}", null);
        RestrictedFiles.Write(path, s => TextWorkbook.Write(s, sheets, page, DateOnly.FromDateTime(DateTime.Now), FontSize));
    }

    /// The xlsx header breaks IVO's long compounds where Swedish hyphenates them ("Rapporterings-" over "period"), so
    /// that its columns need be no wider than their values; the CSV keeps IVO's plain names.
    public static string Hyphenated(string header) => header switch
    {
        "Rapporteringsperiod" => "Rapporterings-\nperiod",
        "Beslutsdatum" => "Besluts-\ndatum",
        "Avbrottsdatum" => "Avbrotts-\ndatum",
        _ => header,
    };

    private static string Iso(DateOnly? d) => IsoDate.Format(d) ?? "";

    /// Excel and Calc run a CSV cell that starts with = + - @ (or a tab or CR before one) as a formula: such a cell
    /// gets a leading apostrophe. Why an apostrophe and not a space: a leading space does not stop every spreadsheet
    /// (Excel strips it and still evaluates "+cmd|..." in some versions), and the rapportör would copy an invisible
    /// space into IVO's form; a visible ' is obviously not part of the text and is what Excel itself uses to mark
    /// text. The IVO workbook, where every cell is a text cell, stays the file to copy from.
    public static string Neutralise(string s) => s.Length > 0 && s[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + s : s;

    private static string Quote(string s) =>
        s.IndexOfAny([';', '"', '\r', '\n']) < 0 ? s : $"\"{s.Replace("\"", "\"\"")}\"";
}
