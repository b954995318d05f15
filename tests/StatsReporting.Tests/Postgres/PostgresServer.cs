using System.Diagnostics;
using Dapper;
using Npgsql;
using StatsReporting.Storage;
using StatsReporting.Tests.Support;

namespace StatsReporting.Tests.Postgres;

/// The PostgreSQL server of this test run: STATSREPORTING_TEST_POSTGRES (test.sh sets it: a role that may create
/// databases, and its database), or else the one `scripts/test-postgres start` starts and makes a role on. A server
/// that cannot be reached fails the test that needs it, with the reason; it is never skipped.
public static class PostgresServer
{
    public const string Variable = "STATSREPORTING_TEST_POSTGRES";

    private static readonly Lazy<string> Admin = new(Find);

    public static string ConnectionString => Admin.Value;

    private static string Find()
    {
        var given = Environment.GetEnvironmentVariable(Variable);
        return Reach(string.IsNullOrWhiteSpace(given) ? Start() : given);
    }

    /// The connection string when its server answers; else the reason, which fails the test that asked.
    public static string Reach(string cs)
    {
        try
        {
            using var c = new NpgsqlConnection(cs);
            c.Open();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            throw new InvalidOperationException($"Postgres-testerna når ingen server ({Variable}: {Redacted(cs)}): {e.Message}. " +
                "The Postgres tests cannot reach their server; run ./test.sh, or export " + Variable + "=$(scripts/test-postgres start).", e);
        }
        return cs;
    }

    /// scripts/test-postgres start, from the repository this test build lives in; its role is dropped when the run ends.
    private static string Start()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "scripts", "test-postgres"))) dir = dir.Parent;
        if (dir is null) throw new InvalidOperationException($"{Variable} saknas och scripts/test-postgres hittas inte: Postgres-testerna kan inte starta någon server. ({Variable} is not set.)");
        var script = Path.Combine(dir.FullName, "scripts", "test-postgres");
        var result = Run(script, "start");
        if (result.ExitCode != 0 || result.Stdout.Trim() is not { Length: > 0 } cs)
            throw new InvalidOperationException($"{Variable} saknas och scripts/test-postgres start misslyckades (slutkod {result.ExitCode}): {result.Stderr.Trim()}");
        var role = new NpgsqlConnectionStringBuilder(cs).Username!;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Run(script, "stop", role);
        return cs;
    }

    private static CliResult Run(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        return new(p.ExitCode, stdout.Result, stderr);
    }

    public static string Redacted(string cs)
    {
        var b = new NpgsqlConnectionStringBuilder(cs);
        if (b.Password is not null) b.Password = "***";
        return b.ToString();
    }
}

/// A fresh database on the test server, made for one test class (C collation, UTF8, as production requires) and
/// dropped after it.
public sealed class PostgresDatabase : IDisposable
{
    public string Name { get; } = "sr_" + Guid.NewGuid().ToString("N")[..20];
    public string ConnectionString { get; }

    public PostgresDatabase()
    {
        Create(Name);
        ConnectionString = new NpgsqlConnectionStringBuilder(PostgresServer.ConnectionString) { Database = Name }.ToString();
    }

    public static void Create(string name)
    {
        using var c = new NpgsqlConnection(PostgresServer.ConnectionString);
        c.Open();
        c.Execute($"CREATE DATABASE \"{name}\" ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0");
    }

    /// FORCE ends the sessions still on it (a child process's, a pool's); a concurrent CREATE/DROP DATABASE
    /// of another test class can still make the server refuse for a moment, so it is tried again, then reported whole.
    public static void Drop(string name)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var c = new NpgsqlConnection(PostgresServer.ConnectionString);
                c.Open();
                c.Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
                return;
            }
            catch (PostgresException e) when (attempt < 10)
            {
                Console.Error.WriteLine($"DROP DATABASE {name}: {e.SqlState} {e.MessageText}; försöker igen.");
                Thread.Sleep(300);
            }
        }
    }

    /// A Db on this database whose files (archive, ivo) live in `filesDir`.
    public Db Db(string filesDir) => Storage.Db.Postgres(ConnectionString, Path.Combine(filesDir, "data", "statsreporting.db"));

    /// A TestEnv on this database. Only one per database: each migrates it and imports into it.
    public TestEnv Env() => new(Db);

    public void Dispose() => Drop(Name);
}
