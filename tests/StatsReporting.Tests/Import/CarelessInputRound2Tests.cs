using System.IO.Compression;
using System.Text;
using StatsReporting.Checks;
using StatsReporting.Decisions;
using StatsReporting.Import;
using StatsReporting.Tests.BadInput;
using StatsReporting.Tests.Support;
using static StatsReporting.Tests.BadInput.Refusal;

namespace StatsReporting.Tests.Import;

/// Issue 23, round 2 of careless input (an adversarial run of 84 files found these): each is refused with its exact
/// Swedish message and the database byte for byte as it was, or now read as a person means it.
public class CarelessInputRound2Tests : IDisposable
{
    private readonly TestEnv _env = new();
    public void Dispose() => _env.Dispose();

    private static readonly string[] Header = TestEnv.RecordHeader.Split(';');

    private string Xlsx(string name, params RawXlsx.Sheet[] sheets)
    {
        var path = _env.PathOf(name);
        RawXlsx.Write(path, sheets);
        return path;
    }

    private static RawXlsx.Sheet Sheet(string name, params string[] rows) =>
        new(name, RawXlsx.SheetXml([Header, .. rows.Select(r => r.Split(';'))]));

    [Theory]
    [InlineData("12345.5")]
    [InlineData("1E-5")]
    public void A_beslut_id_stored_as_a_number_with_decimals_is_refused_with_the_advice_to_format_the_column_as_text(string number)
    {
        var path = Xlsx("decimal-id.xlsx", Sheet("Beslut", Good.Replace("A-1", "n:" + number)));
        var e = Refused(_env, () => _env.Importer().Import(path));
        var shown = number == "1E-5" ? "1E-05" : number;
        Assert.Equal($"decimal-id.xlsx, rad 2, kolumn beslut_id: beslut_id '{shown}' är sparat som ett tal med decimaler i Excel, och ett beslut_id "
            + "är inget sådant tal: formatera kolumnen som text i Excel (eller exportera som CSV) så att id:t står som i verksamhetssystemet, och försök igen.",
            Single(e));
    }

    [Fact]
    public void A_whole_number_id_in_a_number_cell_is_still_read()
    {
        var path = Xlsx("heltal-id.xlsx", Sheet("Beslut", Good.Replace("A-1", "n:12345")));
        Assert.Equal(1, _env.Importer().Import(path).New);
        Assert.Equal("12345", Assert.Single(_env.Current()).BeslutId);
    }

    [Fact]
    public void Ids_that_differ_only_in_letter_case_in_one_file_are_refused_naming_both_rows()
    {
        var path = Csv(_env, "skiftlage.csv", Good.Replace("A-1", "X-1"), Good.Replace("A-1", "B-2"), Good.Replace("A-1", "x-1"));
        var e = Refused(_env, () => _env.Importer().Import(path));
        Assert.Equal("skiftlage.csv, rad 4, kolumn beslut_id: beslut_id 'x-1' på rad 4 och beslut_id på rad 2 skiljer sig bara i stora och små "
            + "bokstäver; det är samma beslut för den som läser rapporten: rätta det ena i verksamhetssystemet.", Single(e));
    }

    [Fact]
    public void The_same_id_twice_keeps_its_own_message()
    {
        var e = Refused(_env, () => _env.Importer().Import(Csv(_env, "dubbel.csv", Good, Good)));
        Assert.Equal("dubbel.csv, rad 3, kolumn beslut_id: beslut_id 'A-1' finns redan på rad 2 i samma fil.", Single(e));
    }

    [Fact]
    public void A_published_table_with_a_header_twice_is_refused_by_check_and_by_import_table()
    {
        var path = _env.PathOf("sol.csv");
        File.WriteAllText(path, "Typ;Män;Män;Summa total\nHemtjänst;1;2;3\nTotal;1;2;3\n", new UTF8Encoding(false));
        var message = "sol.csv: rad 1: rubriken 'Män' finns i både kolumn 2 och kolumn 3; ta bort eller byt namn på den ena så att det är entydigt "
            + "vilken kolumn som gäller.";
        Assert.Equal(message, Assert.Throws<TableReadException>(() => TableReader.Read(path)).Message);
        var before = Snapshot(_env.Db.Path);
        Assert.Equal(message, Assert.Throws<TableReadException>(() => PublishedTableStore.Import(_env.Db, path, Lag.SoL, new Period(2025, 1), _env.Clock)).Message);
        Assert.Equal(before, Snapshot(_env.Db.Path));
    }

