using System.Diagnostics;
using System.Globalization;
using static StatsReporting.Bench.BenchChild;

namespace StatsReporting.Bench;

/// The figures for one size of municipality (memory in kB); the sqlite3 ones are null without sqlite3. The file is
/// in export order (Files.Snapshot1: shuffled ids); ImportByPerson and ImportById are the same rows sorted by person
/// and in beslut_id order.
public sealed record SizeResult(int Records, Figure? Plain, Figure? Storage, Figure Parse, Figure Import, long ImportKb, Figure Second,
    long SecondKb, double FirstMb, double GrowthMb, Figure Warm, long ReportKb, Figure Aggregation, Figure? Reference, bool? CountsMatch,
    Figure ImportByPerson, Figure ImportById)
{
    /// False for a size only PostgreSQL was measured at (BenchRunner.PostgresOnly): every SQLite figure is then "–".
    public bool Measured { get; init; } = true;
}

/// The synthetic files of one size, written once and read by every step (both providers): two snapshots in export
/// order (the same shuffle of ids; the second with 1 % changed) and the first in two other orders.
public sealed record BenchFiles(string Snapshot1, string Snapshot2, string ByPerson, string ById)
{
    public static BenchFiles In(string dir) => new(Path.Combine(dir, "snapshot1.csv"), Path.Combine(dir, "snapshot2.csv"),
        Path.Combine(dir, "snapshot1-person.csv"), Path.Combine(dir, "snapshot1-id.csv"));

    /// `otherOrders`: the first snapshot sorted by person and in id order as well.
    public void Write(int records, bool otherOrders = true)
    {
        SyntheticMunicipality.Write(Snapshot1, records, order: RowOrder.Shuffled);
        SyntheticMunicipality.Write(Snapshot2, records, snapshot: 2, order: RowOrder.Shuffled);
        if (!otherOrders) return;
        SyntheticMunicipality.Write(ByPerson, records, order: RowOrder.ByPerson);
        SyntheticMunicipality.Write(ById, records);
    }
}

public sealed record SampleRun(Figure Time, long Kb);

/// Runs the benchmark: every step of ours in a child process of its own (`step` starts one: the program itself
/// with the given arguments), the sqlite3 yardsticks beside them, each the median of `repeat` runs.
public sealed class BenchRunner(Func<IReadOnlyList<string>, ProcessStartInfo> step, string workDir, int repeat, TextWriter log)
{
    /// The quarterly job on the sample, from a cold process: wall clock and CPU from start to exit.
    public SampleRun RunSample(string sampleDir)
    {
        // First of all children: the largest peak RSS among children (getrusage) is then this step's own.
        var runs = Enumerable.Range(0, repeat).Select(i =>
        {
            var dir = Fresh($"sample-{i}");
            return Figure.OfChild(() => Child(["run", "--period", "2025Q2", "--db", Path.Combine(dir, "db.sqlite"), "--inbox", sampleDir,
                "--out", Path.Combine(dir, "reports")]));
        }).ToList();
        return new(Figure.Median(runs), Figure.Children().MaxRssKb);
    }

    /// Above this many decisions `bench --provider postgres` measures only PostgreSQL (PostgresOnly): the national
    /// vendor's ten million is PostgreSQL's size, and SQLite's eight steps there would take longer than all the rest.
    public const int SqliteUpTo = 1_000_000;

    /// The files of a size measured on PostgreSQL alone, and its SQLite column, all "–".
    public SizeResult PostgresOnly(int records)
    {
        Fresh($"n{records}");
        log.WriteLine($"{records}: skriver den syntetiska kommunen (blandade beslut_id); SQLite mäts inte över {SqliteUpTo:N0} beslut med --provider postgres …");
        FilesOf(workDir, records).Write(records, otherOrders: false);
        Figure none = default;
        return new(records, null, null, none, none, 0, none, 0, 0, 0, none, 0, none, null, null, none, none) { Measured = false };
    }

