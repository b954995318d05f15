using System.Text;
using StatsReporting.Import;
using StatsReporting.Tests.BadInput;
using StatsReporting.Tests.Support;
using static StatsReporting.Tests.BadInput.Refusal;

namespace StatsReporting.Tests.Import;

/// Issue 10, data that used to be silently wrong: accepted, stored and counted. Each is now refused with file, row
/// and column (the database byte-for-byte unchanged) or normalised, or warned about by row.
public class CarelessInputTests : IDisposable
{
    private readonly TestEnv _env = new();
    public void Dispose() => _env.Dispose();

    private static readonly string[] Header = TestEnv.RecordHeader.Split(';');

    [Theory]
    [InlineData("Datum för beslut", 8, "beslutsdatum", "2024-08-01")]
    [InlineData("Kön", 3, "kon", "K")]
    [InlineData("beslutsdatum", 8, "beslutsdatum", "2024-07-27")]
    public void A_header_naming_a_column_twice_or_with_its_alias_is_refused_instead_of_one_silently_winning(string second, int first,
        string column, string value)
    {
        var path = TestEnv.WriteRecords(_env.PathOf("dubbel.csv"), [Good + ";" + value], TestEnv.RecordHeader + ";" + second);
        var e = Refused(_env, () => _env.Importer().Import(path));
        Assert.Equal($"dubbel.csv, rad 1, kolumn {column}: rubrikerna '{Header[first - 1]}' (kolumn {first}) och '{second}' (kolumn 14) "
            + $"är samma kolumn {column}; ta bort den ena så att det är entydigt vilket värde som gäller.", Single(e));
    }

    [Theory]
    [InlineData("\uFEFFA-1")]
    [InlineData("A-1\u200B")]
    [InlineData("\u00A0A-1\u00A0")]
    [InlineData("A\u2060-1")]
    public void An_invisible_character_in_beslut_id_is_removed_instead_of_making_an_invisible_twin(string twin)
    {
        _env.Importer().Import(Csv(_env, "forsta.csv", Good));
        var second = _env.Importer().Import(Csv(_env, "andra.csv", Good.Replace("A-1", twin)));
        Assert.Equal((0, 0, 1), (second.New, second.Changed, second.Unchanged));
        Assert.Equal("A-1", Assert.Single(_env.Current()).BeslutId);
    }

    [Fact]
    public void A_no_break_space_inside_beslut_id_is_refused()
    {
        var e = Refused(_env, () => _env.Importer().Import(Csv(_env, "mellanslag.csv", Good.Replace("A-1", "A\u00A01"))));
        Assert.Equal("mellanslag.csv, rad 2, kolumn beslut_id: beslut_id innehåller ett osynligt tecken, en tabb eller ett ovanligt mellanslag; "
            + "rätta värdet i verksamhetssystemet.", Single(e));
    }

    [Fact]
    public void A_no_break_space_inside_a_pseudonym_is_refused_without_repeating_it()
    {
        var e = Refused(_env, () => _env.Importer().Import(Csv(_env, "pseudonym.csv", Good.Replace("19390601-T490", "anna\u00A077"))));
        Assert.Equal("pseudonym.csv, rad 2, kolumn person_id: personkoden innehåller ett osynligt tecken, en tabb eller ett ovanligt "
            + "mellanslag; rätta värdet i verksamhetssystemet.", Single(e));
    }

    private string Xlsx(string name, params string[][] rows)
    {
        var path = _env.PathOf(name);
        RawXlsx.Write(path, [new("Beslut", RawXlsx.SheetXml(rows.Prepend(Header).ToArray()))]);
        return path;
    }

    private static string[] Row(params (int Col, string Value)[] changes)
    {
        var cells = Good.Split(';');
        foreach (var (col, value) in changes) cells[col] = value;
        return cells;
    }

    [Fact]
    public void A_beslut_id_that_Excel_stored_as_a_number_too_long_to_keep_is_refused_with_advice_to_format_it_as_text()
    {
        var path = Xlsx("tal.xlsx", Row((0, "n:12345678901234567890")));
        var e = Refused(_env, () => _env.Importer().Import(path));
        Assert.Equal("tal.xlsx, rad 2, kolumn beslut_id: beslut_id '1.2345678901234567E+19' är sparat som ett tal i Excel, som bara behåller 15 "
            + "siffror, så siffror kan ha gått förlorade: formatera kolumnen som text i Excel (eller exportera som CSV) och försök igen.", Single(e));
    }

    [Fact]
    public void A_beslut_id_stored_as_a_short_whole_number_imports_as_its_digits()
    {
        _env.Importer().Import(Xlsx("kort.xlsx", Row((0, "n:123456789012345"))));
        Assert.Equal("123456789012345", Assert.Single(_env.Current()).BeslutId);
    }

    [Theory]
    [InlineData("0001-01-01", "0001-01-01")]
    [InlineData("1899-12-25", "1899-12-25")]
    [InlineData("1989-12-31", "1989-12-31")]
    public void A_csv_date_before_the_earliest_year_is_refused_with_its_column(string date, string shown)
    {
        var e = Refused(_env, () => _env.Importer().Import(Csv(_env, "datum.csv", Good.Replace("2024-07-27", date))));
        Assert.Equal($"datum.csv, rad 2, kolumn beslutsdatum: datumet {shown} ligger före år 1990 (Import:EarliestYear); ett tomt eller "
            + "nollställt datum i Excel blir 1899 eller 1900.", Single(e));
    }

