using StatsReporting.Tests.Support;

namespace StatsReporting.Tests.Cli;

/// The CLI's contract, run in-process through its real entry point.
[Collection("Console")]
public class CliTests : IDisposable
{
    private readonly TestEnv _env = new();
    public void Dispose() => _env.Dispose();

    private static (int Code, string Out, string Err) Cli(params string[] args) => CliInProcess.Run(args);

    [Fact]
    public void Run_imports_the_inbox_and_writes_both_workbooks_and_is_safe_to_run_again()
    {
        var inbox = Directory.CreateDirectory(_env.PathOf("inbox")).FullName;
        File.Copy(TestEnv.SampleCsv, Path.Combine(inbox, "beslut.csv"));
        string[] args = ["run", "--period", "2025Q2", "--db", _env.PathOf("cli.db"), "--inbox", inbox, "--out", _env.PathOf("out")];

        var first = Cli(args);
        Assert.Equal(0, first.Code);
        Assert.Contains("beslut.csv: 309 beslut importerade som import 1 (309 nya, 0 ändrade, 0 oförändrade).", first.Out);
        var sol = Xlsx.Read(_env.PathOf("out/2025Q2/evb-sol-2025Q2.xlsx"));
        Assert.Equal([44, 38, 82], Xlsx.Numbers(sol["Sammanställning"], "Totalt samtliga verksamheter"));
        Assert.True(File.Exists(_env.PathOf("out/2025Q2/evb-lss-2025Q2.xlsx")));
        Assert.Single(Directory.GetFiles(_env.PathOf("archive")));
        // The individrapport holds personal data: beside the database, never among the KF outputs.
        Assert.True(File.Exists(_env.PathOf("ivo/2025Q2/ivo-individrapport-2025Q2.csv")));
        Assert.Empty(Directory.GetFiles(_env.PathOf("out"), "ivo*", SearchOption.AllDirectories));

        var again = Cli(args);
        Assert.Equal(0, again.Code);
        Assert.Contains("beslut.csv: redan importerad (import 1), inget ändrat.", again.Out);
        Assert.Equal([44, 38, 82], Xlsx.Numbers(Xlsx.Read(_env.PathOf("out/2025Q2/evb-sol-2025Q2.xlsx"))["Sammanställning"], "Totalt samtliga verksamheter"));
    }

    [Fact]
    public void Import_of_a_bad_file_exits_1_with_the_Swedish_error_and_stores_nothing()
    {
        var bad = _env.PathOf("bad.csv");
        File.WriteAllText(bad, "beslut_id;person_id;kon;lag;verksamhet;insats;beslutsdatum\nX-1;p-1;K;SoL;ÄO;Särskilt boende;2025-02-30\n");
        var r = Cli("import", bad, "--db", _env.PathOf("cli.db"));
        Assert.Equal(1, r.Code);
        Assert.Contains("bad.csv, rad 2, kolumn beslutsdatum: '2025-02-30' är inget giltigt datum", r.Err);
        Assert.Contains("Inget från filen har sparats.", r.Err);
        Assert.False(Directory.Exists(_env.PathOf("archive")));
    }

    [Theory]
    [InlineData(new[] { "report", "--period", "2025Q5" }, "ogiltig period '2025Q5'")]
    [InlineData(new[] { "report" }, "--period saknas")]
    [InlineData(new[] { "ivo", "--period", "0001Q1" }, "ogiltig period '0001Q1'")]
    [InlineData(new[] { "report", "--period", "2025Q2", "--as-of", "30/6" }, "ogiltigt datum '30/6'")]
    [InlineData(new[] { "ivo", "status", "--today", "2025-13-01" }, "ogiltigt datum '2025-13-01' för --today")]
    [InlineData(new[] { "import" }, "ange minst en fil")]
    [InlineData(new[] { "report", "--period", "2025Q2", "--asof", "2025-07-01" }, "okänd flagga '--asof' för report. Menade du '--as-of'?")]
    [InlineData(new[] { "check", "tabell.csv", "--compar", "annan.csv" }, "okänd flagga '--compar' för check. Menade du '--compare'?")]
    [InlineData(new[] { "report", "--period=2025Q5" }, "ogiltig period '2025Q5'")]
    [InlineData(new[] { "report", "--period", "2025Q2", "--out", " " }, "--out saknar värde")]
    [InlineData(new[] { "serve", "--urls", "127.0.0.1:5080" }, "ogiltig adress '127.0.0.1:5080' för --urls (skriv t.ex. http://127.0.0.1:5080)")]
    public void Usage_errors_exit_2_and_say_what_is_wrong(string[] args, string message)
    {
        var r = Cli([.. args, "--db", _env.PathOf("cli.db")]);
        Assert.Equal(2, r.Code);
        Assert.Contains(message, r.Err);
    }

    [Theory]
    [InlineData("import")]
    [InlineData("check")]
    [InlineData("import-table")]
    public void A_folder_given_as_the_file_is_named_as_a_folder(string verb)
    {
        var folder = Directory.CreateDirectory(_env.PathOf("tabell.csv")).FullName;
        string[] options = verb == "import-table" ? ["--period", "2024Q4", "--law", "SoL"] : [];
        var r = Cli([verb, folder, .. options, "--db", _env.PathOf("cli.db")]);
        Assert.Equal(2, r.Code);
        Assert.Contains($"'{folder}' är en mapp, inte en fil.", r.Err);
    }

