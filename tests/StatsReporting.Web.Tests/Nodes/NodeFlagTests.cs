using StatsReporting.Web.Tests.Support;

namespace StatsReporting.Web.Tests.Nodes;

/// `serve --worker-only` / `--no-worker`: what is refused before anything starts.
public sealed class NodeFlagTests
{
    [Fact]
    public async Task Both_flags_at_once_are_a_usage_error()
    {
        var dir = Directory.CreateTempSubdirectory("nodeflags-").FullName;
        using var p = new ChildProcess(ChildProcess.Dotnet, ChildProcess.Cli("serve", "--worker-only", "--no-worker"), dir);
        Assert.Equal(2, await p.Exit(TimeSpan.FromSeconds(60)));
        Assert.Contains("Fel: --worker-only och --no-worker kan inte användas tillsammans.", p.Output);
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public async Task A_web_only_node_on_sqlite_is_refused_since_no_other_node_would_run_the_jobs()
    {
        var dir = Directory.CreateTempSubdirectory("nodeflags-").FullName;
        using var p = new ChildProcess(ChildProcess.Dotnet,
            ChildProcess.Cli("serve", "--no-worker", "--urls", $"http://127.0.0.1:{ChildProcess.FreePort()}", "--db", Path.Combine(dir, "s.db")), dir);
        Assert.Equal(1, await p.Exit(TimeSpan.FromSeconds(60)));
        Assert.Contains("Fel: StatsReporting:Node:Worker false (--no-worker) kräver StatsReporting:Storage:Provider Postgres: med SQLite finns ingen annan nod som kör jobben.", p.Output);
        Directory.Delete(dir, recursive: true);
    }
}
