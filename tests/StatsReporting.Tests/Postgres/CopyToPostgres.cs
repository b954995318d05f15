using System.Diagnostics;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;
using StatsReporting.Storage;
using StatsReporting.Tests.Support;

namespace StatsReporting.Tests.Postgres;

/// A SQLite installation and the empty PostgreSQL database `copy-to-postgres` moves it into, with the real CLI in its
/// own process told the target by ConnectionStrings__Postgres, as an installation would be.
public sealed class CopyToPostgres : IDisposable
{
    public TestEnv Sqlite { get; } = new();
    public PostgresDatabase Target { get; } = new();
    private TestEnv? _postgres;

    /// The copied database, with its files where the SQLite file's were (archive/ and ivo/ stay beside it).
    public TestEnv Postgres => _postgres ??= new TestEnv(_ => Db.Postgres(Target.ConnectionString, Sqlite.Db.Path));

    public TestEnv[] Both => [Sqlite, Postgres];

    public CliResult Copy(string? connectionString = null) => Cli(connectionString ?? Target.ConnectionString, "copy-to-postgres", "--db", Sqlite.Db.Path);

    public CliResult Cli(string connectionString, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = Sqlite.Dir, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "statsreporting.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["ConnectionStrings__Postgres"] = connectionString;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        return new(p.ExitCode, stdout.Result, stderr);
    }

    /// The printed line of `table`: "rows on SQLite, rows on PostgreSQL, lika".
    public static string Line(CliResult copy, string table) =>
        copy.Stdout.Split('\n').Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(f => f.Length == 6 && f[0] == table)
            .Select(f => $"{f[1]} {f[2]} {f[5]}").Single();

    /// The tables of the SQLite file, as its schema lists them.
    public List<string> SqliteTables()
    {
        using var c = (SqliteConnection)Sqlite.Db.Open();
        return c.Query<string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").ToList();
    }

    public NpgsqlConnection OpenTarget()
    {
        var c = new NpgsqlConnection(Target.ConnectionString);
        c.Open();
        return c;
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        _postgres?.Dispose();
        Sqlite.Dispose();
        Target.Dispose();
    }
}
