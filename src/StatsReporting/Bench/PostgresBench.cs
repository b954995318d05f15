using System.Diagnostics;
using Dapper;
using Npgsql;
using static StatsReporting.Bench.BenchChild;
using StatsReporting.Storage;

namespace StatsReporting.Bench;

/// The Postgres column of one size: the same steps as on SQLite (`bench --step import|report`, each in a process of
/// its own), with the child told to use Postgres on a fresh database made for each repeat and dropped after.
public sealed record PostgresResult(Figure Import, long ImportKb, Figure Second, long SecondKb, Figure Warm, long ReportKb, double FirstMb);

public sealed class PostgresBench(Func<IReadOnlyList<string>, ProcessStartInfo> step, string workDir, int repeat, TextWriter log, string connectionString)
{
    /// ConnectionStrings:Postgres, else STATSREPORTING_TEST_POSTGRES (the test run's server); null when neither is set.
    public static string? ConnectionString(StorageSettings storage) =>
        !string.IsNullOrWhiteSpace(storage.PostgresConnection) ? storage.PostgresConnection
        : Environment.GetEnvironmentVariable("STATSREPORTING_TEST_POSTGRES") is { Length: > 0 } test ? test : null;

    public PostgresResult Size(int records)
    {
        var dir = Path.Combine(workDir, $"pg-n{records}");
        Directory.CreateDirectory(dir);
        var (snap1, snap2) = (Path.Combine(dir, "snapshot1.csv"), Path.Combine(dir, "snapshot2.csv"));
        SyntheticMunicipality.Write(snap1, records);
        SyntheticMunicipality.Write(snap2, records, snapshot: 2);
        log.WriteLine($"{records}: Postgres, två ögonblicksbilder och rapporten …");
        var first = new List<Dictionary<string, string>>();
        var second = new List<Dictionary<string, string>>();
        Dictionary<string, string> report = [];
        var firstMb = 0.0;
        for (var i = 0; i < repeat; i++)
        {
            var name = $"sr_bench_{Environment.ProcessId}_{records}_{i}";
            var cs = Create(name);
            try
            {
                var anchor = Path.Combine(dir, $"run{i}", "statsreporting.db");
                first.Add(Child(cs, ["bench", "--step", "import", "--db", anchor, "--file", snap1]));
                firstMb = SizeMb(cs);
                second.Add(Child(cs, ["bench", "--step", "import", "--db", anchor, "--file", snap2]));
                if (i == repeat - 1) report = Child(cs, ["bench", "--step", "report", "--db", anchor, "--out", Path.Combine(dir, "out")]);
            }
            finally { Drop(name); }
        }
        return new(Figure.Median(first.Select(Time).ToList()), Kb(first), Figure.Median(second.Select(Time).ToList()), Kb(second),
            new(Num(report["warm_ms"]), Num(report["warm_cpu_ms"])), Kb([report]), firstMb);
    }

    private string Create(string name)
    {
        try
        {
            using var c = new NpgsqlConnection(connectionString);
            c.Open();
            c.Execute($"CREATE DATABASE \"{name}\" ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0");
        }
        catch (PostgresException e)
        {
            throw new InvalidOperationException($"bench --provider postgres gör en ny databas per mätning, och servern nekade ({e.SqlState}: {e.MessageText}); rollen behöver CREATEDB.", e);
        }
        return new NpgsqlConnectionStringBuilder(connectionString) { Database = name }.ToString();
    }

    private void Drop(string name)
    {
        using var c = new NpgsqlConnection(connectionString);
        c.Open();
        c.Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static double SizeMb(string cs)
    {
        using var c = new NpgsqlConnection(cs);
        c.Open();
        return c.ExecuteScalar<long>("SELECT pg_database_size(current_database())") / 1024.0 / 1024.0;
    }

    /// The child reads the connection string from its environment, never from its command line (ps shows that).
    private Dictionary<string, string> Child(string cs, IReadOnlyList<string> args)
    {
        var psi = step(args);
        psi.Environment["StatsReporting__Storage__Provider"] = "Postgres";
        psi.Environment["ConnectionStrings__Postgres"] = cs;
        return BenchChild.Run(psi, args, " (Postgres)");
    }
}
