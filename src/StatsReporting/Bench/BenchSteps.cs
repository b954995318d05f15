using System.Diagnostics;
using System.Globalization;
using StatsReporting.Decisions;
using StatsReporting.Import;
using StatsReporting.Ivo;
using StatsReporting.Reports;
using StatsReporting.Storage;

namespace StatsReporting.Bench;

/// What the benchmark times, each run in a process of its own (`bench --step …`) so that its peak RSS is its own.
/// A step ends by printing one line "BENCH key=value …" that the benchmark reads.
public static class BenchSteps
{
    public static readonly Period Quarter = Period.Of(SyntheticMunicipality.AsOf);

    public static IReadOnlyDictionary<string, string> Import(AppSettings settings, string dbPath, string file)
    {
        var db = new Db(dbPath);
        db.Migrate();
        var importer = new Importer(db, new Catalog(settings.Catalog), settings.Paths.ArchiveFor(db.Path), TimeProvider.System, settings.Import);
        var watch = Stopwatch.StartNew();
        var outcome = importer.Import(file);
        watch.Stop();
        return Result(("ms", Ms(watch.Elapsed)), ("rows", outcome.Rows.ToString(CultureInfo.InvariantCulture)),
            ("changed", outcome.Changed.ToString(CultureInfo.InvariantCulture)));
    }

    /// One quarter's complete outputs twice in one process (the second is the warm figure), then the aggregation
    /// alone: reading the records the quarter needs, and counting them into both KF reports.
    public static IReadOnlyDictionary<string, string> Report(AppSettings settings, string dbPath, string outDir)
    {
        var db = new Db(dbPath);
        db.Migrate();
        var catalog = new Catalog(settings.Catalog);
        var asOf = Quarter.End;
        TimeSpan Outputs(int round)
        {
            var watch = Stopwatch.StartNew();
            QuarterRecords records;
            using (var c = db.Open()) records = QuarterRecords.Load(c, Quarter);
            var progress = new Timed(watch);
            new ReportService(db, catalog, settings).Write(Quarter, asOf, Path.Combine(outDir, $"kf{round}"), progress, records: records);
            progress.Report("IVO-exporten …");
            new IvoExport(db, catalog, settings, TimeProvider.System).Write(Quarter, Path.Combine(outDir, $"ivo{round}"), Path.Combine(outDir, $"kf{round}"), records);
            progress.Report("klart");
            return watch.Elapsed;
        }
        var cold = Outputs(1);
        var warm = Outputs(2);

        var load = Stopwatch.StartNew();
        QuarterRecords data;
        using (var c = db.Open()) data = QuarterRecords.Load(c, Quarter);
        load.Stop();
        var agg = Stopwatch.StartNew();
        var reports = new ReportService(db, catalog, settings).Build(data.Decisions, Quarter, asOf);
        agg.Stop();
        var groups = data.Decisions.Where(d => ReportingRule.IsReportable(d, Quarter))
            .GroupBy(d => $"{d.Lag};{d.Verksamhet};{d.Insats};{d.Kon}")
            .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}={g.Count()}");
        return Result(("cold_ms", Ms(cold)), ("warm_ms", Ms(warm)), ("load_ms", Ms(load.Elapsed)), ("agg_ms", Ms(agg.Elapsed)),
            ("records", data.Decisions.Count.ToString(CultureInfo.InvariantCulture)),
            ("total_sol", reports[0].Total.ToString(CultureInfo.InvariantCulture)),
            ("total_lss", reports[1].Total.ToString(CultureInfo.InvariantCulture)),
            ("groups", string.Join("|", groups).Replace(' ', '_')));
    }

    /// Each step of the outputs on stderr with the time since they began, to see where the time goes.
    private sealed class Timed(Stopwatch watch) : IProgress<string>
    {
        public void Report(string value) => Console.Error.WriteLine($"{watch.Elapsed.TotalMilliseconds,8:F0} ms  {value}");
    }

    /// The peak resident set of this process so far (VmHWM), in kB; 0 where /proc is missing.
    public static long PeakRssKb()
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status)) return 0;
        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    public static string Line(IReadOnlyDictionary<string, string> result) =>
        "BENCH " + string.Join(" ", result.Append(new("hwm_kb", PeakRssKb().ToString(CultureInfo.InvariantCulture))).Select(kv => $"{kv.Key}={kv.Value}"));

    private static Dictionary<string, string> Result(params (string Key, string Value)[] pairs) => pairs.ToDictionary(p => p.Key, p => p.Value);

    private static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("F1", CultureInfo.InvariantCulture);
}
