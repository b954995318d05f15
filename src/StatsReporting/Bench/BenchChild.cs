using System.Diagnostics;
using System.Globalization;

namespace StatsReporting.Bench;

/// One step of the benchmark in a child process, and the figures on its last line ("BENCH key=value …").
internal static class BenchChild
{
    /// Runs `psi` (the step `args`, as `step` started it) and returns its figures; `where` names the database in an error.
    public static Dictionary<string, string> Run(ProcessStartInfo psi, IReadOnlyList<string> args, string where = "")
    {
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.UseShellExecute = false;
        using var p = Process.Start(psi)!;
        var error = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"steget '{string.Join(" ", args.Take(3))}'{where} avslutades med kod {p.ExitCode}: {error.Result.Trim()} {output.Trim()}");
        var line = output.Split('\n').LastOrDefault(l => l.StartsWith("BENCH ", StringComparison.Ordinal));
        return line is null ? [] : line[6..].Split(' ').Select(kv => kv.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv[1]);
    }

    public static Figure Time(Dictionary<string, string> step) => new(Num(step["ms"]), Num(step["cpu_ms"]));
    public static long Kb(IEnumerable<Dictionary<string, string>> steps) => steps.Max(s => long.Parse(s["hwm_kb"], CultureInfo.InvariantCulture));
    public static double Num(string s) => double.Parse(s, CultureInfo.InvariantCulture);
}
