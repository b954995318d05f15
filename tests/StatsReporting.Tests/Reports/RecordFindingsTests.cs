using System.Text.Json;
using StatsReporting.Checks;
using StatsReporting.Decisions;
using StatsReporting.Tests.Support;

namespace StatsReporting.Tests.Reports;

/// Record-level findings for a quarter on a small constructed history, read back from kontroller-<P>.json and the
/// Kontroller sheet.
public class RecordFindingsTests : IDisposable
{
    private readonly TestEnv _env = new();
    public void Dispose() => _env.Dispose();

    private string Csv(string name, params string[] rows) => TestEnv.WriteRecords(_env.PathOf(name), rows);

    // R-1 is first late on 2024-08-16 (2024Q3): 2025Q2 is its fourth reportable quarter.
    private const string FourthQuarter = "R-1;19400101-T010;M;SoL;ÄO;Särskilt boende;;2024-05-15;;;;SAKNAS_PLATS;hemlig kommentar";
    // R-2 is open at the end of 2025Q2 and has no orsak.
    private const string NoOrsak = "R-2;19400101-T020;K;SoL;ÄO;Kontaktperson;;2025-01-10;;;;;";
    // the same person, insats and beslutsdatum under two ids.
    private const string Twin1 = "R-3;19400101-T030;M;SoL;IFO;Kontaktfamilj;;2025-01-20;;;;SAKNAS_PLATS;";
    private const string Twin2 = "R-4;19400101-T030;M;SoL;IFO;Kontaktfamilj;;2025-01-20;;;;SAKNAS_PLATS;";
    // R-5 is open in the first export and missing from the second.
    private const string Vanishes = "R-5;19400101-T040;K;SoL;ÄO;Hemtjänst;;2025-02-01;;;;TACKAT_NEJ;";
    // R-6 is verkställt late without an orsak: reportable, but not open, so no finding.
    private const string DoneLate = "R-6;19400101-T050;M;SoL;ÄO;Hemtjänst;;2025-01-05;;2025-05-20;;;";
    private const string Lss = "L-1;19400101-T060;K;LSS;;9 § 4;;2025-01-05;;;;MATCHNING;";

    [Fact]
    public void Duplicates_vanished_fourth_quarter_and_missing_orsak_are_found_once_each_without_personal_data()
    {
        _env.Importer().Import(Csv("q1.csv", FourthQuarter, NoOrsak, Twin1, Twin2, Vanishes, DoneLate, Lss));
        _env.Importer().Import(Csv("q2.csv", FourthQuarter, NoOrsak, Twin1, Twin2, DoneLate, Lss));
        var q = Period.Parse("2025Q2");
        var files = _env.Reports().Write(q, q.End, _env.PathOf("reports"));

        var json = File.ReadAllText(files.Single(f => f.Path.EndsWith("kontroller-2025Q2.json")).Path);
        var findings = Finding.FromJson(json);
        Assert.Equal([
            (FindingKind.Duplicate, "R-3, R-4"), (FindingKind.Vanished, "R-5"), (FindingKind.LongRunning, "R-1"), (FindingKind.MissingOrsak, "R-2"),
        ], findings.Select(f => (f.Kind, f.Row)));
        Assert.All(findings, f => Assert.Equal(("SoL", "Beslut SoL"), (f.Law, f.Table)));
        Assert.Equal(4, findings.Single(f => f.Kind == FindingKind.LongRunning).Computed);
        Assert.Equal("Beslut R-1 rapporteras för fjärde kvartalet i följd (första gången kvartal 3 2024).", findings[2].Message);
        Assert.DoesNotContain("19400101", json);
        Assert.DoesNotContain("hemlig", json);

        var sol = Xlsx.Read(files.Single(f => f.Path.EndsWith("evb-sol-2025Q2.xlsx")).Path)["Kontroller"];
        Assert.Equal(findings.Select(f => f.Text), sol.Skip(1).Select(r => r[0]));
        Assert.Equal(["Inga avvikelser"], Xlsx.Read(files.Single(f => f.Path.EndsWith("evb-lss-2025Q2.xlsx")).Path)["Kontroller"][1]);
        Assert.Contains(files, f => f.Kind == "Kontroller (4 avvikelser)");
    }

    [Fact]
    public void A_case_in_its_third_quarter_is_not_yet_long_running()
    {
        var d = new Decision
        {
            BeslutId = "X", PersonId = "p", Kon = Kon.K, Lag = Lag.SoL, Verksamhet = "ÄO", Insats = "Särskilt boende",
            Beslutsdatum = new DateOnly(2024, 8, 15), Orsak = "SAKNAS_PLATS",
        };
        var q = Period.Parse("2025Q2");
        Assert.Empty(RecordChecks.For([d], Lag.SoL, q, q.End, []));
        Assert.Single(RecordChecks.For([d], Lag.SoL, q.Next, q.Next.End, []));
    }
}
