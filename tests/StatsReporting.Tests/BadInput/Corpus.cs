using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using StatsReporting.Tests.Support;

namespace StatsReporting.Tests.BadInput;

/// The bad-input corpus, generated into a folder (no committed binaries): every case of issue 10 plus empty,
/// header-only, truncated, binary, UTF-16 and formula-injection text. Make(dir) writes the file and returns its path.
public sealed record BadFile(string Name, Func<string, string> Make, string Verb = "import", int Exit = 1, string? Line = null,
    Dictionary<string, string>? Env = null);

public static class Corpus
{
    private static readonly string Header = TestEnv.RecordHeader;
    private const string Good = Refusal.Good;
    private static string[] Cells(string row) => row.Split(';');

    private static Func<string, string> Text(string name, string text, Encoding? encoding = null) => dir =>
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, text, encoding ?? new UTF8Encoding(false));
        return path;
    };

    private static Func<string, string> Bytes(string name, Func<byte[]> bytes) => dir =>
    {
        var path = Path.Combine(dir, name);
        File.WriteAllBytes(path, bytes());
        return path;
    };

    private static Func<string, string> Xlsx(string name, params RawXlsx.Sheet[] sheets) => dir =>
    {
        var path = Path.Combine(dir, name);
        RawXlsx.Write(path, sheets);
        return path;
    };

    private static Func<string, string> Stream(string name, Action<System.IO.Stream> write) => dir =>
    {
        var path = Path.Combine(dir, name);
        using var f = File.Create(path);
        write(f);
        return path;
    };

    private static string Rows(params string[] rows) => string.Join("\r\n", rows.Prepend(Header)) + "\r\n";

    public static readonly BadFile[] All =
    [
        new("tom.csv", Text("tom.csv", ""), Line: "tom.csv, rad 1: filen är tom."),
        new("bara-rubrik.csv", Text("bara-rubrik.csv", Header + "\r\n"), Line: "bara-rubrik.csv, rad 1: filen innehåller inga beslut."),
        new("binar.csv", Bytes("binar.csv", () => [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7 % 256))]),
            Line: "binar.csv, rad 1: filen är ingen CSV-text (kanske en .xls- eller PDF-fil); spara den som CSV eller .xlsx."),
        new("utf16.csv", Text("utf16.csv", Rows(Good), Encoding.Unicode), Exit: 0),
        new("utf16-utan-bom.csv", Bytes("utf16-utan-bom.csv", () => new UnicodeEncoding(false, false).GetBytes(Rows(Good))),
            Line: "utf16-utan-bom.csv, rad 1: filen verkar vara UTF-16-text utan BOM; spara den som CSV UTF-8."),
        new("avklippt.csv", Text("avklippt.csv", Rows(Good)[..^40]),
            Line: "avklippt.csv, rad 2, kolumn beslutsdatum: värde saknas i kolumnen 'beslutsdatum'."),
        new("avklippt-zip.xlsx", dir => { var p = Xlsx("avklippt-zip.xlsx", Sheet(Good))(dir); var b = File.ReadAllBytes(p); File.WriteAllBytes(p, b[..(b.Length / 2)]); return p; },
            Line: "avklippt-zip.xlsx, rad 1: filen är ingen giltig .xlsx-fil (zip-arkivet är skadat); spara den på nytt från Excel."),
        new("avklippt-blad.xlsx", Xlsx("avklippt-blad.xlsx", new RawXlsx.Sheet("Beslut", RawXlsx.SheetXml(Cells(Header), Cells(Good))[..^40])),
            Line: "avklippt-blad.xlsx, rad 2: arbetsboken är ingen giltig XML här; filen är avklippt eller skadad: spara den på nytt från Excel."),
        new("formler.csv", Text("formler.csv", Rows(Good + "=HYPERLINK(\"http://x\",\"klick\")", Good.Replace("A-1", "A-2").Replace("TACKAT_NEJ", "+cmd|' /C calc'!A0"))), Exit: 0),
        new("xfd1048576.xlsx", Xlsx("xfd1048576.xlsx", new RawXlsx.Sheet("Blad1", RawXlsx.SheetOf(["<row r=\"1048576\"><c r=\"XFD1048576\"><v>1</v></c></row>"]))),
            Line: "xfd1048576.xlsx, rad 1048576, kolumn XFD: en cell ligger i kolumn XFD, utanför gränsen 200 kolumner (Import:MaxColumns)."),
        new("delad-text-1GB.xlsx", HugeSharedString,
            Line: "delad-text-1GB.xlsx, rad 1: arbetsboken är 1126 MB när den packas upp, mer än gränsen 1024 MB (Import:MaxUnzippedBytes)."),
        new("2M-rader.xlsx", TwoMillionRows, Exit: 1, Line: "2M-rader.xlsx, rad 1: filen innehåller inga beslut."),
        new("1M-dubbletter.xlsx", MillionDuplicates, Exit: 1, Line: "1M-dubbletter.xlsx, rad 102: fler än 100 fel; läsningen avbröts här."),
        new("rader-over-grans.csv", Text("rader-over-grans.csv", Rows([.. Enumerable.Range(1, 1001).Select(i => Good.Replace("A-1", $"A-{i}"))])),
            Line: "rader-over-grans.csv, rad 1002: filen har fler än 1000 rader (gränsen Import:MaxRows).",
            Env: new() { ["StatsReporting__Import__MaxRows"] = "1000" }),
        new("en-rad-50MB.csv", Stream("en-rad-50MB.csv", f => { var a = new byte[1 << 20]; Array.Fill(a, (byte)'a'); for (var i = 0; i < 50; i++) f.Write(a); }),
            Line: "en-rad-50MB.csv, rad 1, kolumn 1: cellen är längre än 32767 tecken (gränsen Import:MaxCellChars)."),
        new("zero", _ => "/dev/zero", Line: "zero, rad 1: det är ingen vanlig fil (utan en namngiven pipe, en enhet eller en socket); bara vanliga filer läses."),
        new("fifo.csv", dir => { var p = Path.Combine(dir, "fifo.csv"); Process.Start("mkfifo", [p])!.WaitForExit(); return p; },
            Line: "fifo.csv, rad 1: det är ingen vanlig fil (utan en namngiven pipe, en enhet eller en socket); bara vanliga filer läses."),
        new("300MB.csv", Stream("300MB.csv", f => f.SetLength(300L * 1024 * 1024)),
            Line: "300MB.csv, rad 1: filen är 300 MB och större än gränsen 256 MB (Import:MaxFileBytes)."),
        new("dubbel-rubrik.csv", Text("dubbel-rubrik.csv", Header + ";Datum för beslut\r\n" + Good + ";2024-08-01\r\n"),
            Line: "dubbel-rubrik.csv, rad 1, kolumn beslutsdatum: rubrikerna 'beslutsdatum' (kolumn 8) och 'Datum för beslut' (kolumn 14) är samma "
                + "kolumn beslutsdatum; ta bort den ena så att det är entydigt vilket värde som gäller."),
        new("osynligt-id.csv", Text("osynligt-id.csv", Rows(Good.Replace("A-1", "A\u00A01"))),
            Line: "osynligt-id.csv, rad 2, kolumn beslut_id: beslut_id innehåller ett osynligt tecken, en tabb eller ett ovanligt mellanslag; rätta värdet i verksamhetssystemet."),
        new("tal-id.xlsx", Xlsx("tal-id.xlsx", Sheet(Good.Replace("A-1", "n:12345678901234567890"))),
            Line: "tal-id.xlsx, rad 2, kolumn beslut_id: beslut_id '1.2345678901234567E+19' är sparat som ett tal i Excel, som bara behåller 15 siffror, "
                + "så siffror kan ha gått förlorade: formatera kolumnen som text i Excel (eller exportera som CSV) och försök igen."),
        new("ar-0001.csv", Text("ar-0001.csv", Rows(Good.Replace("2024-07-27", "0001-01-01"))),
            Line: "ar-0001.csv, rad 2, kolumn beslutsdatum: datumet 0001-01-01 ligger före år 1990 (Import:EarliestYear); ett tomt eller nollställt datum i Excel blir 1899 eller 1900."),
        new("serie-noll.xlsx", Xlsx("serie-noll.xlsx", Sheet(Good.Replace("2024-07-27", "d:-5"))),
            Line: "serie-noll.xlsx, rad 2, kolumn beslutsdatum: datumet 1899-12-25 ligger före år 1990 (Import:EarliestYear); ett tomt eller nollställt datum i Excel blir 1899 eller 1900."),
        new("mojibake.csv", Text("mojibake.csv", Rows(Good.Replace(";;2024", ";VÃ¤st;2024"))), Exit: 0,
            Line: "Varning: mojibake.csv, rad 2, kolumn enhet: texten ser felkodad ut ('Ã¤' där det ska stå 'ä'): filen har sparats med fel teckenkodning i något steg före exporten; kontrollera texten i verksamhetssystemet."),
        new("dolt-blad.xlsx", Xlsx("dolt-blad.xlsx", new RawXlsx.Sheet("Dold", "<worksheet/>", "hidden"), Sheet(Good)[0]), Exit: 0),
        new("kommentar-1MiB.csv", Text("kommentar-1MiB.csv", Rows(Good + new string('k', 1 << 20))),
            Line: "kommentar-1MiB.csv, rad 2, kolumn kommentar: cellen är längre än 32767 tecken (gränsen Import:MaxCellChars)."),
        new("kommentar-50MiB.csv", Text("kommentar-50MiB.csv", Rows(Good + new string('k', 50 << 20))),
            Line: "kommentar-50MiB.csv, rad 2, kolumn kommentar: cellen är längre än 32767 tecken (gränsen Import:MaxCellChars)."),
        new("beslut-som-tabell.csv", _ => TestEnv.SampleCsv, Verb: "check", Exit: 2,
            Line: "Fel: beslut.csv: ingen KF-tabell att kontrollera: ingen kolumn heter Kvinnor, Män, Summa, Antal eller ett kvartal, och ingen rad är en summarad (Total, Totalt, Summa)."),
        new("avklippt-tabell.csv", Text("avklippt-tabell.csv", "Insats;Kvinnor;Män;Summa\r\nHemtjänst;1;2;3\r\nSumma;1"), Verb: "import-table", Exit: 2,
            Line: "Fel: avklippt-tabell.csv: rad 3: tabellen slutar mitt i en rad (raden har 2 av 4 fält); filen verkar avklippt: hämta eller spara den på nytt."),
        new("xfd-tabell.xlsx", Xlsx("xfd-tabell.xlsx", new RawXlsx.Sheet("Blad1", RawXlsx.SheetOf(["<row r=\"1048576\"><c r=\"XFD1048576\"><v>1</v></c></row>"]))),
            Verb: "check", Exit: 2, Line: "Fel: xfd-tabell.xlsx: rad 1048576: en cell ligger i kolumn XFD, utanför gränsen 200 kolumner (Import:MaxColumns)."),
    ];

    private static RawXlsx.Sheet[] Sheet(string row) => [new("Beslut", RawXlsx.SheetXml(Cells(Header), Cells(row)))];

    private static string HugeSharedString(string dir)
    {
        var path = Path.Combine(dir, "delad-text-1GB.xlsx");
        RawXlsx.Write(path, [new("Blad1", RawXlsx.SheetOf(["<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"]))], zip =>
        {
            using var s = zip.CreateEntry("xl/sharedStrings.xml", CompressionLevel.Fastest).Open();
            s.Write("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>"u8);
            var chunk = new byte[1 << 20];
            Array.Fill(chunk, (byte)'x');
            for (var i = 0; i < 1126; i++) s.Write(chunk);
            s.Write("</t></si></sst>"u8);
        }, declareSharedStrings: true);
        return path;
    }

    /// 2 000 000 rows that Excel keeps as rows but that hold only a space: read to the end, nothing kept.
    private static string TwoMillionRows(string dir) => RowsXlsx(dir, "2M-rader.xlsx", 2_000_000, r => $"<row r=\"{r}\"><c r=\"A{r}\" t=\"inlineStr\"><is><t> </t></is></c></row>");

    /// 1 000 000 copies of one decision: refused after 100 errors, the rows after them never read.
    private static string MillionDuplicates(string dir)
    {
        var cells = string.Concat(Cells(Good).Select((v, c) => v.Length == 0 ? "<c/>" : $"<c t=\"inlineStr\"><is><t>{v}</t></is></c>"));
        return RowsXlsx(dir, "1M-dubbletter.xlsx", 1_000_000, r => $"<row r=\"{r}\">{cells}</row>");
    }

    private static string RowsXlsx(string dir, string name, int rows, Func<int, string> row)
    {
        var path = Path.Combine(dir, name);
        RawXlsx.Write(path, [new("Beslut", "", Write: w =>
        {
            w.Write("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
            w.Write(RawXlsx.Row(1, Cells(Header)));
            for (var r = 2; r <= rows + 1; r++) w.Write(row(r));
            w.Write("</sheetData></worksheet>");
        })]);
        return path;
    }
}
