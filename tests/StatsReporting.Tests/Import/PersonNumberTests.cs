using Dapper;
using Microsoft.Extensions.Configuration;
using StatsReporting.Configuration;
using StatsReporting.Decisions;
using StatsReporting.Import;
using StatsReporting.Jobs;
using StatsReporting.Tests.BadInput;
using StatsReporting.Tests.Support;
using static StatsReporting.Tests.BadInput.Refusal;

namespace StatsReporting.Tests.Import;

/// Personnummer at the door (issue 23): every common form becomes the IVO code, checked; the mapping settings are
/// checked at start; kön comes from the kön digit when the file has no kon column; the dry run stores nothing.
public class PersonNumberTests : IDisposable
{
    private readonly TestEnv _env = new();
    public void Dispose() => _env.Dispose();

    private static readonly DateOnly ImportDay = new(2025, 7, 15);

    [Theory]
    [InlineData("19850312-1231", "19850312-T231")]
    [InlineData("198503121231", "19850312-T231")]
    [InlineData("850312-1231", "19850312-T231")]
    [InlineData("8503121231", "19850312-T231")]
    [InlineData("850312+1231", "18850312-T231")]   // '+': 100 years or older
    [InlineData("18850312-1231", "18850312-T231")]
    [InlineData("250714-1238", "20250714-T238")]   // born yesterday: this century
    [InlineData("250716-1236", "19250716-T236")]   // tomorrow's date in 2025: born 1925
    [InlineData("850372-1238", "19850372-T238")]   // samordningsnummer: day 12 + 60, kept
    public void Every_common_form_becomes_the_ivo_code(string number, string code)
    {
        Assert.Equal(PersonNumber.Outcome.Ok, PersonNumber.ToIvoCode(number, ImportDay, out var ivo, out var samordning));
        Assert.Equal(code, ivo);
        Assert.Equal(number.StartsWith("850372", StringComparison.Ordinal), samordning);
        Assert.Equal(PersonCode.Kind.IvoCode, PersonCode.Classify(ivo));
    }

    [Theory]
    [InlineData("19850312-1235", PersonNumber.Outcome.WrongCheckDigit)]
    [InlineData("19850230-1230", PersonNumber.Outcome.NoSuchDate)]   // 30 February, Luhn right
    [InlineData("20260101-1238", PersonNumber.Outcome.Future)]
    [InlineData("19850312-T231", PersonNumber.Outcome.NotAPersonNumber)]
    [InlineData("P-4711", PersonNumber.Outcome.NotAPersonNumber)]
    public void A_wrong_number_says_why(string number, PersonNumber.Outcome outcome) =>
        Assert.Equal(outcome, PersonNumber.ToIvoCode(number, ImportDay, out _, out _));

    [Fact]
    public void The_samordningsnummer_code_has_the_real_birth_date()
    {
        Assert.Equal(new DateOnly(1985, 3, 12), PersonCode.BirthDate("19850372-T238"));
    }

    private const string NoKon = "beslut_id;personnummer;lag;verksamhet;insats;beslutsdatum";

    [Fact]
    public void Without_a_kon_column_kon_is_the_kon_digit_and_a_samordningsnummer_is_warned_about_once()
    {
        var path = TestEnv.WriteRecords(_env.PathOf("utan-kon.csv"),
            ["A-1;19850312-1249;SoL;ÄO;Hemtjänst;2025-01-10", "A-2;850372-1238;SoL;ÄO;Hemtjänst;2025-01-11", "A-3;850372-1238;SoL;ÄO;Hemtjänst;2025-01-12"], NoKon);
        var outcome = _env.Importer().Import(path);
        Assert.Equal(["A-1 19850312-T249 K", "A-2 19850372-T238 M", "A-3 19850372-T238 M"],
            _env.Current().OrderBy(d => d.BeslutId).Select(d => $"{d.BeslutId} {d.PersonId} {d.Kon}"));
        Assert.Equal("utan-kon.csv, rad 3, kolumn person_id: filen har samordningsnummer (dag + 60); IVO:s vägledning säger inget om dem, så "
            + "IVO-koden behåller numrets egna siffror (dag 61–91): kontrollera med IVO att det är så de vill ha dem.", Assert.Single(outcome.Warnings).ToString());
    }

    [Fact]
    public void Without_a_kon_column_a_pseudonym_has_no_kon_to_give()
    {
        var path = TestEnv.WriteRecords(_env.PathOf("pseudonym.csv"), ["A-1;P-4711;SoL;ÄO;Hemtjänst;2025-01-10"], NoKon);
        var e = Refused(_env, () => _env.Importer().Import(path));
        Assert.Equal("pseudonym.csv, rad 2, kolumn kon: kön saknas: filen har ingen kolumn kon, och en pseudonym har ingen könssiffra att läsa kön ur.", Single(e));
    }

