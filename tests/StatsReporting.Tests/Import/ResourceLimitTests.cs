using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using StatsReporting.Import;
using StatsReporting.Tests.BadInput;
using StatsReporting.Tests.Support;
using static StatsReporting.Tests.BadInput.Refusal;

namespace StatsReporting.Tests.Import;

/// Issue 10, resource exhaustion: each file is refused by a limit, named with the file and the limit, and the
/// database is byte-for-byte unchanged. (BadInput/ measures time and memory of the same cases in the real CLI.)
public class ResourceLimitTests : IDisposable
{
    private readonly TestEnv _env = new();
    public void Dispose() => _env.Dispose();

    private Importer With(ImportLimits limits) => new(_env.Db, TestEnv.Catalog, _env.PathOf("archive"), _env.Clock, limits);

    [Fact]
    public void A_lone_cell_at_XFD1048576_is_refused_by_the_column_limit_instead_of_growing_memory()
    {
        var path = _env.PathOf("xfd.xlsx");
        RawXlsx.Write(path, [new("Blad1", RawXlsx.SheetOf(["<row r=\"1048576\"><c r=\"XFD1048576\"><v>1</v></c></row>"]))]);
        var e = Refused(_env, () => _env.Importer().Import(path));
        Assert.Equal("xfd.xlsx, rad 1048576, kolumn XFD: en cell ligger i kolumn XFD, utanför gränsen 200 kolumner (Import:MaxColumns).", Single(e));
    }

    [Fact]
    public void One_huge_shared_string_is_refused_by_the_unzipped_size_the_zip_declares()
    {
        var path = _env.PathOf("delad.xlsx");
        RawXlsx.Write(path, [new("Blad1", RawXlsx.SheetOf([$"<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"]))], zip =>
        {
            using var w = new StreamWriter(zip.CreateEntry("xl/sharedStrings.xml", CompressionLevel.Fastest).Open());
            w.Write("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>");
            w.Write(new string('x', 11 * 1024 * 1024));
            w.Write("</t></si></sst>");
        }, declareSharedStrings: true);
        var e = Refused(_env, () => With(ImportLimits.Default with { MaxUnzippedBytes = 10 * 1024 * 1024 }).Import(path));
        Assert.Equal("delad.xlsx, rad 1: arbetsboken är 11 MB när den packas upp, mer än gränsen 10 MB (Import:MaxUnzippedBytes).", Single(e));
    }

    [Fact]
    public void A_zip_entry_that_inflates_to_more_than_it_declares_is_read_no_further_than_its_declared_size()
    {
        var path = _env.PathOf("ljuger.xlsx");
        var rows = Enumerable.Range(2, 2000).Select(r => RawXlsx.Row(r, Good.Replace("A-1", $"A-{r}").Split(';')));
        RawXlsx.Write(path, [new("Beslut", RawXlsx.SheetOf(rows.Prepend(RawXlsx.Row(1, TestEnv.RecordHeader.Split(';')))))]);
        LieAboutSize(path, "xl/worksheets/sheet1.xml", 1000);
        var e = Refused(_env, () => _env.Importer().Import(path));
        // .NET's zip reader ends the entry at its declared size (XlsxPackage counts too, as a second fence): the sheet
        // is then cut off inside row 1, which is refused like any truncated sheet.
        Assert.Equal("ljuger.xlsx, rad 1: arbetsboken är ingen giltig XML här; filen är avklippt eller skadad: spara den på nytt från Excel.", Single(e));
    }

    /// Rewrites the uncompressed size of one entry, in its local header and in the central directory, as a zip bomb does.
    private static void LieAboutSize(string path, string entry, uint size)
    {
        var b = File.ReadAllBytes(path);
        var name = Encoding.ASCII.GetBytes(entry);
        for (var i = 0; i + 46 < b.Length; i++)
        {
            if (b[i] == 0x50 && b[i + 1] == 0x4B && b[i + 2] == 3 && b[i + 3] == 4 && b.AsSpan(i + 30, name.Length).SequenceEqual(name))
                BitConverter.TryWriteBytes(b.AsSpan(i + 22, 4), size);
            if (b[i] == 0x50 && b[i + 1] == 0x4B && b[i + 2] == 1 && b[i + 3] == 2 && b.AsSpan(i + 46, Math.Min(name.Length, b.Length - i - 46)).SequenceEqual(name))
                BitConverter.TryWriteBytes(b.AsSpan(i + 24, 4), size);
        }
        File.WriteAllBytes(path, b);
    }

