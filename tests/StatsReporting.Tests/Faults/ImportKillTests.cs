using System.Diagnostics;
using Xunit.Abstractions;
using StatsReporting.Storage;
using static StatsReporting.Tests.Faults.FaultSupport;

namespace StatsReporting.Tests.Faults;

/// SIGKILL of the real CLI at seeded random moments of an import of 50 000 rows: the database stays whole, the file's
/// rows are all there or none, and the next start leaves no temporary or orphan copy in the archive.
[Collection("Faults")]
public class ImportKillTests(ITestOutputHelper output) : IDisposable
{
    private const int Rows = 50_000;
    private readonly string _dir = Directory.CreateTempSubdirectory("statsreporting-kill-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Import_killed_at_ten_random_points_stores_all_rows_or_none_and_leaves_no_copy_behind()
    {
        var csv = LargeCsv(Path.Combine(_dir, "stor.csv"), Rows);
        var template = Path.Combine(_dir, "template");
        new Db(Path.Combine(template, "data", "statsreporting.db")).Migrate();

        // Uninterrupted, to know how long an import takes and where to aim.
        var clean = Fresh(template, "ostord");
        var watch = Stopwatch.StartNew();
        Assert.True(RunAndKill(clean, TimeSpan.FromMinutes(3), "import", csv, "--db", DbIn(clean)));
        var full = watch.Elapsed;
        Assert.Equal(Rows, Scalar<long>(DbIn(clean), "SELECT COUNT(*) FROM import_decisions"));
        var check = Stopwatch.StartNew();
        new Db(DbIn(clean)).Check();
        output.WriteLine($"Import av {Rows} rader: {full.TotalSeconds:F1} s; PRAGMA quick_check på den databasen "
            + $"({new FileInfo(DbIn(clean)).Length / 1024} KB): {check.Elapsed.TotalMilliseconds:F0} ms");

        var random = new Random(11);
        var outcomes = new List<string>();
        // At least ten real kills. The uninterrupted import was timed once, and the machine's load changes: an import
        // that finishes before its moment shrinks the window the next moments are drawn from.
        var window = full.TotalSeconds;
        for (var (i, kills) = (0, 0); kills < 10; i++)
        {
            Assert.True(i < 40, $"bara {kills} av {i} försök hann dödas: {string.Join("; ", outcomes)}");
            var work = Fresh(template, $"kill{i}");
            var at = TimeSpan.FromSeconds(0.2 + random.NextDouble() * 0.8 * window);
            var ended = RunAndKill(work, at, "import", csv, "--db", DbIn(work));
            if (ended) window *= 0.7; else kills++;
            Assert.Equal("ok", IntegrityCheck(DbIn(work)));
            var stored = Scalar<long>(DbIn(work), "SELECT COUNT(*) FROM import_decisions");
            Assert.Contains(stored, new long[] { 0, Rows });
            // The next start sweeps: the archive then holds exactly the copies that have an imports row.
            Assert.True(RunAndKill(work, TimeSpan.FromMinutes(1), "keys", "list", "--db", DbIn(work)));
            var archive = Path.Combine(work, "data", "archive");
            Assert.Empty(Hidden(archive));
            Assert.Equal(stored == 0 ? 0 : 1, Files(archive).Count);
            outcomes.Add($"{at.TotalSeconds:F1} s: {(ended ? "klar före" : "dödad")}, {stored} rader");
            Directory.Delete(work, recursive: true);
        }
        output.WriteLine("SIGKILL under import: " + string.Join("; ", outcomes));
    }

    private string Fresh(string template, string name)
    {
        var work = Path.Combine(_dir, name);
        CopyTree(template, work);
        return work;
    }

    private static string DbIn(string work) => Path.Combine(work, "data", "statsreporting.db");
}
