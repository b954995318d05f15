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

    [Fact]
    public async Task On_sqlite_a_run_stores_no_output_set_in_the_database()
    {
        var dir = Directory.CreateTempSubdirectory("nodeflags-").FullName;
        Directory.CreateDirectory(Path.Combine(dir, "inbox"));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "beslut.csv"), Path.Combine(dir, "inbox", "beslut.csv"));
        var db = Path.Combine(dir, "s.db");
        await ChildProcess.Run(ChildProcess.Dotnet, ChildProcess.Cli("run", "--period", "2025Q2", "--db", db, "--inbox", Path.Combine(dir, "inbox"),
            "--out", Path.Combine(dir, "reports")), dir, TimeSpan.FromSeconds(120));
        Assert.True(File.Exists(Path.Combine(dir, "reports", "2025Q2", "evb-sol-2025Q2.xlsx")));
        using (var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Pooling=false"))
        {
            c.Open();
            Assert.Equal(0L, Dapper.SqlMapper.ExecuteScalar<long>(c, "SELECT COUNT(*) FROM output_sets"));
            Assert.Equal(0L, Dapper.SqlMapper.ExecuteScalar<long>(c, "SELECT COUNT(*) FROM output_files"));
        }
        Directory.Delete(dir, recursive: true);
    }
}