    [Fact]
    public void A_count_too_big_for_any_count_is_called_too_big_not_a_person_code()
    {
        var read = StatsReporting.Tests.Checks.Tables.Csv("sol.csv", "Typ;Kvinnor;Män;Summa", "Hemtjänst;99999999999999999999999;2;3", "Total;1;2;3");
        Assert.Equal("Hemtjänst (rad 2), Kvinnor: talet är för stort för ett antal (23 siffror).", Assert.Single(read.CellFindings).Message);
        // Eight to thirteen digits may be a birth date or a person code: still never shown.
        var code = StatsReporting.Tests.Checks.Tables.Csv("sol.csv", "Typ;Kvinnor;Män;Summa", "Hemtjänst;193906011238;2;3", "Total;1;2;3");
        Assert.Equal("Hemtjänst (rad 2), Kvinnor: '(ett värde som liknar en personkod eller ett datum, visas inte)' kan inte läsas som ett antal.",
            Assert.Single(code.CellFindings).Message);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE, 0, 0 }, "utf-32")]
    [InlineData(new byte[] { 0, 0, 0xFE, 0xFF }, "utf-32BE")]
    public void A_utf32_file_is_refused_as_an_encoding_that_is_not_supported(byte[] bom, string encoding)
    {
        var path = _env.PathOf("utf32.csv");
        File.WriteAllBytes(path, [.. bom, .. Encoding.GetEncoding(encoding).GetBytes(TestEnv.RecordHeader + "\r\n" + Good + "\r\n")]);
        var e = Refused(_env, () => _env.Importer().Import(path));
        Assert.Equal("utf32.csv, rad 1: kodningen UTF-32 stöds inte — spara som UTF-8 (i Excel: CSV UTF-8).", Single(e));
    }

    [Theory]
    [InlineData("sep=;", ";")]
    [InlineData("sep=,", ",")]
    [InlineData("SEP=;", ";")]
    public void Excels_sep_line_sets_the_separator_and_is_no_row(string line, string sep)
    {
        var path = _env.PathOf("sep.csv");
        File.WriteAllText(path, line + "\r\n" + TestEnv.RecordHeader.Replace(";", sep) + "\r\n" + Good.Replace(";", sep) + "\r\n", new UTF8Encoding(true));
        var outcome = _env.Importer().Import(path);
        Assert.Equal("sep.csv: 1 beslut importerade som import 1 (1 nya, 0 ändrade, 0 oförändrade).", outcome.Summary);
        Assert.Equal("19390601-T490", Assert.Single(_env.Current()).PersonId);
    }

    [Fact]
    public void A_shared_string_index_out_of_range_is_a_damaged_file()
    {
        var cells = Good.Split(';').Select(v => v.Length == 0 ? "" : v).ToArray();
        var row = RawXlsx.Row(2, cells).Replace("<c r=\"F2\" t=\"inlineStr\"><is><t xml:space=\"preserve\">Särskilt boende</t></is></c>", "<c r=\"F2\" t=\"s\"><v>7</v></c>");
        var path = _env.PathOf("delade.xlsx");
        RawXlsx.Write(path, [new RawXlsx.Sheet("Beslut", RawXlsx.SheetOf([RawXlsx.Row(1, Header), row]))]);
        var e = Refused(_env, () => _env.Importer().Import(path));
        Assert.Equal("delade.xlsx, rad 2, kolumn insats: filen är skadad (delade strängar): cellen pekar på text nummer 7, men arbetsboken har 0 texter; "
            + "spara den på nytt från Excel.", Single(e));
    }

    [Theory]
    [InlineData("F", Kon.K)]
    [InlineData("Kvinna", Kon.K)]
    [InlineData("kvinnor", Kon.K)]
    [InlineData("Man", Kon.M)]
    [InlineData("Män", Kon.M)]
    public void The_documented_spellings_of_kon_are_read(string text, Kon kon)
    {
        var digit = kon == Kon.K ? "19390601-T480" : "19390601-T490";
        _env.Importer().Import(Csv(_env, "kon.csv", Good.Replace(";M;", $";{text};").Replace("19390601-T490", digit)));
        Assert.Equal(kon, Assert.Single(_env.Current()).Kon);
    }

    [Fact]
    public void The_first_visible_sheet_that_holds_the_columns_is_read_even_below_an_info_sheet_and_title_rows()
    {
        var info = new RawXlsx.Sheet("Info", RawXlsx.SheetXml(["Uttag ur verksamhetssystemet"], ["Skapat 2025-07-01"]));
        var beslut = new RawXlsx.Sheet("Beslut", RawXlsx.SheetXml(["Ej verkställda beslut"], [], Header, Good.Split(';')));
        var outcome = _env.Importer().Import(Xlsx("info-forst.xlsx", info, beslut));
        Assert.Equal("info-forst.xlsx: 1 beslut importerade som import 1 (1 nya, 0 ändrade, 0 oförändrade). Rubrikraden är rad 3; "
            + "rad 1 ovanför den hoppades över.", outcome.Summary);
    }

    [Fact]
    public void Two_visible_sheets_that_hold_the_columns_are_refused_naming_them()
    {
        var path = Xlsx("tva.xlsx", Sheet("Beslut", Good), new RawXlsx.Sheet("Kopia", RawXlsx.SheetXml(["Kopia"], Header, Good.Split(';'))));
        var e = Refused(_env, () => _env.Importer().Import(path));
        Assert.Equal("tva.xlsx, rad 1: arbetsboken har 2 synliga blad som ser ut som beslutslistor ('Beslut', 'Kopia'); dölj eller ta bort de andra "
            + "bladen så att bara ett blad med beslut är synligt.", Single(e));
    }
}
