using System.Globalization;
using System.Text;

namespace StatsReporting.Bench;

/// The benchmark's one table: a line per figure, a column per size, the target last; then the machine.
public static class BenchTable
{
    private static readonly CultureInfo Sv = CultureInfo.GetCultureInfo("sv-SE");

    /// `postgres`: the Postgres figures of each size (`bench --provider postgres`), as rows below SQLite's.
    public static string Format(IReadOnlyList<SizeResult> sizes, SampleRun? sample, string machine, IReadOnlyList<PostgresResult>? postgres = null)
    {
        var lines = new List<(string Label, Func<SizeResult, string> Cell, string Target)>
        {
            ("vår import, tom databas (exportordning: blandade beslut_id)", s => Sec(s.Import), ""),
            ("  därav läsa och validera (ingen lagring)", s => Sec(s.Parse), ""),
            ("sqlite3 .import av samma CSV", s => Sec(s.Plain), ""),
            ("  kvot mot .import", s => Ratio(s.Import, s.Plain), "≤ 2× (sikte 1,5×)"),
            ("sqlite3 med vårt schema och lagringsarbete", s => Sec(s.Storage), ""),
            ("  kvot mot sqlite3 med vårt schema", s => Ratio(s.Import, s.Storage), "≤ 1,2×"),
            ("vår import, samma rader sorterade på person", s => Sec(s.ImportByPerson), ""),
            ("  kvot mot .import", s => Ratio(s.ImportByPerson, s.Plain), "≤ 2×"),
            ("vår import, samma rader i beslut_id-ordning (jämförelse)", s => Sec(s.ImportById), ""),
            ("  kvot mot .import", s => Ratio(s.ImportById, s.Plain), ""),
            ("topp-RSS, import", s => Mb(s.ImportKb), "< 300 MB"),
            ("andra ögonblicksbilden, 1 % ändrade", s => Sec(s.Second), ""),
            ("  kvot mot sqlite3 med vårt schema", s => Ratio(s.Second, s.Storage), "≤ 2×"),
            ("  topp-RSS", s => Mb(s.SecondKb), "< 300 MB"),
            ("databasen efter första importen", s => $"{s.FirstMb.ToString("F1", Sv)} MB", ""),
            ("  tillväxt per ögonblicksbild", s => $"{s.GrowthMb.ToString("F2", Sv)} MB", ""),
            ("kvartalets alla utdata, varmt", s => Sec(s.Warm), "< 1 s"),
            ("  topp-RSS, rapport", s => Mb(s.ReportKb), "< 300 MB"),
            ("läsa underlaget och aggregera (båda lagarna)", s => Sec(s.Aggregation), ""),
            ("referensfråga i sqlite3", s => Sec(s.Reference), ""),
            ("  kvot mot referensfrågan", s => Ratio(s.Aggregation, s.Reference), "≤ 2×"),
            ("  samma antal som referensfrågan", s => s.CountsMatch switch { true => "ja", false => "NEJ", null => "–" }, "ja"),
        };
        var sb = new StringBuilder();
        sb.AppendLine($"| mått | {string.Join(" | ", sizes.Select(s => s.Records.ToString("N0", Sv) + " beslut"))} | mål |");
        sb.AppendLine($"|---|{string.Join("", sizes.Select(_ => "---:|"))}---|");
        foreach (var (label, cell, target) in lines)
            sb.AppendLine($"| {label} | {string.Join(" | ", sizes.Select(s => s.Measured ? cell(s) : "–"))} | {target} |");
        if (postgres is not null)
            foreach (var (label, cell, target) in PostgresLines)
                sb.AppendLine($"| {label} | {string.Join(" | ", postgres.Select((p, i) => cell(sizes[i], p)))} | {target} |");
        if (sample is not null)
            sb.AppendLine($"| `run --period 2025Q2` på exemplet, kall process | {Sec(sample.Time)}, topp-RSS {Mb(sample.Kb)}{string.Concat(Enumerable.Repeat(" |", sizes.Count))} < 2 s |");
        sb.AppendLine();
        sb.AppendLine("Tider: väggklocka (CPU-tid, användare + system). Kvoter: väggklocka (CPU-tid).");
        sb.AppendLine($"Maskin: {machine}");
        return sb.ToString().Replace('\u00a0', ' ');
    }

