using System.Text.Json;
using StatsReporting.Decisions;
using StatsReporting.Reports;
using StatsReporting.Tests.Support;

namespace StatsReporting.Tests.Reports;

/// Every generated table is re-checked before it is written; a table that does not add up is a bug and stops the run.
public class ReportChecksTests : IDisposable
{
    private readonly TestEnv _env = new();
    public void Dispose() => _env.Dispose();

    private static readonly Period Q2 = Period.Parse("2025Q2");

    private IReadOnlyList<KfReport> SampleReports()
    {
        _env.Importer().Import(TestEnv.SampleCsv);
        return _env.Reports().Build(Q2, Q2.End);
    }

    [Fact]
    public void The_sample_quarter_has_no_finding_and_says_where_the_findings_went()
    {
        _env.Importer().Import(TestEnv.SampleCsv);
        var files = _env.Reports().Write(Q2, Q2.End, _env.PathOf("reports"));
        var json = files.Single(f => f.Kind.StartsWith("Kontroller", StringComparison.Ordinal));
        Assert.Equal(_env.PathOf(Path.Combine("reports", "2025Q2", "kontroller-2025Q2.json")), json.Path);
        Assert.Equal("Kontroller (0 avvikelser)", json.Kind);
        Assert.Equal(0, JsonDocument.Parse(File.ReadAllText(json.Path)).RootElement.GetArrayLength());
        var sol = Xlsx.Read(files.Single(f => f.Path.EndsWith("evb-sol-2025Q2.xlsx")).Path);
        Assert.Equal(["Inga avvikelser"], sol["Kontroller"][1]);
    }

    [Fact]
    public void A_sammanstallning_row_that_does_not_add_up_fails_the_run_and_nothing_is_written()
    {
        var reports = SampleReports();
        var sol = reports[0];
        var rows = sol.Sammanstallning.Rows.Select(r => r.Label == "Kontaktperson, OF" ? r with { Values = [1, 2, 2] } : r).ToList();
        var broken = sol with { Sammanstallning = sol.Sammanstallning with { Rows = rows } };
        var dir = _env.PathOf("out");

        var e = Assert.Throws<InconsistentReportException>(() => ReportService.Write([broken, reports[1]], [], [], dir, TestEnv.Catalog, TestEnv.Report));
        Assert.StartsWith("Rapporten skrevs inte", e.Message);
        Assert.Contains("Sammanställning SoL: Kontaktperson, OF: 1 + 2 = 3, men Summa total anger 2.", e.Message);
        Assert.Contains(e.Findings, f => f.Row == "Totalt OF" && f.Column == "Kvinnor");
        Assert.False(Directory.Exists(dir) && Directory.EnumerateFileSystemEntries(dir).Any());
    }

    [Fact]
    public void A_reason_block_that_does_not_sum_to_its_row_fails_the_run()
    {
        var reports = SampleReports();
        var lss = reports[1];
        var blocks = lss.Orsaker.Select((b, i) => i == 0 ? b with { Total = b.Total + 1 } : b).ToList();
        var e = Assert.Throws<InconsistentReportException>(() =>
            ReportService.Write([reports[0], lss with { Orsaker = blocks }], [], [], _env.PathOf("out"), TestEnv.Catalog, TestEnv.Report));
        // The block no longer sums to its Totalt line, and its Totalt no longer matches the Sammanställning.
        Assert.Equal(["orsaker", "jamforelse"], e.Findings.Select(f => f.Kind));
        Assert.All(e.Findings, f => Assert.Equal(lss.Orsaker[0].Label, f.Row));
    }
}
