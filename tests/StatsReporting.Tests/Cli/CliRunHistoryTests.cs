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
        Assert.Equal("2025 kv2 rapporterat per 2025-06-30, 23 filer skrivna. Inkorgen: 1 fil, 1 ny import med 309 nya beslut.", run.Message);
        Assert.NotNull(run.FinishedAt);
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
