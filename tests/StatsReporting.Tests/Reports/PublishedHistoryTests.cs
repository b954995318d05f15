using System.Text;
using StatsReporting.Checks;
using StatsReporting.Decisions;
using StatsReporting.Reports;
using StatsReporting.Tests.Checks;
using StatsReporting.Tests.Support;

namespace StatsReporting.Tests.Reports;

/// Published tables stored with import-table fill the Jämförelse for quarters before Report:RecordsFrom (2024Q4).
public class PublishedHistoryTests : IDisposable
{
    private readonly TestEnv _env = new();
    public void Dispose() => _env.Dispose();

    // The SoL comparison column as a municipality printed it for 2024Q3, before its records begin.
    private static readonly string[] Sol2024Q3 =
    [
        ";2024-06-30;2024-09-30",
        "Särskilt boende ÄO;28;30", "Kontaktperson ÄO;10;12", "Totalt ÄO;38;42",
        "Kontaktperson OF;5;7", "Totalt OF;5;7",
        "Bostad IFO;4;5", "Total IFO;4;5",
        "Total samtliga verksamheter;47;54",
    ];

    private string File_(string name, string[] lines)
    {
        var path = _env.PathOf(name);
        File.WriteAllText(path, string.Join("\n", lines), new UTF8Encoding(false));
        return path;
    }

    [Fact]
    public void Import_table_then_report_shows_the_stored_numbers_for_a_quarter_before_RecordsFrom()
    {
        var db = _env.PathOf("cli.db");
        Assert.Equal(0, CliProcess.Run(_env.Dir, "import", TestEnv.SampleCsv, "--db", db).ExitCode);
        var stored = CliProcess.Run(_env.Dir, "import-table", File_("sol-2024Q3.csv", Sol2024Q3), "--period", "2024Q3", "--law", "SoL", "--db", db);
        Assert.Equal((0, "sol-2024Q3.csv: lagrad som SoL 2024Q3 (tabell 1, kolumn 2024-09-30), inga avvikelser."), (stored.ExitCode, stored.Stdout.Trim()));
        var report = CliProcess.Run(_env.Dir, "report", "--period", "2025Q1", "--db", db, "--out", _env.PathOf("reports"));
        Assert.Equal(0, report.ExitCode);
        Assert.Contains($"Kontroller (0 avvikelser): {_env.PathOf(Path.Combine("reports", "2025Q1", "kontroller-2025Q1.json"))}", report.Stdout);

        var sheet = Xlsx.Read(_env.PathOf(Path.Combine("reports", "2025Q1", "evb-sol-2025Q1.xlsx")))["Jämförelse"];
        string[] Row(string label) => sheet.Single(r => r[0] == label)[1..];
        Assert.Equal(["2024-09-30", "2024-12-31", "2025-03-31"], sheet[0][1..]);
        Assert.Equal(["30", "35", "41"], Row("Särskilt boende, ÄO"));
        Assert.Equal(["7", "9", "6"], Row("Kontaktperson, OF"));
        Assert.Equal(["54", "95", "86"], Row("Totalt samtliga verksamheter"));
        // Rows the stored table lacks are "uppgift saknas" (empty), never zero; so is the whole LSS column.
        Assert.Equal(["", "-", "-"], Row("Korttidsboende, ÄO"));
        Assert.Equal(["", "4", "3"], Row("Bostad, IFO / Fyren"));
        var lss = Xlsx.Read(_env.PathOf(Path.Combine("reports", "2025Q1", "evb-lss-2025Q1.xlsx")))["Jämförelse"];
        Assert.Equal(["", "71", "55"], lss.Single(r => r[0] == "Summa total")[1..]);
    }

    [Fact]
    public void Quarter_counts_come_from_records_from_a_stored_table_or_are_null()
    {
        _env.Importer().Import(TestEnv.SampleCsv);
        PublishedTableStore.Import(_env.Db, File_("sol-2024Q3.csv", Sol2024Q3), Lag.SoL, Period.Parse("2024Q3"), _env.Clock);
        var reports = _env.Reports();

        var stored = reports.QuarterCounts(Lag.SoL, Period.Parse("2024Q3"))!.ToDictionary(r => r.Label, r => r.Count);
        Assert.Equal((30, null, 54), (stored["Särskilt boende, ÄO"], stored["Korttidsboende, ÄO"], stored["Totalt samtliga verksamheter"]));
        Assert.Null(reports.QuarterCounts(Lag.SoL, Period.Parse("2024Q2")));
        Assert.Null(reports.QuarterCounts(Lag.LSS, Period.Parse("2024Q3")));
        var records = reports.QuarterCounts(Lag.SoL, Period.Parse("2025Q2"))!.ToDictionary(r => r.Label, r => r.Count);
        Assert.Equal((48, 82), (records["Särskilt boende, ÄO"], records["Totalt samtliga verksamheter"]));
    }

    [Fact]
    public void A_stored_table_that_disagrees_with_the_records_is_a_finding_and_the_records_win()
    {
        _env.Importer().Import(TestEnv.SampleCsv);
        var outcome = PublishedTableStore.Import(_env.Db, Tables.Published("sol-2025Q2-jamforelse.csv"), Lag.SoL, Period.Parse("2025Q2"), _env.Clock);
        Assert.Empty(outcome.Findings);
        var q = Period.Parse("2025Q2");
        var files = _env.Reports().Write(q, q.End, _env.PathOf("reports"));

        var findings = Finding.FromJson(File.ReadAllText(files.Single(f => f.Kind.StartsWith("Kontroller")).Path));
        Assert.Equal(["Kontaktperson, OF | 2025-06-30 / 2025-06-30 | 2 | 3", "Totalt OF | 2025-06-30 / 2025-06-30 | 3 | 4",
            "Totalt samtliga verksamheter | 2025-06-30 / 2025-06-30 | 82 | 83"],
            Tables.Summary(findings));
        Assert.All(findings, f => Assert.Equal(FindingKind.History, f.Kind));
        var sheet = Xlsx.Read(files[0].Path)["Jämförelse"];
        Assert.Equal([9, 6, 2], Xlsx.Numbers(sheet, "Kontaktperson, OF"));
    }

    [Fact]
    public void A_stored_table_keeps_its_findings_and_the_same_file_twice_changes_nothing()
    {
        var path = Tables.Published("sol-2025Q2-tabell.csv");
        var first = PublishedTableStore.Import(_env.Db, path, Lag.SoL, Period.Parse("2024Q3"), _env.Clock);
        var again = PublishedTableStore.Import(_env.Db, path, Lag.SoL, Period.Parse("2024Q3"), _env.Clock);
        Assert.Equal((false, true, first.Id), (first.AlreadyImported, again.AlreadyImported, again.Id));
        using var c = _env.Db.Open();
        var stored = Assert.Single(PublishedTableStore.Latest(c, Lag.SoL));
        Assert.Equal(6, stored.Findings.Count);
        Assert.Equal(("Total IFO", 3L, 5L), (stored.Findings[0].Row, stored.Findings[0].Printed, stored.Findings[0].Computed));
        Assert.Equal("Total IFO", stored.Findings[5].RootCause);
        Assert.Equal([3, 4, 17], stored.Table.Rows.Single(r => r.Label == "Total IFO").Values);
    }
}
