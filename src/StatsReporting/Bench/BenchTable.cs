using System.Globalization;
using System.Text;

namespace StatsReporting.Bench;

/// The benchmark's one table: a line per figure, a column per size, the target last; then the machine.
public static class BenchTable
{
    private static readonly CultureInfo Sv = CultureInfo.GetCultureInfo("sv-SE");

    public static string Format(IReadOnlyList<SizeResult> sizes, SampleRun? sample, string machine)
    {
        var lines = new List<(string Label, Func<SizeResult, string> Cell, string Target)>
        {
            ("vår import, tom databas", s => Sec(s.ImportMs), ""),
            ("sqlite3 .import av samma CSV", s => Sec(s.PlainMs), ""),
            ("  kvot mot .import", s => Ratio(s.ImportMs, s.PlainMs), "≤ 2× (sikte 1,5×)"),
            ("sqlite3 med vårt schema och lagringsarbete", s => Sec(s.StorageMs), ""),
            ("  kvot mot sqlite3 med vårt schema", s => Ratio(s.ImportMs, s.StorageMs), "≤ 1,2×"),
            ("topp-RSS, import", s => Mb(s.ImportKb), "< 300 MB"),
            ("andra ögonblicksbilden, 1 % ändrade", s => Sec(s.SecondMs), ""),
            ("  kvot mot sqlite3 med vårt schema", s => Ratio(s.SecondMs, s.StorageMs), "≤ 2×"),
            ("  topp-RSS", s => Mb(s.SecondKb), "< 300 MB"),
            ("databasen efter första importen", s => $"{s.FirstMb.ToString("F1", Sv)} MB", ""),
            ("  tillväxt per ögonblicksbild", s => $"{s.GrowthMb.ToString("F2", Sv)} MB", ""),
            ("kvartalets alla utdata, varmt", s => Sec(s.WarmMs), "< 1 s"),
            ("  topp-RSS, rapport", s => Mb(s.ReportKb), "< 300 MB"),
            ("läsa kvartalets underlag", s => Sec(s.LoadMs), ""),
            ("aggregering (båda lagarna)", s => Sec(s.AggMs), ""),
            ("referensfråga i sqlite3", s => Sec(s.RefMs), ""),
            ("  kvot (läsa + aggregera) mot referensfrågan", s => Ratio(s.LoadMs + s.AggMs, s.RefMs), "≤ 2×"),
            ("  samma antal som referensfrågan", s => s.CountsMatch switch { true => "ja", false => "NEJ", null => "–" }, "ja"),
        };
        var sb = new StringBuilder();
        sb.AppendLine($"| mått | {string.Join(" | ", sizes.Select(s => s.Records.ToString("N0", Sv) + " beslut"))} | mål |");
        sb.AppendLine($"|---|{string.Join("", sizes.Select(_ => "---:|"))}---|");
        foreach (var (label, cell, target) in lines)
            sb.AppendLine($"| {label} | {string.Join(" | ", sizes.Select(cell))} | {target} |");
        if (sample is not null)
            sb.AppendLine($"| `run --period 2025Q2` på exemplet, kall process | {Sec(sample.Ms)}, topp-RSS {Mb(sample.Kb)}{string.Concat(Enumerable.Repeat(" |", sizes.Count))} < 2 s |");
        sb.AppendLine();
        sb.AppendLine($"Maskin: {machine}");
        return sb.ToString().Replace('\u00a0', ' ');
    }

    public static string Machine(string? sqlite3)
    {
        var memKb = File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo").Where(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))
                .Select(l => long.Parse(l[9..].Trim().Split(' ')[0], CultureInfo.InvariantCulture)).FirstOrDefault()
            : 0;
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return $"{Environment.ProcessorCount} kärnor ({cpu ?? "okänd processor"}), {(memKb / 1024.0 / 1024.0).ToString("F1", Sv)} GB minne, "
               + $"{System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}, "
               + (sqlite3 is null ? "sqlite3 saknas" : $"sqlite3 {sqlite3}");
    }

    private static string Sec(double? ms) => ms is not { } v ? "–" : v < 10_000 ? $"{(v / 1000).ToString("F2", Sv)} s" : $"{(v / 1000).ToString("F1", Sv)} s";
    private static string Ratio(double ours, double? yardstick) => yardstick is not { } y ? "–" : $"{(ours / y).ToString("F2", Sv)}×";
    private static string Mb(long kb) => kb == 0 ? "–" : $"{(kb / 1024.0).ToString("F0", Sv)} MB";
}
