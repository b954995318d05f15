using StatsReporting.Access;
using StatsReporting.Tests.Support;

namespace StatsReporting.Tests.Cli;

/// The first ten minutes with the CLI: help on stdout with exit 0, one line and a pointer for a mistake, exit 2.
[Collection("Console")]
public class HelpTests : IDisposable
{
    private readonly TestEnv _env = new();
    public void Dispose() => _env.Dispose();

    private static (int Code, string Out, string Err) Cli(params string[] args) => CliInProcess.Run(args);

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public void Help_goes_to_stdout_with_exit_0_and_lists_every_verb(string flag)
    {
        var r = Cli(flag);
        Assert.Equal(0, r.Code);
        Assert.Equal("", r.Err);
        Assert.StartsWith("Användning: statsreporting <kommando> [flaggor]", r.Out);
        foreach (var verb in new[] { "import ", "report ", "run ", "ivo ", "check ", "import-table ", "keys ", "serve " })
            Assert.Contains("\n  " + verb, r.Out);
    }

    [Theory]
    [InlineData("help report")]
    [InlineData("report --help")]
    [InlineData("report --period 2025Q2 -h")]
    public void Help_for_one_verb_names_its_options_on_stdout_with_exit_0(string commandLine)
    {
        var r = Cli(commandLine.Split(' '));
        Assert.Equal(0, r.Code);
        Assert.Equal("", r.Err);
        Assert.StartsWith("statsreporting report --period 2025Q2 [--as-of ÅÅÅÅ-MM-DD] [--out MAPP] [--import N] [--db SÖKVÄG]", r.Out);
        Assert.Contains("--import N underlaget som det såg ut efter import N", r.Out);
    }

    [Fact]
    public void Every_verb_has_its_own_help_that_starts_with_its_name()
    {
        foreach (var verb in new[] { "import", "report", "run", "ivo", "check", "import-table", "keys", "serve" })
            Assert.StartsWith($"statsreporting {verb} ", Cli("help", verb).Out);
    }

    [Fact]
    public void A_misspelt_verb_is_one_line_with_a_suggestion_and_a_pointer_to_help_exit_2()
    {
        var r = Cli("rapport", "--period", "2025Q2");
        Assert.Equal(2, r.Code);
        Assert.Equal("", r.Out);
        Assert.Equal(["Fel: okänt kommando 'rapport'. Menade du 'report'?", "Skriv 'statsreporting --help' för en lista över kommandona."], Lines(r.Err));
    }

    [Fact]
    public void A_verb_like_nothing_known_gets_no_suggestion()
    {
        var r = Cli("help", "xyzzyq");
        Assert.Equal(2, r.Code);
        Assert.Equal("Fel: okänt kommando 'xyzzyq'.", Lines(r.Err)[0]);
    }

    [Fact]
    public void An_unknown_option_is_one_line_with_a_suggestion_and_a_pointer_to_the_verbs_help_exit_2()
    {
        var r = Cli("report", "--period", "2025Q2", "--asof", "2025-07-01", "--db", _env.PathOf("cli.db"));
        Assert.Equal(2, r.Code);
        Assert.Equal(["Fel: okänd flagga '--asof' för report. Menade du '--as-of'?", "Skriv 'statsreporting report --help' för hjälp om report."],
            Lines(r.Err));
    }

    [Fact]
    public void A_usage_error_is_not_followed_by_the_usage_text()
    {
        var r = Cli("report", "--db", _env.PathOf("cli.db"));
        Assert.Equal(2, r.Code);
        Assert.Equal(["Fel: --period saknas.", "Skriv 'statsreporting report --help' för hjälp om report."], Lines(r.Err));
    }

    [Fact]
    public void No_arguments_prints_the_usage_on_stderr_and_exits_2()
    {
        var r = Cli();
        Assert.Equal(2, r.Code);
        Assert.Equal("", r.Out);
        Assert.StartsWith("Användning: statsreporting <kommando> [flaggor]", r.Err);
    }

    [Fact]
    public void Report_writes_no_progress_lines_when_stderr_is_not_a_terminal()
    {
        _env.Importer().Import(TestEnv.SampleCsv);
        var r = CliProcess.Run(_env.Dir, "report", "--period", "2025Q2", "--db", _env.Db.Path, "--out", _env.PathOf("out"));
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Stderr); // on a terminal: "Kontrollerar de framräknade tabellerna …", "Ritar SoL-diagrammen …"
        Assert.Contains($"KF-arbetsbok SoL: {_env.PathOf("out/2025Q2/evb-sol-2025Q2.xlsx")}", r.Stdout);
    }

    [Fact]
    public void Keys_add_prints_exactly_one_line_on_stdout_the_key()
    {
        var r = Cli("keys", "add", "--role", "controller", "--name", "En rad", "--db", _env.Db.Path);
        Assert.Equal(0, r.Code);
        var line = Assert.Single(r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(Role.Controller, new KeyStore(_env.Db).Verify(line.Trim())?.Role);
        Assert.DoesNotContain(line.Trim(), r.Err);
    }

    [Fact]
    public void Keys_add_for_the_configuration_prints_only_the_key_on_stdout_and_the_config_line_on_stderr()
    {
        var r = Cli("keys", "add", "--role", "ivo", "--config", "--db", _env.Db.Path);
        Assert.Equal(0, r.Code);
        var key = Assert.Single(r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)).Trim();
        Assert.StartsWith("sr.", key);
        Assert.Contains("\"Role\":\"ivo\"", r.Err.Replace(" ", ""));
        Assert.Empty(new KeyStore(_env.Db).List());
    }
}