    [Fact]
    public void A_database_path_that_is_a_folder_or_not_a_database_is_a_Swedish_error_without_a_stack_trace()
    {
        var notADatabase = _env.PathOf("beslut.csv");
        File.Copy(TestEnv.SampleCsv, notADatabase);
        var before = File.ReadAllBytes(notADatabase);
        foreach (var (db, reason) in new[] { (_env.Dir, "kan inte öppnas eller skapas"), (notADatabase, "är ingen SQLite-databas") })
        {
            var r = Cli("report", "--period", "2025Q2", "--db", db, "--out", _env.PathOf("out"));
            Assert.Equal(1, r.Code);
            Assert.StartsWith($"Fel: Databasen '{db}' kan inte användas: filen {reason}", r.Err);
            Assert.DoesNotContain("   at ", r.Err);
        }
        Assert.Equal(before, File.ReadAllBytes(notADatabase));
    }

    [Theory]
    [InlineData("report", "out")]
    [InlineData("run", "out")]
    [InlineData("run", "inbox")]
    [InlineData("ivo", "out")]
    public void A_file_given_as_a_folder_is_a_Swedish_usage_error(string verb, string option)
    {
        var file = _env.PathOf("en-fil");
        File.WriteAllText(file, "");
        var r = Cli(verb, "--period", "2025Q2", $"--{option}", file, "--db", _env.PathOf("cli.db"));
        Assert.Equal(2, r.Code);
        Assert.Contains($"--{option}: '{file}' är en fil, inte en mapp.", r.Err);
    }

    [Fact]
    public void Report_with_an_as_of_date_before_the_quarters_end_is_refused()
    {
        var r = Cli("report", "--period", "2025Q2", "--as-of", "2025-06-01", "--db", _env.PathOf("cli.db"), "--out", _env.PathOf("out"));
        Assert.Equal(1, r.Code);
        Assert.Contains("Rapportdatum 2025-06-01 ligger före kvartalets sista dag 2025-06-30.", r.Err);
    }

    [Fact]
    public void Report_puts_arendenr_and_handlaggare_into_the_tjansteskrivelse()
    {
        string db = _env.PathOf("cli.db"), out1 = _env.PathOf("out");
        Assert.Equal(0, Cli("import", TestEnv.SampleCsv, "--db", db).Code);
        Assert.Equal(0, Cli("report", "--period", "2025Q2", "--db", db, "--out", out1, "--arendenr", "SN 2025/117", "--handlaggare", "Anna Andersson, utredare").Code);
        using var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(Path.Combine(out1, "2025Q2", "tjansteskrivelse-sol-2025Q2.docx"), false);
        var lines = doc.MainDocumentPart!.Document.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Contains("Ärendenr: SN 2025/117", lines);
        Assert.Contains("Handläggare: Anna Andersson, utredare", lines);
        var tooLong = Cli("report", "--period", "2025Q2", "--db", db, "--out", out1, "--arendenr", new string('x', 201));
        Assert.Equal(2, tooLong.Code);
        Assert.Contains("--arendenr är för lång (högst 200 tecken).", tooLong.Err);
    }

    [Fact]
    public void Report_with_import_remakes_an_old_quarter_from_the_records_as_they_stood_then()
    {
        string db = _env.PathOf("cli.db"), out1 = _env.PathOf("then"), out2 = _env.PathOf("now");
        Assert.Equal(0, Cli("import", TestEnv.SampleCsv, "--db", db).Code);
        // The next snapshot says A-0004 (Särskilt boende ÄO, beslut 2024-07-27) was verkställt 2024-10-01, before its
        // deadline: it leaves 2024Q4, which the first snapshot's report counted.
        var lines = File.ReadAllLines(TestEnv.SampleCsv).Select(l => l.StartsWith("A-0004;") ? l.Replace(";2024-07-27;;;;", ";2024-07-27;;2024-10-01;;") : l);
        var next = TestEnv.WriteRecords(_env.PathOf("snapshot2.csv"), lines.Skip(1), lines.First().TrimStart('\uFEFF'));
        Assert.Equal(0, Cli("import", next, "--db", db).Code);

        Assert.Equal(0, Cli("report", "--period", "2024Q4", "--import", "1", "--db", db, "--out", out1).Code);
        Assert.Equal(0, Cli("report", "--period", "2024Q4", "--db", db, "--out", out2).Code);

        var then = Xlsx.Read(Path.Combine(out1, "2024Q4", "evb-sol-2024Q4.xlsx"));
        var now = Xlsx.Read(Path.Combine(out2, "2024Q4", "evb-sol-2024Q4.xlsx"));
        Assert.Equal(95, Xlsx.Numbers(then["Sammanställning"], "Totalt samtliga verksamheter")[^1]);
        Assert.Equal(35, Xlsx.Numbers(then["Sammanställning"], "Särskilt boende, ÄO")[^1]);
        Assert.Equal(94, Xlsx.Numbers(now["Sammanställning"], "Totalt samtliga verksamheter")[^1]);
        Assert.Equal(34, Xlsx.Numbers(now["Sammanställning"], "Särskilt boende, ÄO")[^1]);
        // The document names the day the records were taken out, never a file name or an import number.
        Assert.Matches(@"^Underlaget är uttaget ur verksamhetssystemet den \d+ [a-zåäö]+ \d{4}\.$", then["Text"][^1][0]);
        Assert.Matches(@"^Underlaget är uttaget ur verksamhetssystemet den \d+ [a-zåäö]+ \d{4}\.$", now["Text"][^1][0]);

        var missing = Cli("report", "--period", "2024Q4", "--import", "7", "--db", db, "--out", out1);
        Assert.Equal(1, missing.Code);
        Assert.Contains("Import 7 finns inte i databasen.", missing.Err);
    }
}
