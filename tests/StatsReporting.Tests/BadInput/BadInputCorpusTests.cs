using StatsReporting.Tests.Support;

namespace StatsReporting.Tests.BadInput;

/// Issue 10, "Must show": every file of the generated corpus through the real CLI in a child process is refused or
/// handled with a clear Swedish message (no stack trace), within 30 s and 500 MB peak resident memory, and a
/// refused import leaves the database byte-for-byte as it was.
public class BadInputCorpusTests(Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    private readonly TestEnv _env = new();
    public void Dispose() => _env.Dispose();

    private static readonly TimeSpan MaxTime = TimeSpan.FromSeconds(30);
    private const long MaxPeak = 500L * 1024 * 1024;

    public static TheoryData<string> Names => new(Corpus.All.Select(f => f.Name));

    [Theory]
    [MemberData(nameof(Names))]
    public void Each_bad_file_is_refused_or_handled_with_a_clear_message_within_30_s_and_500_MB(string name)
    {
        var file = Corpus.All.Single(f => f.Name == name);
        var path = file.Make(_env.Dir);
        string[] args = file.Verb switch
        {
            "check" => ["check", path],
            "import-table" => ["import-table", path, "--period", "2024Q3", "--law", "SoL", "--db", _env.Db.Path],
            _ => ["import", path, "--db", _env.Db.Path],
        };
        var before = Refusal.Snapshot(_env.Db.Path);

        var run = MeasuredCli.Run(_env.Dir, MaxTime, file.Env, args);

        var said = run.Result.Stdout + run.Result.Stderr;
        Assert.True(run.Elapsed < MaxTime, $"{name}: {run.Elapsed.TotalSeconds:0.0} s");
        Assert.True(run.PeakBytes is > 0 and < MaxPeak, $"{name}: {run.PeakBytes / 1024 / 1024} MB");
        Assert.Equal(file.Exit, run.Result.ExitCode);
        Assert.DoesNotContain("   at ", said);
        Assert.DoesNotContain("Exception", said);
        if (file.Line is not null) Assert.Contains(file.Line, run.Result.Stderr.Split('\n').Select(l => l.TrimEnd('\r')));
        if (file.Exit != 0) Assert.Equal(before, Refusal.Snapshot(_env.Db.Path));
        output.WriteLine($"{name}\t{file.Verb}\texit {run.Result.ExitCode}\t{run.Elapsed.TotalSeconds:0.00} s\t{run.PeakBytes / 1024 / 1024} MB");
    }
}
