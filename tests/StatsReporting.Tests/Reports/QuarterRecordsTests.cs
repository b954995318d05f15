using Dapper;
using StatsReporting.Decisions;
using StatsReporting.Reports;
using StatsReporting.Tests.Support;

namespace StatsReporting.Tests.Reports;

/// A quarter's records are only the decisions some quarter of its window (the trend's eight) can report, found by
/// each version's stored first late day (migration 0011); a version stored without one is always read, and the next
/// import stores it.
public class QuarterRecordsTests : IDisposable
{
    private readonly TestEnv _env = new();
    public void Dispose() => _env.Dispose();
    private static readonly Period Q2 = new(2025, 2);

    private string Csv(string name, params string[] rows) => TestEnv.WriteRecords(_env.PathOf(name), rows);

    private static string Row(string id, string beslut, string verkstallt = "") =>
        $"{id};19400101-T010;M;SoL;ÄO;Särskilt boende;;{beslut};;{verkstallt};;SAKNAS_PLATS;";

    private string[] Loaded() => QuarterRecords.Load(_env.Db, Q2).Decisions.Select(d => d.BeslutId).ToArray();

    [Fact]
    public void Only_decisions_a_quarter_of_the_window_can_report_are_read()
    {
        _env.Importer().Import(Csv("a.csv",
            Row("S-1", "2025-01-10"),               // first late 2025-04-11, open: reported in 2025Q2
            Row("S-2", "2025-01-10", "2025-03-01"), // verkställt before its first late day: never reported
            Row("S-3", "2025-04-01"),               // first late 2025-07-02, after the quarter: not yet
            Row("S-4", "2023-01-10", "2023-06-20"), // late in 2023Q2, verkställt before the window (2023Q3–2025Q2)
            Row("S-5", "2023-03-10", "2023-07-01"), // late from 2023-06-11, verkställt in 2023Q3: in the trend
            Row("S-6", "2025-03-31", "2025-06-30"))); // first late 2025-07-01: not late in 2025Q2
        Assert.Equal(["S-1", "S-5"], Loaded());
        var all = _env.Current();
        // The same as filtering every record by the rule itself.
        Assert.Equal(all.Where(d => Q2.Window(8).Any(p => ReportingRule.IsReportable(d, p))).Select(d => d.BeslutId), Loaded());
        using var c = _env.Db.Open();
        Assert.Equal(["2025-04-11", "2025-04-11", "2025-07-02", "2023-04-11", "2023-06-11", "2025-07-01"],
            c.Query<string>("SELECT first_late_day FROM decision_versions ORDER BY beslut_id"));
    }

    [Fact]
    public void A_version_stored_before_migration_0011_is_read_until_the_next_import_stores_its_first_late_day()
    {
        _env.Importer().Import(Csv("a.csv", Row("S-1", "2025-01-10"), Row("S-2", "2025-01-10", "2025-03-01")));
        using (var c = _env.Db.Open()) c.Execute("UPDATE decision_versions SET first_late_day = NULL");
        Assert.Equal(["S-1", "S-2"], Loaded());
        // The next import carries S-1 unchanged and S-2 not at all: no new version of S-1, but every stored version
        // gets its day.
        _env.Importer().Import(Csv("b.csv", Row("S-1", "2025-01-10")));
        using (var c = _env.Db.Open())
            Assert.Equal([("S-1", "2025-04-11"), ("S-2", "2025-04-11")],
                c.Query<(string, string)>("SELECT beslut_id, first_late_day FROM decision_versions ORDER BY beslut_id"));
        Assert.Equal(["S-1"], Loaded());
    }
}