    [Theory]
    [InlineData("d:-5", "1899-12-25")]
    [InlineData("d:0", "1899-12-30")]
    public void An_xlsx_date_serial_of_zero_or_less_is_refused_with_its_column(string serial, string shown)
    {
        var e = Refused(_env, () => _env.Importer().Import(Xlsx("serie.xlsx", Row((7, serial)))));
        Assert.Equal($"serie.xlsx, rad 2, kolumn beslutsdatum: datumet {shown} ligger före år 1990 (Import:EarliestYear); ett tomt eller "
            + "nollställt datum i Excel blir 1899 eller 1900.", Single(e));
    }

    [Fact]
    public void An_xlsx_date_serial_is_read_as_its_date()
    {
        _env.Importer().Import(Xlsx("datum.xlsx", Row((7, "d:45500"))));
        Assert.Equal(new DateOnly(2024, 7, 27), Assert.Single(_env.Current()).Beslutsdatum);
    }

    [Fact]
    public void Mojibake_in_a_text_is_stored_with_a_warning_naming_its_row_and_column()
    {
        var outcome = _env.Importer().Import(Csv(_env, "mojibake.csv", Good, Good.Replace("A-1", "A-2").Replace(";;2024", ";VÃ¤stra enheten;2024")));
        var warning = Assert.Single(outcome.Warnings);
        Assert.Equal("mojibake.csv, rad 3, kolumn enhet: texten ser felkodad ut ('Ã¤' där det ska stå 'ä'): filen har sparats med fel "
            + "teckenkodning i något steg före exporten; kontrollera texten i verksamhetssystemet.", warning.ToString());
    }

    [Fact]
    public void One_stray_Windows1252_byte_in_a_UTF8_file_is_read_as_that_character_and_its_row_is_named()
    {
        var utf8 = Encoding.UTF8.GetBytes(TestEnv.RecordHeader + "\r\n" + Good + "\r\n");
        var stray = TextEncoding.Windows1252.GetBytes(Good.Replace("A-1", "A-2").Replace(";;2024", ";Väst;2024") + "\r\n");
        var path = _env.PathOf("blandad.csv");
        File.WriteAllBytes(path, [.. utf8, .. stray]);

        var outcome = _env.Importer().Import(path);

        Assert.Equal("blandad.csv, rad 3: tecken som inte är UTF-8 lästes som Windows-1252 (resten av filen är UTF-8); kontrollera å, ä och ö "
            + "på raden.", Assert.Single(outcome.Warnings).ToString());
        var stored = _env.Current().ToDictionary(d => d.BeslutId);
        Assert.Equal(("Särskilt boende", "Väst"), (stored["A-1"].Insats, stored["A-2"].Enhet));
    }

    [Fact]
    public void A_hidden_first_sheet_is_passed_over_for_the_first_visible_one()
    {
        var path = _env.PathOf("dold.xlsx");
        RawXlsx.Write(path, [
            new("Gammal", RawXlsx.SheetXml(Header, Row((0, "GAMMAL-1"))), State: "hidden"),
            new("Beslut", RawXlsx.SheetXml(Header, Row((0, "SYNLIG-1")))),
        ]);
        _env.Importer().Import(path);
        Assert.Equal("SYNLIG-1", Assert.Single(_env.Current()).BeslutId);
    }

    [Fact]
    public void Several_visible_sheets_that_look_like_decision_lists_are_refused_naming_the_sheets()
    {
        var path = _env.PathOf("tva-listor.xlsx");
        RawXlsx.Write(path, [
            new("Beslut mars", RawXlsx.SheetXml(Header, Row((0, "MARS-1")))),
            new("Anteckningar", RawXlsx.SheetXml(["Att göra"], ["Ring enheten"])),
            new("Beslut april", RawXlsx.SheetXml(Header, Row((0, "APRIL-1")))),
        ]);
        var e = Refused(_env, () => _env.Importer().Import(path));
        Assert.Equal("tva-listor.xlsx, rad 1: arbetsboken har 2 synliga blad som ser ut som beslutslistor ('Beslut mars', 'Beslut april'); "
            + "dölj eller ta bort de andra bladen så att bara ett blad med beslut är synligt.", Single(e));
    }

    [Fact]
    public void One_visible_decision_sheet_beside_a_visible_notes_sheet_still_imports()
    {
        var path = _env.PathOf("med-anteckningar.xlsx");
        RawXlsx.Write(path, [
            new("Anteckningar", RawXlsx.SheetXml(["Att göra"], ["Ring enheten"])),
            new("Beslut", RawXlsx.SheetXml(Header, Row((0, "SYNLIG-2")))),
            new("Gammal", RawXlsx.SheetXml(Header, Row((0, "GAMMAL-2"))), State: "hidden"),
        ]);
        _env.Importer().Import(path);
        Assert.Equal("SYNLIG-2", Assert.Single(_env.Current()).BeslutId);
    }

    [Fact]
    public void A_kommentar_over_32767_characters_is_refused_at_import_on_its_row_and_column()
    {
        var e = Refused(_env, () => _env.Importer().Import(Csv(_env, "lang.csv", Good + new string('k', 1024 * 1024))));
        Assert.Equal("lang.csv, rad 2, kolumn kommentar: cellen är längre än 32767 tecken (gränsen Import:MaxCellChars).", Single(e));
    }

    [Fact]
    public void An_enhet_over_its_field_limit_is_refused_without_repeating_it()
    {
        var e = Refused(_env, () => _env.Importer().Import(Csv(_env, "enhet.csv", Good.Replace(";;2024", $";{new string('e', 201)};2024"))));
        Assert.Equal("enhet.csv, rad 2, kolumn enhet: texten har 201 tecken, fler än gränsen 200 för kolumnen (Import:MaxFieldChars).", Single(e));
    }
}