    /// Each cell from the size's SQLite figures and its Postgres figures (the database size is compared with SQLite's).
    private static readonly (string Label, Func<SizeResult, PostgresResult, string> Cell, string Target)[] PostgresLines =
    [
        ("PostgreSQL: psql \\copy av samma CSV till en enkel tabell (golvet)", (_, p) => Sec(p.Floor1), ""),
        ("PostgreSQL: vår import, tom databas (binär COPY)", (_, p) => Sec(p.Import), ""),
        ("  kvot mot \\copy", (_, p) => Ratio(p.Import, p.Floor1), "≤ 2× (sikte 1,5×)"),
        ("  topp-RSS, import", (_, p) => Mb(p.ImportKb), "< 300 MB (10 M: < 500 MB)"),
        ("PostgreSQL: psql \\copy av andra ögonblicksbilden (golvet)", (_, p) => Sec(p.Floor2), ""),
        ("PostgreSQL: andra ögonblicksbilden, 1 % ändrade", (_, p) => Sec(p.Second), ""),
        ("  kvot mot \\copy", (_, p) => Ratio(p.Second, p.Floor2), "≤ 2×"),
        ("  topp-RSS", (_, p) => Mb(p.SecondKb), "< 300 MB (10 M: < 500 MB)"),
        ("PostgreSQL: databasen efter första importen", (_, p) => $"{p.FirstMb.ToString("F1", Sv)} MB", ""),
        ("  kvot mot SQLite-filen", (s, p) => s.Measured ? $"{(p.FirstMb / s.FirstMb).ToString("F2", Sv)}×" : "–", "≤ 1,5×"),
        ("PostgreSQL: kvartalets alla utdata, varmt", (_, p) => Sec(p.Warm), "< 1 s (10 M: < 3 s)"),
        ("  topp-RSS, rapport", (_, p) => Mb(p.ReportKb), "< 300 MB (10 M: < 500 MB)"),
    ];

    /// The load average now (1, 5 and 15 minutes), as "a / b / c"; null where /proc is missing.
    public static string? Load() => File.Exists("/proc/loadavg") ? string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ')[..3]) : null;

    /// `loadAtStart`: Load() when the benchmark began.
    public static string Machine(string? sqlite3, string? loadAtStart = null)
    {
        var memKb = File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo").Where(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))
                .Select(l => long.Parse(l[9..].Trim().Split(' ')[0], CultureInfo.InvariantCulture)).FirstOrDefault()
            : 0;
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var load = Load();
        return $"{Environment.ProcessorCount} kärnor ({cpu ?? "okänd processor"}), {(memKb / 1024.0 / 1024.0).ToString("F1", Sv)} GB minne, "
               + $"{System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}, "
               + (sqlite3 is null ? "sqlite3 saknas" : $"sqlite3 {sqlite3}")
               + (load is null ? "" : $"; belastning (load average 1/5/15 min) {(loadAtStart is null ? "" : $"vid början {loadAtStart}, ")}vid slutet {load}");
    }

    private static string Sec(Figure? f) => f is not { } v ? "–" : $"{S(v.WallMs)} ({S(v.CpuMs)})";
    private static string S(double ms) => ms < 10_000 ? $"{(ms / 1000).ToString("F2", Sv)} s" : $"{(ms / 1000).ToString("F1", Sv)} s";
    private static string Ratio(Figure ours, Figure? yardstick) => yardstick is not { } y ? "–"
        : $"{(ours.WallMs / y.WallMs).ToString("F2", Sv)}× ({(ours.CpuMs / Math.Max(y.CpuMs, 1)).ToString("F2", Sv)}×)";
    private static string Mb(long kb) => kb == 0 ? "–" : $"{(kb / 1024.0).ToString("F0", Sv)} MB";
}
