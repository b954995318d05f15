using System.Diagnostics;
using System.Globalization;
using StatsReporting.Decisions;
using StatsReporting.Import;
using StatsReporting.Ivo;
using StatsReporting.Reports;
using StatsReporting.Storage;
using StatsReporting.Organisation;
using StatsReporting.Jobs;

namespace StatsReporting.Bench;

/// What the benchmark times, each run in a process of its own (`bench --step …`) so that its peak RSS is its own.
/// A step ends by printing one line "BENCH key=value …" that the benchmark reads.
public static class BenchSteps
{
    public static readonly Period Quarter = Period.Of(SyntheticMunicipality.AsOf);

    /// The bench's database: SQLite, or Postgres when `bench --provider postgres` says so; migrated.
    private static NamndContext Open(Installation settings, string dbPath)
    {
        var db = settings.Get<StorageSettings>().Open(dbPath);
        db.Migrate();
        return settings.For(db);
    }

    public static IReadOnlyDictionary<string, string> Import(Installation settings, string dbPath, string file)
    {
        var n = Open(settings, dbPath);
        var importer = new Importer(n.Db, n.Catalog, n.Archive, TimeProvider.System, Fitting(settings.Get<ImportLimits>(), file));
        var (outcome, time) = Figure.Of(() => importer.Import(file));
        return Result(("ms", Ms(time.WallMs)), ("cpu_ms", Ms(time.CpuMs)), ("rows", outcome.Rows.ToString(CultureInfo.InvariantCulture)),
            ("changed", outcome.Changed.ToString(CultureInfo.InvariantCulture)));
    }

    /// The installation's import bounds, raised where the bench's own synthetic file needs it (ten million decisions
    /// are 740 MB and 130 million cells, above the defaults for a case system's export): size, rows and cells.
    private static ImportLimits Fitting(ImportLimits limits, string file)
    {
        var bytes = new FileInfo(file).Length;
        var rows = (int)Math.Min(int.MaxValue, bytes / 40 + 1); // every synthetic row is longer than 40 bytes
        return limits with
        {
            MaxFileBytes = Math.Max(limits.MaxFileBytes, bytes), MaxRows = Math.Max(limits.MaxRows, rows),
            MaxCells = Math.Max(limits.MaxCells, (long)rows * 13),
        };
    }

    /// The import's reading and validation alone, storing nothing: what the import costs before the store.
    public static IReadOnlyDictionary<string, string> Parse(Installation settings, string file)
    {
        var (limits, catalog) = (Fitting(settings.Get<ImportLimits>(), file), new Catalog(settings.Get<CatalogSettings>()));
        var ((rows, ok), time) = Figure.Of(() =>
        {
            using var source = RowSource.Open(file, null, limits);
            var validator = new RecordValidator(source.FileName, source.Header, catalog, DateOnly.FromDateTime(DateTime.Today), limits);
            return (validator.Decisions(source.Rows).Count(), validator.Ok);
        });
        if (!ok) throw new InvalidOperationException("den syntetiska filen har fel.");
        return Result(("ms", Ms(time.WallMs)), ("cpu_ms", Ms(time.CpuMs)), ("rows", rows.ToString(CultureInfo.InvariantCulture)));
    }

    /// One quarter's complete outputs twice in one process (the second is the warm figure), then the aggregation
    /// alone: reading the records the quarter needs, and counting them into both KF reports.
    public static IReadOnlyDictionary<string, string> Report(Installation settings, string dbPath, string outDir)
    {
        var n = Open(settings, dbPath);
        var db = n.Db;
        var asOf = Quarter.End;
        Figure Outputs(int round) => Figure.Of(() =>
        {
            var progress = new Timed(Stopwatch.StartNew());
            var records = QuarterRecords.Load(db, Quarter);
            progress.Report($"underlaget läst ({records.Decisions.Count} beslut)");
            new ReportService(n).Write(Quarter, asOf, Path.Combine(outDir, $"kf{round}"), progress, records: records);
            progress.Report("IVO-exporten …");
            new IvoExport(n, TimeProvider.System).Write(Quarter, Path.Combine(outDir, $"ivo{round}"), Path.Combine(outDir, $"kf{round}"), records);
            progress.Report("klart");
            return 0;
        }).Time;
        var cold = Outputs(1);
        var warm = Outputs(2);

        var (data, load) = Figure.Of(() => QuarterRecords.Load(db, Quarter));
        var (reports, agg) = Figure.Of(() => new ReportService(n).Build(data.Decisions, Quarter, asOf));
        var groups = data.Decisions.Where(d => ReportingRule.IsReportable(d, Quarter))
            .GroupBy(d => $"{d.Lag};{d.Verksamhet};{d.Insats};{d.Kon}")
            .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}={g.Count()}");
        return Result(("cold_ms", Ms(cold.WallMs)), ("warm_ms", Ms(warm.WallMs)), ("warm_cpu_ms", Ms(warm.CpuMs)),
            ("agg_ms", Ms((load + agg).WallMs)), ("agg_cpu_ms", Ms((load + agg).CpuMs)),
            ("records", data.Decisions.Count.ToString(CultureInfo.InvariantCulture)),
            ("total_sol", reports[0].Total.ToString(CultureInfo.InvariantCulture)),
            ("total_lss", reports[1].Total.ToString(CultureInfo.InvariantCulture)),
            ("groups", string.Join("|", groups).Replace(' ', '_')));
    }

    /// Each step of the outputs on stderr with the time since they began, to see where the time goes.
    private sealed class Timed(Stopwatch watch) : IProgress<string>
    {
        private readonly TimeSpan _cpu = Process.GetCurrentProcess().TotalProcessorTime;

        public void Report(string value) => Console.Error.WriteLine(
            $"{watch.Elapsed.TotalMilliseconds,8:F0} ms (CPU {(Process.GetCurrentProcess().TotalProcessorTime - _cpu).TotalMilliseconds,6:F0} ms, "
            + $"RSS {Process.GetCurrentProcess().WorkingSet64 / 1024 / 1024,4} MB, heap {GC.GetTotalMemory(false) / 1024 / 1024,4} MB, "
            + $"GC {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} paused {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms)  {value}");
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

    private static string Ms(double ms) => ms.ToString("F1", CultureInfo.InvariantCulture);
}
