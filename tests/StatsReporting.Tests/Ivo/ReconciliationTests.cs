using Dapper;
using StatsReporting.Decisions;
using StatsReporting.Ivo;
using StatsReporting.Jobs;
using StatsReporting.Tests.Support;

namespace StatsReporting.Tests.Ivo;

/// Försvunna ärenden: an open decision that the next snapshot no longer holds is an error the run reports.
public class ReconciliationTests : IDisposable
{
    private readonly TestEnv _env = new();
    public void Dispose() => _env.Dispose();

    private const string S1 = "S-1;19400101-T010;M;SoL;ÄO;Särskilt boende;;2024-12-10;;;;SAKNAS_PLATS;;";
    private const string S2 = "S-2;19400101-T020;K;SoL;ÄO;Särskilt boende;;2024-12-11;;;;SAKNAS_PLATS;;";
    private const string L3 = "S-3;19400101-T030;M;LSS;;9 § 4;;2024-12-12;;;;MATCHNING;;";

    private QuarterJobResult RunQuarter(string inbox, Period q, DateTimeOffset on)
    {
        _env.Clock.Now = on;
        return new QuarterJob(TestEnv.Settings.For(_env.Db), _env.Clock)
            .Run(q, q.End, inbox, _env.PathOf("reports"), ivoRoot: _env.PathOf("ivo"));
    }

    [Fact]
    public void An_open_decision_missing_from_the_next_snapshot_is_forsvunnet_and_the_run_says_so_yet_writes_the_KF_reports()
    {
        var inbox = Directory.CreateDirectory(_env.PathOf("inkorg")).FullName;
        IvoHistory.WriteCsv(Path.Combine(inbox, "2025q1.csv"), [S1, S2, L3]);
        var first = RunQuarter(inbox, new Period(2025, 1), new(2025, 4, 5, 9, 0, 0, TimeSpan.Zero));
        Assert.Empty(first.Ivo.Forsvunna);
        Assert.Empty(first.Ivo.Warnings);

        // The Q2 snapshot lacks S-1, which no record ever closed.
        IvoHistory.WriteCsv(Path.Combine(inbox, "2025q2.csv"), [S2, L3]);
        var second = RunQuarter(inbox, new Period(2025, 2), new(2025, 7, 5, 9, 0, 0, TimeSpan.Zero));

        Assert.Equal("S-1", Assert.Single(second.Ivo.Forsvunna).BeslutId);
        Assert.Equal("Varning: 1 försvunnet ärende — öppna beslut som saknas i den senaste importen: S-1. "
                     + "Se fliken Försvunna ärenden i IVO-individrapporten.", Assert.Single(second.Ivo.Warnings));
        Assert.Equal("IVO-individrapport 2025Q2: 3 beslut (0 ny, 3 kvarstår, 0 avslutande), 1 försvunnet ärende.", second.Ivo.Summary);
        Assert.Contains(second.Files, f => f.Path.EndsWith("evb-sol-2025Q2.xlsx") && File.Exists(f.Path));
        Assert.Contains(second.Files, f => f.Path.EndsWith("evb-lss-2025Q2.xlsx") && File.Exists(f.Path));

        // Never dropped: still in the individrapport as kvarstår, and listed as an error beside it.
        var xlsx = second.Ivo.Files.Single(f => Path.GetFileName(f.Path).StartsWith("ivo-individrapport-") && f.Path.EndsWith(".xlsx")).Path;
        var wb = Xlsx.Read(xlsx);
        var s1 = wb["Individrapport"].Single(r => r[IvoHistory.Col("Beslut-id (internt)")] == "S-1");
        Assert.Equal("kvarstår", s1[IvoHistory.Col("Rapporttyp")]);
        var lost = Assert.Single(wb["Försvunna ärenden"].Skip(1));
        Assert.Equal(["S-1", "SoL", "Äldreomsorg: Särskilt boende", "2024-12-10", ""], lost[..5]);
        Assert.StartsWith("import 1 (2025q1.csv", lost[5]);
        Assert.StartsWith("import 2 (2025q2.csv", lost[6]);
        Assert.StartsWith("Fel: beslut S-1: Beslutet var öppet i import 1", wb["Kontroller"][1][0]);

        using var c = _env.Db.Open();
        Assert.Equal([0L, 1L], c.Query<long>("SELECT forsvunna FROM ivo_exports ORDER BY id"));
    }

    [Fact]
    public void A_decision_that_leaves_the_snapshot_closed_has_not_vanished()
    {
        var inbox = Directory.CreateDirectory(_env.PathOf("inkorg")).FullName;
        IvoHistory.WriteCsv(Path.Combine(inbox, "2025q1.csv"), [S1, S2, L3]);
        RunQuarter(inbox, new Period(2025, 1), new(2025, 4, 5, 9, 0, 0, TimeSpan.Zero));
        // S-1 is verkställt in Q2 (one snapshot says so), then leaves the case system's export.
        IvoHistory.WriteCsv(Path.Combine(inbox, "2025q2.csv"), [S1.Replace(";2024-12-10;;;", ";2024-12-10;;2025-05-02;"), S2, L3]);
        IvoHistory.WriteCsv(Path.Combine(inbox, "2025q2b.csv"), [S2, L3]);
        var result = RunQuarter(inbox, new Period(2025, 2), new(2025, 7, 5, 9, 0, 0, TimeSpan.Zero));
        Assert.Empty(result.Ivo.Forsvunna);
        Assert.Equal("avslutande", IvoRules.Text(result.Ivo.Rows.Single(r => r.BeslutId == "S-1").Rapporttyp));
    }

    [Fact]
    public void A_case_open_and_reported_last_quarter_that_is_missing_from_this_quarters_rows_fails_the_export()
    {
        var open = new Decision
        {
            BeslutId = "S-1", PersonId = "19400101-T010", Kon = Kon.M, Lag = Lag.SoL, Verksamhet = "ÄO", Insats = "Särskilt boende",
            Beslutsdatum = new DateOnly(2024, 12, 10), Orsak = "SAKNAS_PLATS",
        };
        var q = new Period(2025, 2);
        var rows = IvoRules.Rows([open], q, TestEnv.Catalog, d => d.PersonId);
        Assert.Equal(Rapporttyp.Kvarstar, Assert.Single(rows).Rapporttyp);

        var e = Assert.Throws<InvalidOperationException>(() => IvoRules.AssertNothingDropped([open], q, []));
        Assert.Equal("Internt fel: beslut som var öppna och rapporterade 2025Q1 saknas i individrapporten för 2025Q2: S-1.", e.Message);
    }
}