    [Fact]
    public void An_xlsx_with_personnummer_is_archived_as_a_csv_copy_with_ivo_codes_and_recorded_so()
    {
        var header = TestEnv.RecordHeader.Split(';');
        var path = _env.PathOf("pnr.xlsx");
        RawXlsx.Write(path, [new RawXlsx.Sheet("Beslut", RawXlsx.SheetXml(header, Good.Replace("19390601-T490", "n:193906011238").Split(';')))]);
        _env.Importer().Import(path);
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));
        var archived = Assert.Single(Directory.GetFiles(_env.PathOf("archive")));
        Assert.Equal(sha + ".csv", Path.GetFileName(archived));
        Assert.Equal([0xEF, 0xBB, 0xBF], File.ReadAllBytes(archived)[..3]); // UTF-8 with BOM, as Excel wants it
        Assert.Equal(TestEnv.RecordHeader + "\r\n" + Good.Replace("19390601-T490", "19390601-T238").TrimEnd(';') + "\r\n", File.ReadAllText(archived));
        using var c = _env.Db.Open();
        Assert.Equal(archived, c.ExecuteScalar<string>("SELECT archive_path FROM imports"));
        Assert.Equal("19390601-T238", Assert.Single(_env.Current()).PersonId);
    }

    [Fact]
    public void A_file_whose_first_row_has_an_ivo_code_and_a_later_one_a_personnummer_is_archived_with_ivo_codes_too()
    {
        var path = Csv(_env, "blandad.csv", Good, Good.Replace("A-1", "A-2").Replace("19390601-T490", "390601-1238"));
        _env.Importer().Import(path);
        var archived = Assert.Single(Directory.GetFiles(_env.PathOf("archive")));
        Assert.Equal([TestEnv.RecordHeader, Good, Good.Replace("A-1", "A-2").Replace("19390601-T490", "19390601-T238")], File.ReadAllLines(archived));
    }

    [Fact]
    public void The_dry_run_counts_like_an_import_and_leaves_the_database_and_archive_as_they_were()
    {
        _env.Importer().Import(Csv(_env, "forsta.csv", Good));
        var path = Csv(_env, "andra.csv", Good, Good.Replace("A-1", "A-2"));
        var before = Snapshot(_env.Db.Path);
        var outcome = _env.Importer().Check(path);
        Assert.Equal("andra.csv: kontrollerad, inget sparat. En import skulle ge 2 beslut (1 nya, 0 ändrade, 1 oförändrade).", outcome.Summary);
        Assert.Equal(before, Snapshot(_env.Db.Path));
        Assert.Single(Directory.GetFiles(_env.PathOf("archive")));
        Assert.Equal(1, _env.Importer().Import(path).New); // and the import itself, after it, does what it said
    }

    [Theory]
    [InlineData("Kolumner:beslutsnr:0", "Ärende-ID",
        "appsettings.json: StatsReporting:Import:Kolumner:beslutsnr: 'beslutsnr' är ingen kolumn i beslutsunderlaget (ange en av beslut_id, person_id, kon, lag, "
        + "verksamhet, insats, enhet, beslutsdatum, avbrottsdatum, verkstallt_datum, avslutat_datum, orsak, kommentar, fodelsedatum, namnd).")]
    [InlineData("Kolumner:beslut_id:0", "Kön",
        "appsettings.json: StatsReporting:Import:Kolumner:beslut_id: rubriken 'Kön' hör redan till kolumnen kon; en rubrik kan bara höra till en kolumn.")]
    [InlineData("Varden:kon:X:0", "Okänd", "appsettings.json: StatsReporting:Import:Varden:kon:X: 'X' är inget värde för kon (ange K eller M).")]
    [InlineData("Varden:insats:Hemtjänst:0", "HT",
        "appsettings.json: StatsReporting:Import:Varden:insats: insats har egna alias i katalogen (Catalog:InsatsAliases, Catalog:Orsaker:Aliases); ange dem där.")]
    public void A_wrong_mapping_fails_at_start_up_with_its_key_named(string key, string value, string message)
    {
        var config = new ConfigurationBuilder().AddConfiguration(SettingsFile.Load(AppContext.BaseDirectory))
            .AddInMemoryCollection(new Dictionary<string, string?> { [$"StatsReporting:Import:{key}"] = value }).Build();
        Assert.Equal(message, Assert.Throws<InvalidOperationException>(() => Installation.From(config)).Message);
    }

    [Fact]
    public void A_word_under_two_values_fails_at_start_up()
    {
        var config = new ConfigurationBuilder().AddConfiguration(SettingsFile.Load(AppContext.BaseDirectory))
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["StatsReporting:Import:Varden:lag:SoL:0"] = "Lag 1", ["StatsReporting:Import:Varden:lag:LSS:0"] = "lag-1",
            }).Build();
        Assert.Equal("appsettings.json: StatsReporting:Import:Varden:lag: ordet 'Lag 1' står under både LSS och SoL; ett ord kan bara betyda en sak.",
            Assert.Throws<InvalidOperationException>(() => Installation.From(config)).Message);
    }
}
