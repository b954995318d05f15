using System.Diagnostics;
using StatsReporting.Tests.Support;

namespace StatsReporting.Tests.BadInput;

public sealed record Measured(CliResult Result, TimeSpan Elapsed, long PeakBytes);

/// Runs the real CLI in a child process and measures it from outside: wall time, and the peak resident memory
/// (VmHWM in /proc/<pid>/status, the kernel's high-water mark, polled until the process ends), so the test runner's
/// own memory is not mixed in. A child over the time limit is killed.
public static class MeasuredCli
{
    public static Measured Run(string workDir, TimeSpan limit, IReadOnlyDictionary<string, string>? env, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = workDir, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "statsreporting.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var (k, v) in env ?? new Dictionary<string, string>()) psi.Environment[k] = v;
        var watch = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        long peak = 0;
        while (!p.WaitForExit(20))
        {
            peak = Math.Max(peak, HighWaterMark(p.Id));
            if (watch.Elapsed > limit) { p.Kill(entireProcessTree: true); p.WaitForExit(); break; }
        }
        watch.Stop();
        return new(new(p.HasExited ? p.ExitCode : -1, stdout.Result, stderr.Result), watch.Elapsed, peak);
    }

    private static long HighWaterMark(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
                if (line.StartsWith("VmHWM:")) return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
        }
        catch (IOException) { } // the process ended between two looks
        return 0;
    }
}