    public SizeResult Size(int records, bool sqlite3)
    {
        var dir = Fresh($"n{records}");
        var files = FilesOf(workDir, records);
        var (snap1, snap2) = (files.Snapshot1, files.Snapshot2);
        log.WriteLine($"{records}: skriver den syntetiska kommunen (blandade beslut_id, sorterad på person, i id-ordning) …");
        files.Write(records);

        Figure? plain = null, storage = null;
        if (sqlite3)
        {
            log.WriteLine($"{records}: sqlite3 .import och sqlite3 med vårt schema …");
            plain = Figure.Median(Times(i => Sqlite3Yardsticks.PlainImport(Db(dir, $"plain{i}"), snap1)));
            storage = Figure.Median(Times(i => Sqlite3Yardsticks.OurStorage(Db(dir, $"schema{i}"), snap1)));
        }
        log.WriteLine($"{records}: vår import, två ögonblicksbilder …");
        var parse = Figure.Median(Times(_ => Time(Child(["bench", "--step", "parse", "--file", snap1]))));
        var first = new List<Dictionary<string, string>>();
        var second = new List<Dictionary<string, string>>();
        var (firstMb, growthMb) = (0.0, 0.0);
        var db = "";
        for (var i = 0; i < repeat; i++)
        {
            db = Db(dir, $"ours{i}");
            first.Add(Child(["bench", "--step", "import", "--db", db, "--file", snap1]));
            firstMb = Mb(db);
            second.Add(Child(["bench", "--step", "import", "--db", db, "--file", snap2]));
            growthMb = Mb(db) - firstMb;
        }
        log.WriteLine($"{records}: vår import av samma rader sorterade på person och i beslut_id-ordning …");
        var byPerson = Figure.Median(Times(_ => ImportOnce(dir, files.ByPerson)));
        var byId = Figure.Median(Times(_ => ImportOnce(dir, files.ById)));
        log.WriteLine($"{records}: rapporten och referensfrågan …");
        var report = Child(["bench", "--step", "report", "--db", db, "--out", Path.Combine(dir, "out")]);
        Figure? reference = null;
        bool? match = null;
        if (sqlite3)
        {
            var refs = Enumerable.Range(0, repeat).Select(_ => Sqlite3Yardsticks.QuarterCounts(db, BenchSteps.Quarter)).ToList();
            reference = Figure.Median(refs.Select(r => r.Elapsed).ToList());
            var counts = refs[0].Counts;
            var sqlGroups = string.Join("|", counts.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}")).Replace(' ', '_');
            int Total(string law) => counts.Where(kv => kv.Key.StartsWith(law + ";", StringComparison.Ordinal)).Sum(kv => kv.Value);
            match = sqlGroups == report["groups"] && Total("SoL") == Int(report["total_sol"]) && Total("LSS") == Int(report["total_lss"]);
        }
        return new(records, plain, storage, parse, Figure.Median(first.Select(Time).ToList()), Kb(first), Figure.Median(second.Select(Time).ToList()),
            Kb(second), firstMb, growthMb, new(Num(report["warm_ms"]), Num(report["warm_cpu_ms"])), Kb([report]),
            new(Num(report["agg_ms"]), Num(report["agg_cpu_ms"])), reference, match, byPerson, byId);
    }

    /// Where Size writes the files of `records` (PostgresBench reads them there).
    public static BenchFiles FilesOf(string workDir, int records) => BenchFiles.In(Path.Combine(workDir, $"n{records}"));

    /// One import into a fresh database, deleted after (at ten million decisions each is gigabytes).
    private Figure ImportOnce(string dir, string file)
    {
        var db = Db(dir, "order");
        try { return Time(Child(["bench", "--step", "import", "--db", db, "--file", file])); }
        finally { Db(dir, "order"); }
    }

    private Dictionary<string, string> Child(IReadOnlyList<string> args) => BenchChild.Run(step(args), args);

    private List<Figure> Times(Func<int, Figure> run) => Enumerable.Range(0, repeat).Select(run).ToList();

    private string Fresh(string name)
    {
        var dir = Path.Combine(workDir, name);
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static string Db(string dir, string name)
    {
        foreach (var f in Directory.GetFiles(dir, name + ".db*")) File.Delete(f);
        return Path.Combine(dir, name + ".db");
    }

    private static double Mb(string path) => new FileInfo(path).Length / 1024.0 / 1024.0;
    private static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);
}
