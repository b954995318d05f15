using System.Text;
using StatsReporting.Import;
using StatsReporting.Tests.Support;

namespace StatsReporting.Tests.Import;

/// CSV as real exports write it: old Mac line ends, a BOM in front of Windows-1252 text, quotes after a space.
public class CsvEdgeCaseTests : IDisposable
{
    private readonly TestEnv _env = new();
    public void Dispose() => _env.Dispose();

    private static readonly string[] Rows =
    [
        TestEnv.RecordHeader,
        "A-1;19390601-T490;M;SoL;ÄO;Särskilt boende;;2024-07-27;;;;TACKAT_NEJ;",
        "A-2;19420302-T482;K;LSS;;9 § 4;;2024-08-10;;;;MATCHNING;",
    ];

    [Fact]
    public void Lines_ended_by_CR_alone_are_separate_rows()
    {
        var t = RawTableReader.ReadCsv(Encoding.UTF8.GetBytes(string.Join("\r", Rows) + "\r"), "cr.csv");
        Assert.Equal(13, t.Header.Count);
        Assert.Equal([2, 3], t.Rows.Select(r => r.Number));
        Assert.Equal("A-2", t.Rows[1].Cells[0]);
    }

    [Fact]
    public void A_UTF8_BOM_in_front_of_Windows1252_text_is_read_as_Windows1252()
    {
        // What a UTF-8 file re-saved as "ANSI" by a tool that keeps the first three bytes looks like.
        var bytes = Encoding.UTF8.GetPreamble().Concat(TextEncoding.Windows1252.GetBytes(string.Join("\r\n", Rows) + "\r\n")).ToArray();
        var path = _env.PathOf("bom1252.csv");
        File.WriteAllBytes(path, bytes);

        _env.Importer().Import(path);

        var stored = _env.Current();
        Assert.Equal(("ÄO", "Särskilt boende"), (stored[0].Verksamhet, stored[0].Insats));
        Assert.Equal("9 § 4", stored[1].Insats);
    }

    [Fact]
    public void A_quoted_field_after_spaces_keeps_its_separator_and_quotes()
    {
        var line = "A-1;19390601-T490;M;SoL;ÄO;Särskilt boende;;2024-07-27;;;;TACKAT_NEJ; \"väntar; \"\"plats\"\" snart\" ";
        var t = RawTableReader.ReadCsv(Encoding.UTF8.GetBytes(TestEnv.RecordHeader + "\n" + line + "\n"), "q.csv");
        var row = Assert.Single(t.Rows);
        Assert.Equal(13, row.Cells.Count);
        Assert.Equal("väntar; \"plats\" snart", row.Cells[12]);
    }

    [Fact]
    public void A_row_with_more_fields_than_the_header_is_refused_instead_of_cutting_its_text()
    {
        // An unquoted ';' in the kommentar: the rest of the text would be dropped without a word.
        var path = TestEnv.WriteRecords(_env.PathOf("extra.csv"),
            [Rows[1], "A-2;19420302-T482;K;LSS;;9 § 4;;2024-08-10;;;;MATCHNING;ringde; kommer tillbaka", Rows[1].Replace("A-1", "A-3") + ";;"]);

        var e = Assert.Throws<ImportFailedException>(() => _env.Importer().Import(path));

        var error = Assert.Single(e.Errors);
        Assert.Equal("extra.csv, rad 3: raden har 14 fält men rubrikraden 13; ett fält som innehåller avgränsaren saknar citattecken.",
            error.ToString());
        Assert.DoesNotContain("kommer tillbaka", e.Message);
        Assert.Empty(_env.Current());
    }

    [Fact]
    public void A_file_that_cannot_be_read_is_a_Swedish_import_error_not_an_exception_of_the_runtime()
    {
        var folder = Directory.CreateDirectory(_env.PathOf("beslut.csv")).FullName;
        var e = Assert.Throws<ImportFailedException>(() => _env.Importer().Import(folder));
        Assert.Equal("beslut.csv, rad 1: filen kan inte läsas (det är en mapp, eller läsrätt saknas).", Assert.Single(e.Errors).ToString());
    }

    [Fact]
    public void A_binary_file_named_csv_is_one_clear_error_not_a_list_of_missing_columns()
    {
        var path = _env.PathOf("beslut.csv");
        File.WriteAllBytes(path, [0xD0, 0xCF, 0x11, 0xE0, 0x00, 0x00, 0x3B, 0x0A]); // an old .xls renamed
        var e = Assert.Throws<ImportFailedException>(() => _env.Importer().Import(path));
        Assert.Equal("beslut.csv, rad 1: filen är ingen CSV-text (kanske en .xls- eller PDF-fil); spara den som CSV eller .xlsx.",
            Assert.Single(e.Errors).ToString());
    }

    [Fact]
    public void A_quote_that_never_closes_is_refused_instead_of_swallowing_the_rows_after_it()
    {
        var path = TestEnv.WriteRecords(_env.PathOf("citat.csv"),
            [Rows[1], Rows[2].Replace("MATCHNING;", "MATCHNING;\"ringer tillbaka"), Rows[1].Replace("A-1", "A-3"), Rows[1].Replace("A-1", "A-4")]);

        var e = Assert.Throws<ImportFailedException>(() => _env.Importer().Import(path));

        Assert.Equal("citat.csv, rad 3: ett citattecken (\") öppnar ett fält som aldrig avslutas; resten av filen skulle ha lästs som en enda text.",
            Assert.Single(e.Errors).ToString());
        Assert.Empty(_env.Current());
    }
}
