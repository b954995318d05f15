using System.Diagnostics;
using Dapper;
using Npgsql;
using static StatsReporting.Bench.BenchChild;
using StatsReporting.Storage;

namespace StatsReporting.Bench;

/// The Postgres column of one size: the same steps as on SQLite (`bench --step import|report`, each in a process of
/// its own) on the same files, with the child told to use Postgres on a fresh database made for each repeat and
/// dropped after. The floor is psql's `\copy` of the same CSV into a plain table of text columns (Floor1, Floor2: the
/// two snapshots), in a database of its own beside it; null without psql.
public sealed record PostgresResult(Figure Import, long ImportKb, Figure Second, long SecondKb, Figure Warm, long ReportKb, double FirstMb,
    Figure? Floor1, Figure? Floor2);

public sealed class PostgresBench(Func<IReadOnlyList<string>, ProcessStartInfo> step, string workDir, int repeat, TextWriter log, string connectionString)
{
    /// ConnectionStrings:Postgres, else STATSREPORTING_TEST_POSTGRES (the test run's server); null when neither is set.
    public static string? ConnectionString(StorageSettings storage) =>
        !string.IsNullOrWhiteSpace(storage.PostgresConnection) ? storage.PostgresConnection
        : Environment.GetEnvironmentVariable("STATSREPORTING_TEST_POSTGRES") is { Length: > 0 } test ? test : null;

    /// `files`: BenchRunner's files of this size (BenchRunner.FilesOf), already written.
    public PostgresResult Size(int records, BenchFiles files)
    {
        var dir = Path.Combine(workDir, $"pg-n{records}");
        Directory.CreateDirectory(dir);
        var psql = PsqlVersion();
        if (psql is null) log.WriteLine("psql finns inte på den här maskinen: golvet (\\copy) mäts inte.");
        log.WriteLine($"{records}: Postgres, psql \\copy (golvet), två ögonblicksbilder och rapporten …");
        var first = new List<Dictionary<string, string>>();
        var second = new List<Dictionary<string, string>>();
        var (floor1, floor2) = (new List<Figure>(), new List<Figure>());
        Dictionary<string, string> report = [];
        var firstMb = 0.0;
        for (var i = 0; i < repeat; i++)
        {
            var name = $"sr_bench_{Environment.ProcessId}_{records}_{i}";
            var cs = Create(name);
            var floor = psql is null ? null : Create(name + "_floor");
            try
            {
                var anchor = Path.Combine(dir, $"run{i}", "statsreporting.db");
                if (floor is not null) floor1.Add(Floor(floor, files.Snapshot1, "snapshot1"));
                first.Add(Child(cs, ["bench", "--step", "import", "--db", anchor, "--file", files.Snapshot1]));
                firstMb = SizeMb(cs);
                if (floor is not null) floor2.Add(Floor(floor, files.Snapshot2, "snapshot2"));
                second.Add(Child(cs, ["bench", "--step", "import", "--db", anchor, "--file", files.Snapshot2]));
                if (i == repeat - 1) report = Child(cs, ["bench", "--step", "report", "--db", anchor, "--out", Path.Combine(dir, "out")]);
            }
            finally
            {
                Drop(name);
                if (floor is not null) Drop(name + "_floor");
            }
        }
        return new(Figure.Median(first.Select(Time).ToList()), Kb(first), Figure.Median(second.Select(Time).ToList()), Kb(second),
            new(Num(report["warm_ms"]), Num(report["warm_cpu_ms"])), Kb([report]), firstMb,
            floor1.Count > 0 ? Figure.Median(floor1) : null, floor2.Count > 0 ? Figure.Median(floor2) : null);
    }

    /// psql's `\copy` of `csv` into a new plain table of the file's columns, all text: the floor for these bytes into
    /// PostgreSQL. The table is made first, untimed; the timed process is psql from start to exit.
    private Figure Floor(string cs, string csv, string table)
    {
        var columns = string.Join(", ", SyntheticMunicipality.Header.Split(';').Select(c => c + " text"));
        Psql(cs, $"CREATE TABLE {table} ({columns});");
        return Psql(cs, $"\\copy {table} FROM '{csv.Replace("'", "''")}' WITH (FORMAT csv, DELIMITER ';', HEADER true)");
    }

    /// Runs one psql command against `cs`; the password goes in the environment (PGPASSWORD), never on the command line.
    private static Figure Psql(string cs, string command)
    {
        var b = new NpgsqlConnectionStringBuilder(cs);
        var psi = new ProcessStartInfo("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-c", command])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        (psi.Environment["PGHOST"], psi.Environment["PGPORT"]) = (b.Host ?? "localhost", b.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        (psi.Environment["PGUSER"], psi.Environment["PGDATABASE"], psi.Environment["PGPASSWORD"]) = (b.Username ?? "", b.Database ?? "", b.Password ?? "");
        var (exit, error) = (0, "");
        var time = Figure.OfChild(() =>
        {
            using var p = Process.Start(psi)!;
            var e = p.StandardError.ReadToEndAsync();
            p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            (exit, error) = (p.ExitCode, e.Result);
        });
        if (exit != 0) throw new InvalidOperationException($"psql misslyckades (kod {exit}): {error.Trim()}");
        return time;
    }

    /// psql's version line, or null when psql is not installed.
    public static string? PsqlVersion()
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo("psql", ["--version"]) { RedirectStandardOutput = true, UseShellExecute = false })!;
            var line = p.StandardOutput.ReadToEnd().Trim();
            p.WaitForExit();
            return p.ExitCode == 0 ? line : null;
        }
        catch (System.ComponentModel.Win32Exception) { return null; }
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
