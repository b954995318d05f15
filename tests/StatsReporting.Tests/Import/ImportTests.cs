using System.Security.Cryptography;
using System.Text;
using ClosedXML.Excel;
using Dapper;
using StatsReporting.Decisions;
using StatsReporting.Import;
using StatsReporting.Tests.Support;

namespace StatsReporting.Tests.Import;

public class ImportTests : IDisposable
{
    private readonly TestEnv _env = new();
    public void Dispose() => _env.Dispose();

    private static string[] SampleLines() => File.ReadAllText(TestEnv.SampleCsv).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

    private string WriteCsv(string name, IEnumerable<string> lines, Encoding? enc = null)
    {
        var path = _env.PathOf(name);
        File.WriteAllText(path, string.Join("\r\n", lines) + "\r\n", enc ?? new UTF8Encoding(false));
        return path;
    }

    private string DbHash() => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(_env.Db.Path)));

    [Fact]
    public void Sample_imports_309_decisions()
    {
        var outcome = _env.Importer().Import(TestEnv.SampleCsv);
        Assert.Equal((309, 309, 0, 0), (outcome.Rows, outcome.New, outcome.Changed, outcome.Unchanged));
        Assert.Equal(309, _env.Current().Count);
    }

    [Fact]
    public void Dates_are_stored_as_the_iso_text_the_file_wrote_with_the_first_late_day_beside_them()
    {
        _env.Importer().Import(TestEnv.SampleCsv);
        using var c = _env.Db.Open();
        // A-0283: beslut 2024-08-02, verkställt 2024-11-21, three months to 2024-11-02, late from the day after.
        var row = c.QuerySingle<(string, string?, string, string?, string)>(
            "SELECT beslutsdatum, avbrottsdatum, verkstallt_datum, avslutat_datum, first_late_day FROM decision_versions WHERE beslut_id = 'A-0283'");
        Assert.Equal(("2024-08-02", null, "2024-11-21", null, "2024-11-03"), row);
    }

    [Fact]
    public void Every_stored_field_is_the_files_own_text_row_by_row()
    {
        // The store binds a value only when it differs from the row before: a field that is empty after a filled
        // one (or the other way round) must still be stored as this row's own.
        _env.Importer().Import(TestEnv.SampleCsv);
        using var c = _env.Db.Open();
        var stored = c.Query("SELECT beslut_id, person_id, kon, lag, verksamhet, insats, enhet, beslutsdatum, avbrottsdatum, verkstallt_datum, "
            + "avslutat_datum, orsak, kommentar FROM decision_versions ORDER BY id")
            .Select(r => string.Join(";", ((IDictionary<string, object?>)r).Values.Select(v => v as string ?? ""))).ToList();
        Assert.Equal(SampleLines().Skip(1), stored);
    }

    [Fact]
    public void Negative_controls_appear_in_no_quarter_the_records_cover()
    {
        // A-0307 was verkställt within three months; A-0308 and A-0309 are still open but their three months had not
        // passed by 2025-06-30, the last day these records describe. Later quarters need later records.
        _env.Importer().Import(TestEnv.SampleCsv);
        var controls = _env.Current().Where(d => d.BeslutId is "A-0307" or "A-0308" or "A-0309").ToList();
        Assert.Equal(3, controls.Count);
        foreach (var q in new Period(2025, 2).Window(10))
            Assert.DoesNotContain(controls, d => ReportingRule.IsReportable(d, q));
    }

    [Fact]
    public void A_bad_date_on_row_7_is_refused_naming_row_and_column_and_the_database_is_unchanged()
    {
        _env.Importer().Import(TestEnv.SampleCsv);
        var lines = SampleLines();
        var cells = lines[6].Split(';');
        cells[7] = "2024-13-45";
        lines[6] = string.Join(';', cells);
        var path = WriteCsv("rad7.csv", lines.Select(l => l.Replace("A-0", "B-0")));
        var before = DbHash();

        var e = Assert.Throws<ImportFailedException>(() => _env.Importer().Import(path));

        var error = Assert.Single(e.Errors);
        Assert.Equal((7, "beslutsdatum"), (error.Row, error.Column));
        Assert.Equal("rad7.csv, rad 7, kolumn beslutsdatum: '2024-13-45' är inget giltigt datum (skriv ÅÅÅÅ-MM-DD eller ÅÅÅÅMMDD).", error.ToString());
        Assert.Equal(before, DbHash());
        Assert.Equal(309, _env.Current().Count);
        Assert.DoesNotContain(Directory.EnumerateFiles(_env.PathOf("archive")), f => File.ReadAllText(f).Contains("B-0"));
    }

    [Fact]
    public void Windows1252_with_commas_and_xlsx_import_to_the_same_records_as_the_utf8_file()
    {
        _env.Importer().Import(TestEnv.SampleCsv);
        var expected = _env.Current();

        using var ansi = new TestEnv();
        var cp1252 = WriteCsv("ansi.csv", SampleLines().Select(l => l.Replace(';', ',')), Encoding.GetEncoding(1252));
        Assert.Contains((byte)0xC4, File.ReadAllBytes(cp1252)); // Ä as one Windows-1252 byte
        ansi.Importer().Import(cp1252);
        Assert.Equal(expected, ansi.Current());

        using var xlsx = new TestEnv();
        var xlsxPath = _env.PathOf("beslut.xlsx");
        using (var wb = new XLWorkbook())
        {
            var ws = wb.AddWorksheet("Beslut");
            var rows = SampleLines().Select(l => l.Split(';')).ToList();
            for (var r = 0; r < rows.Count; r++)
                for (var c = 0; c < rows[r].Length; c++)
                {
                    var v = rows[r][c];
                    if (r > 0 && DateTime.TryParseExact(v, "yyyy-MM-dd", null, System.Globalization.DateTimeStyles.None, out var dt))
                        ws.Cell(r + 1, c + 1).Value = dt; // as Excel stores real dates
                    else ws.Cell(r + 1, c + 1).SetValue(v);
                }
            wb.SaveAs(xlsxPath);
        }
        xlsx.Importer().Import(xlsxPath);
        Assert.Equal(expected, xlsx.Current());
    }

    [Fact]
    public void Header_names_match_ignoring_case_accents_spaces_and_underscores()
    {
        var lines = SampleLines().Take(4).ToArray();
        lines[0] = "Beslut-ID;Person ID;Kön;LAG;Verksamhet;Insats;Enhet;Beslutsdatum;Avbrottsdatum;Verkställt datum;Avslutat datum;Orsak;Kommentar";
        _env.Importer().Import(WriteCsv("alias.csv", lines));
        Assert.Equal(3, _env.Current().Count);
    }

    [Fact]
    public void The_same_file_twice_changes_nothing()
    {
        _env.Importer().Import(TestEnv.SampleCsv);
        var before = DbHash();
        var again = _env.Importer().Import(TestEnv.SampleCsv);
        Assert.True(again.AlreadyImported);
        Assert.Equal(before, DbHash());
        Assert.Single(Directory.GetFiles(_env.PathOf("archive")));
    }

    [Fact]
    public void The_archived_file_is_the_original_byte_for_byte_named_by_its_sha256()
    {
        _env.Importer().Import(TestEnv.SampleCsv);
        var bytes = File.ReadAllBytes(TestEnv.SampleCsv);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Assert.Equal(bytes, File.ReadAllBytes(_env.PathOf($"archive/{sha}.csv")));
        using var c = _env.Db.Open();
        Assert.Equal(sha, c.ExecuteScalar<string>("SELECT sha256 FROM imports"));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void The_database_and_the_archived_file_are_owner_only()
    {
        using var env = new TestEnv();
        var db = new StatsReporting.Storage.Db(env.PathOf("ny/mapp/evb.db"));
        db.Migrate();
        new Importer(db, TestEnv.Catalog, env.PathOf("ny/arkiv"), env.Clock).Import(TestEnv.SampleCsv);
        const UnixFileMode rw = UnixFileMode.UserRead | UnixFileMode.UserWrite, rwx = rw | UnixFileMode.UserExecute;
        Assert.Equal(rw, File.GetUnixFileMode(db.Path));
        Assert.Equal(rwx, File.GetUnixFileMode(env.PathOf("ny/mapp")));
        Assert.Equal(rw, File.GetUnixFileMode(Assert.Single(Directory.GetFiles(env.PathOf("ny/arkiv")))));
        Assert.Equal(rwx, File.GetUnixFileMode(env.PathOf("ny/arkiv")));
    }

    [Fact]
    public void A_changed_decision_keeps_its_earlier_version_so_an_old_quarter_is_remade_exactly()
    {
        var first = _env.Importer().Import(TestEnv.SampleCsv);
        // Next snapshot: A-0004 (Särskilt boende ÄO, open since 2024-07-27) was in fact verkställt 2024-10-01,
        // which takes it out of 2024Q4 (done before the quarter began? no: before its first late day).
        var lines = SampleLines().Select(l => l.StartsWith("A-0004;") ? l.Replace(";2024-07-27;;;;", ";2024-07-27;;2024-10-01;;") : l);
        var second = _env.Importer().Import(WriteCsv("snapshot2.csv", lines));
        Assert.Equal((0, 1, 308), (second.New, second.Changed, second.Unchanged));

        using var c = _env.Db.Open();
        var q4 = Period.Parse("2024Q4");
        var before = StatsReporting.Records.DecisionStore.Current(_env.Db, first.ImportId).Count(d => ReportingRule.IsReportable(d, q4));
        var after = StatsReporting.Records.DecisionStore.Current(_env.Db).Count(d => ReportingRule.IsReportable(d, q4));
        Assert.Equal(71 + 95, before);
        Assert.Equal(71 + 95 - 1, after);
        Assert.Equal(2, c.ExecuteScalar<int>("SELECT COUNT(*) FROM decision_versions WHERE beslut_id = 'A-0004'"));
        Assert.Equal(309, c.ExecuteScalar<int>("SELECT COUNT(*) FROM import_decisions WHERE import_id = @id", new { id = second.ImportId }));
    }

    [Theory]
    [InlineData("A-0004;19390601-T490;M;SoL;ÄO;Särskilt boende;;2024-07-27;2024-07-01;;;TACKAT_NEJ;", "avbrottsdatum", "ligger före beslutsdatum")]
    [InlineData("A-0004;19390601-T490;M;SoL;ÄO;Särskilt boende;;2024-07-27;;2024-07-01;;TACKAT_NEJ;", "verkstallt_datum", "ligger före beslutsdatum")]
    [InlineData("A-0004;19390601-T490;M;SoL;ÄO;Särskilt boende;;2024-07-27;;2024-12-01;2024-12-02;;", "avslutat_datum", "både verkstallt_datum och avslutat_datum")]
    [InlineData("A-0004;19390601-T490;M;SoL;ÄO;Särskilt boende;;2099-07-27;;;;TACKAT_NEJ;", "beslutsdatum", "efter importdagen")]
    [InlineData("A-0004;19390601-T490;M;SoL;ÄO;Simskola;;2024-07-27;;;;TACKAT_NEJ;", "insats", "okänd insats 'Simskola' inom ÄO")]
    [InlineData("A-0004;19390601-T490;M;SoL;SKOLA;Särskilt boende;;2024-07-27;;;;TACKAT_NEJ;", "verksamhet", "okänd verksamhet 'SKOLA'")]
    [InlineData("A-0004;19390601-T490;M;HSL;ÄO;Särskilt boende;;2024-07-27;;;;TACKAT_NEJ;", "lag", "okänd lag 'HSL'")]
    [InlineData("A-0004;19390601-T490;K;SoL;ÄO;Särskilt boende;;2024-07-27;;;;TACKAT_NEJ;", "person_id", "könssiffra anger man men kolumnen kon anger kvinna")]
    [InlineData("A-0004;193906011234;M;SoL;ÄO;Särskilt boende;;2024-07-27;;;;TACKAT_NEJ;", "person_id", "personnumrets kontrollsiffra (den sista) stämmer inte")]
    [InlineData("A-0004;193906011238;K;SoL;ÄO;Särskilt boende;;2024-07-27;;;;TACKAT_NEJ;", "person_id", "könssiffra anger man men kolumnen kon anger kvinna")]
    [InlineData("A-0004;193913011239;M;SoL;ÄO;Särskilt boende;;2024-07-27;;;;TACKAT_NEJ;", "person_id", "personnumret har ett datum som inte finns")]
    [InlineData("A-0004;19390601-TF12;K;SoL;ÄO;Särskilt boende;;2024-07-27;;;;TACKAT_NEJ;", "person_id", "könssiffra anger man men kolumnen kon anger kvinna")]
    [InlineData("A-0004;19390601-T400;M;SoL;ÄO;Särskilt boende;;2024-07-27;;;;TACKAT_NEJ;", "person_id", "könssiffra anger kvinna men kolumnen kon anger man")]
    [InlineData("A-0004;19391301-T490;M;SoL;ÄO;Särskilt boende;;2024-07-27;;;;TACKAT_NEJ;", "person_id", "personkoden har fel form")]
    [InlineData("A-0004;19390601-X490;M;SoL;ÄO;Särskilt boende;;2024-07-27;;;;TACKAT_NEJ;", "person_id", "personkoden har fel form")]
    [InlineData("A-0004;19390601-T4901;M;SoL;ÄO;Särskilt boende;;2024-07-27;;;;TACKAT_NEJ;", "person_id", "personkoden har fel form")]
    [InlineData("A-0004;19390601-T490;M;LSS;;9 § 11;;2024-07-27;;;;TACKAT_NEJ;", "insats", "okänd insats '9 § 11' enligt LSS")]
    [InlineData("A-0001;19390601-T490;M;SoL;ÄO;Särskilt boende;;2024-07-27;;;;TACKAT_NEJ;", "beslut_id", "finns redan på rad 2")]
    public void Each_validation_of_spec_2_names_row_and_column(string row3, string column, string message)
    {
        var lines = SampleLines().Take(3).ToArray();
        lines[1] = "A-0001;19470114-T768;K;SoL;ÄO;Särskilt boende;;2024-09-20;;;;TACKAT_NEJ;";
        lines[2] = row3;
        var e = Assert.Throws<ImportFailedException>(() => _env.Importer().Import(WriteCsv("fel.csv", lines)));
        var error = Assert.Single(e.Errors, x => !x.IsWarning);
        Assert.Equal((3, column), (error.Row, error.Column));
        Assert.Contains(message, error.Message);
        Assert.Empty(_env.Current());
    }

    [Fact]
    public void Errors_never_echo_a_person_code_or_a_kommentar()
    {
        var lines = SampleLines().Take(2).ToArray();
        lines[1] = "A-0004;19390601-T490;K;SoL;ÄO;Särskilt boende;;2024-13-27;;;;TACKAT_NEJ;hemlig kommentar";
        var e = Assert.Throws<ImportFailedException>(() => _env.Importer().Import(WriteCsv("pii.csv", lines)));
        Assert.Equal(2, e.Errors.Count);
        Assert.DoesNotContain("19390601", e.Message);
        Assert.DoesNotContain("hemlig", e.Message);
    }

    private const string WithBirthDate =
        "beslut_id;person_id;kon;lag;verksamhet;insats;enhet;beslutsdatum;avbrottsdatum;verkstallt_datum;avslutat_datum;orsak;kommentar;fodelsedatum";

    [Fact]
    public void An_optional_fodelsedatum_is_stored_for_a_pseudonym_and_a_TF_code_of_the_right_kon_imports()
    {
        _env.Importer().Import(WriteCsv("fodelse.csv", [WithBirthDate,
            "P-1;anna-77;K;SoL;ÄO;Hemtjänst;;2025-01-10;;;;SAKNAR_RESURS;;1950-03-04",
            "P-2;19390601-TF13;M;SoL;ÄO;Hemtjänst;;2025-01-10;;;;SAKNAR_RESURS;;19390601"]));
        var stored = _env.Current();
        Assert.Equal(new DateOnly(1950, 3, 4), stored.Single(d => d.BeslutId == "P-1").Fodelsedatum);
        Assert.Equal(new DateOnly(1939, 6, 1), stored.Single(d => d.BeslutId == "P-2").Fodelsedatum);
    }

    [Theory]
    [InlineData("P-1;19390601-T490;M;SoL;ÄO;Hemtjänst;;2025-01-10;;;;SAKNAR_RESURS;;1939-06-02", "födelsedatumet stämmer inte med datumet i personkoden.")]
    [InlineData("P-1;anna-77;K;SoL;ÄO;Hemtjänst;;2025-01-10;;;;SAKNAR_RESURS;;1950-02-30", "födelsedatumet är inget giltigt datum (skriv ÅÅÅÅ-MM-DD eller ÅÅÅÅMMDD).")]
    [InlineData("P-1;anna-77;K;SoL;ÄO;Hemtjänst;;2025-01-10;;;;SAKNAR_RESURS;;2025-01-11", "födelsedatumet ligger efter beslutsdatum.")]
    public void A_wrong_fodelsedatum_is_refused_on_its_row_and_column_without_repeating_it(string row, string message)
    {
        var e = Assert.Throws<ImportFailedException>(() => _env.Importer().Import(WriteCsv("fodelse.csv", [WithBirthDate, row])));
        var error = Assert.Single(e.Errors);
        Assert.Equal((2, "fodelsedatum", message), (error.Row, error.Column, error.Message));
        Assert.DoesNotContain(row.Split(';')[^1], e.Message);
        Assert.Empty(_env.Current());
    }

    [Fact]
    public void A_missing_required_column_is_named_on_row_1()
    {
        var lines = SampleLines().Take(2).Select(l => string.Join(';', l.Split(';').Where((_, i) => i != 7))).ToArray();
        var e = Assert.Throws<ImportFailedException>(() => _env.Importer().Import(WriteCsv("kolumn.csv", lines)));
        Assert.Equal("kolumn.csv, rad 1, kolumn beslutsdatum: kolumnen 'beslutsdatum' saknas i rubrikraden.", Assert.Single(e.Errors).ToString());
    }

    [Fact]
    public void Unknown_free_text_orsak_is_kept_as_written_with_a_warning_and_reported_as_ovrigt()
    {
        var lines = SampleLines().Take(2).ToArray();
        lines[1] = "A-0004;19390601-T490;M;SoL;ÄO;Särskilt boende;;2024-07-27;;;;Väntar på ombyggnad;";
        var outcome = _env.Importer().Import(WriteCsv("fritext.csv", lines));
        Assert.Equal("orsak", Assert.Single(outcome.Warnings).Column);
        Assert.Equal("Väntar på ombyggnad", Assert.Single(_env.Current()).Orsak);
        Assert.Equal("OVRIGT", TestEnv.Catalog.OrsakOrOvrigt("Väntar på ombyggnad").Code);
    }

    [Theory]
    [InlineData("9 § 4")]
    [InlineData("9.4")]
    [InlineData("9:4")]
    [InlineData("Biträde av kontaktperson")]
    public void LSS_insats_is_recognised_in_the_ways_exports_write_it(string insats) =>
        Assert.Equal("9 § 4", TestEnv.Catalog.ResolveInsats(Lag.LSS, null, insats)?.Insats);

    [Theory]
    [InlineData("FUNK", "OF")]
    [InlineData("äo", "ÄO")]
    [InlineData("AO", "ÄO")]
    [InlineData("ifo", "IFO")]
    public void Verksamhet_aliases(string text, string code) => Assert.Equal(code, TestEnv.Catalog.ResolveVerksamhet(text));
}
