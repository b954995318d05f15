using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace StatsReporting.Bench;

/// The figures for one size of municipality (times in ms, memory in kB); the sqlite3 ones are null without sqlite3.
public sealed record SizeResult(int Records, double? PlainMs, double? StorageMs, double ImportMs, long ImportKb, double SecondMs,
    long SecondKb, double FirstMb, double GrowthMb, double WarmMs, long ReportKb, double LoadMs, double AggMs, double? RefMs, bool? CountsMatch);

public sealed record SampleRun(double Ms, long Kb);

/// Runs the benchmark: every step of ours in a child process of its own (`step` starts one: the program itself
/// with the given arguments), the sqlite3 yardsticks beside them, each the median of `repeat` runs.
public sealed class BenchRunner(Func<IReadOnlyList<string>, ProcessStartInfo> step, string workDir, int repeat, TextWriter log)
{
    public SampleRun RunSample(string sampleDir)
    {
        // First of all children: the children's peak RSS (getrusage) is then this step's own.
        var runs = Enumerable.Range(0, repeat).Select(i =>
        {
            var dir = Fresh($"sample-{i}");
            var watch = Stopwatch.StartNew();
            Child(["run", "--period", "2025Q2", "--db", Path.Combine(dir, "db.sqlite"), "--inbox", sampleDir, "--out", Path.Combine(dir, "reports")]);
            return watch.Elapsed.TotalMilliseconds;
        }).ToList();
        return new(Median(runs), ChildrenPeakKb());
    }

    public SizeResult Size(int records, bool sqlite3)
    {
        var dir = Fresh($"n{records}");
        var (snap1, snap2) = (Path.Combine(dir, "snapshot1.csv"), Path.Combine(dir, "snapshot2.csv"));
        log.WriteLine($"{records}: skriver den syntetiska kommunen …");
        SyntheticMunicipality.Write(snap1, records);
        SyntheticMunicipality.Write(snap2, records, snapshot: 2);

        double? plain = null, storage = null;
        if (sqlite3)
        {
            log.WriteLine($"{records}: sqlite3 .import och sqlite3 med vårt schema …");
            plain = Median(Times(i => Sqlite3Yardsticks.PlainImport(Db(dir, $"plain{i}"), snap1).TotalMilliseconds));
            storage = Median(Times(i => Sqlite3Yardsticks.OurStorage(Db(dir, $"schema{i}"), snap1).TotalMilliseconds));
        }
        log.WriteLine($"{records}: vår import, två ögonblicksbilder …");
        var first = new List<Dictionary<string, string>>();
        var second = new List<Dictionary<string, string>>();
        var (firstMb, growthMb) = (0.0, 0.0);
        string db = "";
        for (var i = 0; i < repeat; i++)
        {
            db = Db(dir, $"ours{i}");
            first.Add(Child(["bench", "--step", "import", "--db", db, "--file", snap1]));
            firstMb = Mb(db);
            second.Add(Child(["bench", "--step", "import", "--db", db, "--file", snap2]));
            growthMb = Mb(db) - firstMb;
        }
        log.WriteLine($"{records}: rapporten och referensfrågan …");
        var report = Child(["bench", "--step", "report", "--db", db, "--out", Path.Combine(dir, "out")]);
        double? refMs = null;
        bool? match = null;
        if (sqlite3)
        {
            var refs = Enumerable.Range(0, repeat).Select(_ => Sqlite3Yardsticks.QuarterCounts(db, BenchSteps.Quarter)).ToList();
            refMs = Median(refs.Select(r => r.Elapsed.TotalMilliseconds).ToList());
            var sqlGroups = string.Join("|", refs[0].Counts.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}")).Replace(' ', '_');
            match = sqlGroups == report["groups"]
                    && refs[0].Counts.Where(kv => kv.Key.StartsWith("SoL;", StringComparison.Ordinal)).Sum(kv => kv.Value) == Int(report["total_sol"])
                    && refs[0].Counts.Where(kv => kv.Key.StartsWith("LSS;", StringComparison.Ordinal)).Sum(kv => kv.Value) == Int(report["total_lss"]);
        }
        return new(records, plain, storage, Median(first, "ms"), Max(first), Median(second, "ms"), Max(second), firstMb, growthMb,
            Num(report["warm_ms"]), long.Parse(report["hwm_kb"], CultureInfo.InvariantCulture), Num(report["load_ms"]), Num(report["agg_ms"]), refMs, match);
    }

    private Dictionary<string, string> Child(IReadOnlyList<string> args)
    {
        var psi = step(args);
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.UseShellExecute = false;
        using var p = Process.Start(psi)!;
        var error = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"steget '{string.Join(" ", args.Take(3))}' avslutades med kod {p.ExitCode}: {error.Result.Trim()} {output.Trim()}");
        var line = output.Split('\n').LastOrDefault(l => l.StartsWith("BENCH ", StringComparison.Ordinal));
        return line is null ? [] : line[6..].Split(' ').Select(kv => kv.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv[1]);
    }

    private List<double> Times(Func<int, double> run) => Enumerable.Range(0, repeat).Select(run).ToList();

    private string Fresh(string name)
    {
        var dir = Path.Combine(workDir, name);
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static string Db(string dir, string name)
    {
        var path = Path.Combine(dir, name + ".db");
        foreach (var f in Directory.GetFiles(dir, name + ".db*")) File.Delete(f);
        return path;
    }

    private static double Mb(string path) => new FileInfo(path).Length / 1024.0 / 1024.0;
    private static double Num(string s) => double.Parse(s, CultureInfo.InvariantCulture);
    private static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);
    private static double Median(List<Dictionary<string, string>> runs, string key) => Median(runs.Select(r => Num(r[key])).ToList());
    private static long Max(List<Dictionary<string, string>> runs) => runs.Max(r => long.Parse(r["hwm_kb"], CultureInfo.InvariantCulture));

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// The largest peak RSS of any child this process has waited for (getrusage RUSAGE_CHILDREN), in kB.
    private static long ChildrenPeakKb() => OperatingSystem.IsLinux() && GetRUsage(-1, out var u) == 0 ? u.MaxRssKb : 0;

    [StructLayout(LayoutKind.Sequential)]
    private struct RUsage
    {
        public long UserSec, UserUsec, SysSec, SysUsec, MaxRssKb;
        public long IxRss, IdRss, IsRss, MinFlt, MajFlt, NSwap, InBlock, OuBlock, MsgSnd, MsgRcv, NSignals, NvCsw, NivCsw;
    }

    [DllImport("libc", EntryPoint = "getrusage")]
    private static extern int GetRUsage(int who, out RUsage usage);
}