    [Fact]
    public void A_shared_string_longer_than_an_Excel_cell_is_refused_on_the_cell_that_uses_it()
    {
        var path = _env.PathOf("lang.xlsx");
        var header = TestEnv.RecordHeader.Split(';');
        var row = Good.Split(';');
        var cells = string.Concat(row.Select((v, c) => v.Length == 0 ? "" : $"<c r=\"{RawXlsx.Letters(c)}2\" t=\"inlineStr\"><is><t>{v}</t></is></c>"));
        RawXlsx.Write(path, [new("Blad1", RawXlsx.SheetOf([RawXlsx.Row(1, header), $"<row r=\"2\">{cells}<c r=\"M2\" t=\"s\"><v>0</v></c></row>"]))], zip =>
        {
            using var w = new StreamWriter(zip.CreateEntry("xl/sharedStrings.xml").Open());
            w.Write($"<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>{new string('k', 40_000)}</t></si></sst>");
        }, declareSharedStrings: true);
        var e = Refused(_env, () => _env.Importer().Import(path));
        Assert.Equal("lang.xlsx, rad 2, kolumn kommentar: cellen är längre än 32767 tecken (gränsen Import:MaxCellChars).", Single(e));
    }

    [Fact]
    public void More_rows_than_the_row_limit_are_refused_on_the_first_row_over_it()
    {
        var path = Csv(_env, "rader.csv", Good, Good.Replace("A-1", "A-2"), Good.Replace("A-1", "A-3"), Good.Replace("A-1", "A-4"));
        var e = Refused(_env, () => With(ImportLimits.Default with { MaxRows = 3 }).Import(path));
        Assert.Equal("rader.csv, rad 5: filen har fler än 3 rader (gränsen Import:MaxRows).", Single(e));
    }

    [Fact]
    public void A_sheet_of_empty_rows_past_the_row_limit_is_refused_instead_of_read_to_its_end()
    {
        var path = _env.PathOf("tomma.xlsx");
        var rows = Enumerable.Range(2, 1001).Select(r => $"<row r=\"{r}\" s=\"1\"/>").Prepend(RawXlsx.Row(1, TestEnv.RecordHeader.Split(';')));
        RawXlsx.Write(path, [new("Beslut", RawXlsx.SheetOf(rows))]);
        var e = Refused(_env, () => With(ImportLimits.Default with { MaxRows = 1000 }).Import(path));
        Assert.Equal("tomma.xlsx, rad 1002: bladet har fler än 1000 rader (gränsen Import:MaxRows).", Single(e));
    }

    [Fact]
    public void A_50_MB_single_line_csv_is_refused_at_the_cell_limit_without_reading_the_line_into_memory()
    {
        var path = _env.PathOf("rad.csv");
        using (var f = File.Create(path))
        {
            var chunk = Encoding.ASCII.GetBytes(new string('a', 1 << 20));
            for (var i = 0; i < 50; i++) f.Write(chunk);
        }
        var e = Refused(_env, () => _env.Importer().Import(path));
        Assert.Equal("rad.csv, rad 1, kolumn 1: cellen är längre än 32767 tecken (gränsen Import:MaxCellChars).", Single(e));
    }

    [Fact]
    public void A_line_of_more_columns_than_the_limit_is_refused()
    {
        var path = Csv(_env, "bred.csv", Good + new string(';', 300));
        var e = Refused(_env, () => _env.Importer().Import(path));
        Assert.Equal("bred.csv, rad 2: raden har fler än 200 kolumner (gränsen Import:MaxColumns).", Single(e));
    }

    [Fact]
    public void Dev_zero_given_as_the_file_is_refused_before_it_is_opened()
    {
        var e = Refused(_env, () => _env.Importer().Import("/dev/zero"));
        Assert.Equal("zero, rad 1: det är ingen vanlig fil (utan en namngiven pipe, en enhet eller en socket); bara vanliga filer läses.", Single(e));
    }

    [Fact]
    public void A_FIFO_given_as_the_file_is_refused_instead_of_waiting_for_a_writer()
    {
        var fifo = _env.PathOf("inkorg.csv");
        Process.Start("mkfifo", [fifo])!.WaitForExit();
        var watch = Stopwatch.StartNew();
        var e = Refused(_env, () => _env.Importer().Import(fifo));
        Assert.Equal("inkorg.csv, rad 1: det är ingen vanlig fil (utan en namngiven pipe, en enhet eller en socket); bara vanliga filer läses.", Single(e));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"{watch.Elapsed}");
    }

    [Fact]
    public void A_file_over_MaxFileBytes_is_refused_before_a_byte_is_read()
    {
        var path = _env.PathOf("stor.csv");
        using (var f = File.Create(path)) f.SetLength(300L * 1024 * 1024); // sparse: costs no disk
        var e = Refused(_env, () => _env.Importer().Import(path));
        Assert.Equal("stor.csv, rad 1: filen är 300 MB och större än gränsen 256 MB (Import:MaxFileBytes).", Single(e));
    }

    [Fact]
    public void A_cancelled_request_stops_the_reading_and_stores_nothing()
    {
        var path = Csv(_env, "avbruten.csv", Good);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var before = Snapshot(_env.Db.Path);
        Assert.ThrowsAny<OperationCanceledException>(() => _env.Importer().Import(path, null, cancelled.Token));
        Assert.Equal(before, Snapshot(_env.Db.Path));
    }
}
