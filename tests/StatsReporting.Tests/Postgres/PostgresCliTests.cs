using System.Diagnostics;
using Dapper;
using Npgsql;
using StatsReporting.Tests.Support;

namespace StatsReporting.Tests.Postgres;

/// The real CLI in its own process, told by environment variables (as an installation would be) to use Postgres.
public class PostgresCliTests : IClassFixture<PostgresDatabase>, IDisposable
{
    private readonly PostgresDatabase _db;
    private readonly string _dir = Directory.CreateTempSubdirectory("statsreporting-pgcli-").FullName;

    public PostgresCliTests(PostgresDatabase db) => _db = db;

    private CliResult Cli(string connectionString, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = _dir, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "statsreporting.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["StatsReporting__Storage__Provider"] = "Postgres";
        psi.Environment["ConnectionStrings__Postgres"] = connectionString;
        psi.Environment["StatsReporting__Paths__Inbox"] = Path.GetDirectoryName(TestEnv.SampleCsv);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        return new(p.ExitCode, stdout.Result, stderr);
    }

    [Fact]
    public void Run_then_report_import_1_store_everything_in_postgres_and_no_sqlite_file_is_made()
    {
        var run = Cli(_db.ConnectionString, "run", "--period", "2025Q2", "--out", "reports");
        Assert.True(run.ExitCode == 0, run.Stderr);
        // The inbox is the tests' Fixtures/ folder: beslut.csv, the sample (309 decisions).
        Assert.Contains("IVO-individrapport 2025Q2: 133 beslut (58 ny, 75 kvarstår, 0 avslutande), 0 försvunna ärenden.", run.Stdout);
        var again = Cli(_db.ConnectionString, "report", "--period", "2025Q2", "--import", "1", "--out", "igen");
        Assert.True(again.ExitCode == 0, again.Stderr);
        using var c = new NpgsqlConnection(_db.ConnectionString);
        c.Open();
        Assert.Equal("1 beslut.csv 309 LSS,SoL", c.QuerySingle<string>("SELECT id || ' ' || file_name || ' ' || row_count || ' ' || laws FROM imports"));
        Assert.Equal(309, c.ExecuteScalar<long>("SELECT COUNT(*) FROM decision_versions WHERE namnd = 'standard'"));
        Assert.Equal("cli succeeded", c.QuerySingle<string>("SELECT trigger || ' ' || status FROM runs"));
        Assert.False(File.Exists(Path.Combine(_dir, "data", "statsreporting.db")));
        Assert.True(File.Exists(Path.Combine(_dir, "data", "ivo", "2025Q2", "ivo-individrapport-2025Q2.csv")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(_dir, "reports", "2025Q2", "kontroller-2025Q2.json")),
            File.ReadAllBytes(Path.Combine(_dir, "igen", "2025Q2", "kontroller-2025Q2.json")));
    }

    [Fact]
    public void A_wrong_password_ends_the_cli_with_one_swedish_line_and_no_password()
    {
        var cs = new NpgsqlConnectionStringBuilder(_db.ConnectionString) { Password = "Fel-Losen-5127" };
        var result = Cli(cs.ToString(), "keys", "list");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"Fel: PostgreSQL-databasen '{cs.Database}' på {cs.Host}:{cs.Port} kan inte användas: inloggningen nekades " +
            "(fel användarnamn eller lösenord i ConnectionStrings:Postgres). Inget har ändrats.\n", result.Stderr);
        Assert.DoesNotContain("Fel-Losen-5127", result.Stdout + result.Stderr);
    }

    [Fact]
    public void Postgres_without_a_connection_string_is_refused_naming_the_key()
    {
        var result = Cli("", "keys", "list");
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("Fel: appsettings.json: StatsReporting:Storage:Provider är Postgres, men ConnectionStrings:Postgres saknas", result.Stderr);
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
