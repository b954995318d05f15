using Dapper;
using StatsReporting.Decisions;
using StatsReporting.Import;
using StatsReporting.Reports;
using StatsReporting.Tests.Support;
using StatsReporting.Jobs;

namespace StatsReporting.Tests.Namnder;

/// Issue 15: two nämnder in one database, each with its own decisions, imports and outputs, and the kommun summary.
public class NamndDataTests : IDisposable
{
    private readonly TwoNamnder _t = new();
    public void Dispose() => _t.Dispose();

    [Fact]
    public void The_same_file_under_two_namnder_gives_each_its_own_workbooks_and_the_kommun_summary_their_sum()
    {
        Assert.Equal(309, _t.Importer(_t.A).Import(TestEnv.SampleCsv).New);
        // The same file and the same beslut_id under b: b's own import and b's own 309 decisions, not "redan importerad".
        var b = _t.Importer(_t.B).Import(TestEnv.SampleCsv);
        Assert.Equal((false, 309), (b.AlreadyImported, b.New));
        _t.Report(_t.A);
        _t.Report(_t.B);

        Assert.Equal([44, 38, 82], _t.Total(_t.A, Lag.SoL));
        Assert.Equal([44, 38, 82], _t.Total(_t.B, Lag.SoL));
        Assert.Equal([35, 16, 51], _t.Total(_t.B, Lag.LSS));

        var file = Assert.Single(KommunSummaries.Write(_t.Settings, _t.Env.Db, TwoNamnder.Q2, TwoNamnder.Q2.End, _t.Out));
        Assert.Equal(Path.Combine(_t.Out, "2025Q2", "EVB 2025 kv2 Exempelkommunen.xlsx"), file.Path);
        var sheets = Xlsx.Read(file.Path);
        Assert.Equal(["Översikt SoL", "SoL Socialnämnden", "SoL Vård- och omsorgsnämnden", "SoL kommunen",
            "Översikt LSS", "LSS Socialnämnden", "LSS Vård- och omsorgsnämnden", "LSS kommunen"], sheets.Keys);
        Assert.Equal([88, 76, 164], Xlsx.Numbers(sheets["SoL kommunen"], "Totalt samtliga verksamheter"));
        // LSS is configured Män first (Report:KonOrder), SoL Kvinnor first: the summary writes every sheet in SoL's order.
        Assert.All(sheets.Values, sheet => Assert.Equal(["Kvinnor", "Män", "Summa total"], sheet[0].Skip(1)));
        Assert.Equal([32, 70, 102], Xlsx.Numbers(sheets["LSS kommunen"], "Summa total"));
        Assert.Equal([44, 38, 82], Xlsx.Numbers(sheets["Översikt SoL"], "Vård- och omsorgsnämnden"));
        Assert.Equal([88, 76, 164], Xlsx.Numbers(sheets["Översikt SoL"], "Totalt kommunen"));
        Assert.Equal([32, 70, 102], Xlsx.Numbers(sheets["Översikt LSS"], "Totalt kommunen"));
        Assert.Equal([16, 35, 51], Xlsx.Numbers(sheets["LSS Socialnämnden"], "Summa total"));
        using var doc = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(file.Path, false);
        Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2016).Validate(doc)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}"));
    }

    [Fact]
    public void A_record_changed_only_in_b_changes_only_b()
    {
        _t.Importer(_t.A).Import(TestEnv.SampleCsv);
        _t.Importer(_t.B).Import(TestEnv.SampleCsv);
        // A-0119 (man, SoL, Kontaktperson OF, beslut 2024-10-14, not verkställt) is verkställt 2025-01-20 in b's next export.
        var lines = File.ReadAllLines(TestEnv.SampleCsv).Select(l => l.StartsWith("A-0119;", StringComparison.Ordinal)
            ? l.Replace(";2024-10-14;;;;MATCHNING;", ";2024-10-14;;2025-01-20;;MATCHNING;", StringComparison.Ordinal) : l).ToList();
        var changed = _t.Env.PathOf("b-ny.csv");
        File.WriteAllLines(changed, lines, new System.Text.UTF8Encoding(false));
        var outcome = _t.Importer(_t.B).Import(changed);
        Assert.Equal((1, 308), (outcome.Changed, outcome.Unchanged));
        _t.Report(_t.A);
        _t.Report(_t.B);

        Assert.Equal([44, 38, 82], _t.Total(_t.A, Lag.SoL));
        Assert.Equal([44, 37, 81], _t.Total(_t.B, Lag.SoL));
        using var c = _t.Env.Db.Open();
        Assert.Equal([("a", 309L), ("b", 310L)], c.Query<(string, long)>("SELECT namnd, COUNT(*) FROM decision_versions GROUP BY namnd ORDER BY namnd"));
        Assert.Equal(2, c.ExecuteScalar<long>("SELECT COUNT(*) FROM decision_versions WHERE namnd = 'b' AND beslut_id = 'A-0119'"));
    }

    [Fact]
    public void A_namnd_column_must_name_the_namnd_the_file_is_imported_under()
    {
        var rows = new[] { "X-1;19400101-T010;M;SoL;ÄO;Särskilt boende;;2025-01-10;;;;SAKNAS_PLATS;;a", "X-2;19400101-T020;K;SoL;ÄO;Särskilt boende;;2025-01-11;;;;SAKNAS_PLATS;;b" };
        var file = TestEnv.WriteRecords(_t.Env.PathOf("namnd.csv"), rows, TestEnv.RecordHeader + ";namnd");
        var e = Assert.Throws<ImportFailedException>(() => _t.Importer(_t.A).Import(file));
        Assert.Equal("namnd.csv, rad 3, kolumn namnd: nämnden 'b' stämmer inte med nämnden filen importeras till (a); ange rätt --namnd eller rätta kolumnen.",
            Assert.Single(e.Errors).ToString());
        using (var c = _t.Env.Db.Open()) Assert.Equal(0, c.ExecuteScalar<long>("SELECT COUNT(*) FROM decision_versions"));

        var good = TestEnv.WriteRecords(_t.Env.PathOf("namnd-a.csv"), [rows[0]], TestEnv.RecordHeader + ";namnd");
        Assert.Equal(1, _t.Importer(_t.A).Import(good).New);
    }

    [Fact]
    public void The_kommun_summary_checker_finds_a_kommun_total_that_is_not_the_sum_of_its_namnder()
    {
        _t.Importer(_t.A).Import(TestEnv.SampleCsv);
        _t.Importer(_t.B).Import(TestEnv.SampleCsv);
        var namnder = new[] { _t.A, _t.B }.Select(n => new NamndReports(n.Name, _t.Reports(n).Build(TwoNamnder.Q2, TwoNamnder.Q2.End))).ToList();
        var tables = KommunSummary.Tables(Lag.SoL, namnder);
        Assert.Empty(KommunSummary.Check(tables));
        var overview = tables[0];
        var broken = overview with { Rows = [overview.Rows[0], overview.Rows[1] with { Values = [44, 37, 81] }, overview.Rows[2]] };
        var findings = KommunSummary.Check([broken]);
        // Totalt kommunen says 88/76/164, the nämnder now sum to 88/75/163: the M and Summa columns are wrong, K is not.
        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal("Totalt kommunen", f.Row));
    }

    [Fact]
    public void The_same_published_table_and_the_same_pseudonym_are_stored_for_each_namnd()
    {
        var table = Path.Combine(AppContext.BaseDirectory, "Fixtures", "published", "sol-2025Q2-tabell.csv");
        var a = global::StatsReporting.Checks.PublishedTableStore.Import(_t.Env.Db.For("a"), table, Lag.SoL, TwoNamnder.Q2, _t.Env.Clock);
        var b = global::StatsReporting.Checks.PublishedTableStore.Import(_t.Env.Db.For("b"), table, Lag.SoL, TwoNamnder.Q2, _t.Env.Clock);
        Assert.Equal((false, false), (a.AlreadyImported, b.AlreadyImported));
        Assert.NotEqual(a.Id, b.Id);
        Assert.True(global::StatsReporting.Checks.PublishedTableStore.Import(_t.Env.Db.For("b"), table, Lag.SoL, TwoNamnder.Q2, _t.Env.Clock).AlreadyImported);

        var rows = new[] { "P-1;KLIENT-17;K;SoL;ÄO;Särskilt boende;;2025-01-10;;;;SAKNAS_PLATS;" };
        var file = TestEnv.WriteRecords(_t.Env.PathOf("pseudonym.csv"), rows);
        foreach (var n in new[] { _t.A, _t.B })
        {
            _t.Importer(n).Import(file);
            var codes = new global::StatsReporting.Ivo.IvoStore(_t.Env.Db.For(n.Code)).Codes(StatsReporting.Records.DecisionStore.Current(_t.Env.Db.For(n.Code)), _t.Env.Clock.GetUtcNow());
            Assert.True(codes.ContainsKey("KLIENT-17"));
        }
        using var c = _t.Env.Db.Open();
        Assert.Equal([("a", 1L), ("b", 1L)], c.Query<(string, long)>("SELECT namnd, COUNT(*) FROM ivo_person_codes GROUP BY namnd ORDER BY namnd"));
    }
}
