using StatsReporting.Tests.Support;
using StatsReporting.Web.Jobs;

namespace StatsReporting.Tests.Cli;

/// The CLI's `run` writes the same run history as the web's runs, so the page lists every run.
[Collection("Console")]
public class CliRunHistoryTests : IDisposable
{
    private readonly TestEnv _env = new();
    public void Dispose() => _env.Dispose();

    [Fact]
    public void Cli_run_is_recorded_as_succeeded_with_who_started_it_and_the_summary()
    {
        var inbox = Directory.CreateDirectory(_env.PathOf("inbox")).FullName;
        File.Copy(TestEnv.SampleCsv, Path.Combine(inbox, "beslut.csv"));
        var r = CliInProcess.Run("run", "--period", "2025Q2", "--db", _env.Db.Path, "--inbox", inbox, "--out", _env.PathOf("out"));
        Assert.Equal(0, r.Code);

        var run = Assert.Single(new RunHistory(_env.Db, TimeProvider.System).All());
        Assert.Equal(("2025Q2", "cli", "succeeded"), (run.Period, run.Trigger, run.Status));
        Assert.Equal($"{Environment.UserName}@{Environment.MachineName}", run.StartedBy);
        Assert.Equal("2025 kv2 rapporterat per 2025-06-30, 26 filer skrivna. Inkorgen: 1 fil, 1 ny import med 309 nya beslut.", run.Message);
        Assert.NotNull(run.FinishedAt);
    }

    // Found by probes (issue 24): a SIGKILLed `run` left its row "running" for good when only the CLI was used.
    [Fact]
    public void Cli_run_marks_the_row_of_a_killed_run_as_abandoned_as_serve_does()
    {
        var history = new RunHistory(_env.Db, TimeProvider.System);
        var dead = history.Start(StatsReporting.Decisions.Period.Parse("2025Q1"), RunHistory.Cli, null, "x@y"); // as a killed run leaves it
        var inbox = Directory.CreateDirectory(_env.PathOf("inbox")).FullName;
        File.Copy(TestEnv.SampleCsv, Path.Combine(inbox, "beslut.csv"));
        Assert.Equal(0, CliInProcess.Run("run", "--period", "2025Q2", "--db", _env.Db.Path, "--inbox", inbox, "--out", _env.PathOf("out")).Code);

        var row = history.All().Single(r => r.Id == dead);
        Assert.Equal("failed", row.Status);
        Assert.Equal("Avbruten: programmet stoppades under körningen. Kör kvartalet igen.", row.Message);
        Assert.Equal("succeeded", history.All().Single(r => r.Id != dead).Status);
    }

    [Fact]
    public void Cli_run_that_fails_is_recorded_as_failed_with_the_Swedish_message()
    {
        var inbox = Directory.CreateDirectory(_env.PathOf("inbox")).FullName;
        File.WriteAllText(Path.Combine(inbox, "fel.csv"), "beslut_id;person_id;kon;lag;verksamhet;insats;beslutsdatum\nX-1;p-1;K;SoL;ÄO;Särskilt boende;2025-02-30\n");
        var r = CliInProcess.Run("run", "--period", "2025Q2", "--db", _env.Db.Path, "--inbox", inbox, "--out", _env.PathOf("out"));
        Assert.Equal(1, r.Code);

        var run = Assert.Single(new RunHistory(_env.Db, TimeProvider.System).All());
        Assert.Equal(("cli", "failed"), (run.Trigger, run.Status));
        Assert.Contains("fel.csv, rad 2, kolumn beslutsdatum: '2025-02-30' är inget giltigt datum", run.Message);
    }
}
