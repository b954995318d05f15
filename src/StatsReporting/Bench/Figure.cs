using System.Diagnostics;
using System.Runtime.InteropServices;

namespace StatsReporting.Bench;

/// A measured time: wall clock and CPU (user + system) in ms. On a shared machine the wall clock follows the load of
/// others; the CPU time is what the work itself cost, so both are printed.
public readonly record struct Figure(double WallMs, double CpuMs)
{
    public static Figure operator +(Figure a, Figure b) => new(a.WallMs + b.WallMs, a.CpuMs + b.CpuMs);

    /// Times `work` in this process.
    public static (T Value, Figure Time) Of<T>(Func<T> work)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var value = work();
        watch.Stop();
        return (value, new(watch.Elapsed.TotalMilliseconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds));
    }

    /// Times a child process from start to exit: its CPU from getrusage(RUSAGE_CHILDREN) before and after.
    public static Figure OfChild(Action startAndWait)
    {
        var before = Children();
        var watch = Stopwatch.StartNew();
        startAndWait();
        watch.Stop();
        return new(watch.Elapsed.TotalMilliseconds, Children().CpuMs - before.CpuMs);
    }

    public static Figure Median(IReadOnlyList<Figure> runs) => new(Median(runs.Select(r => r.WallMs)), Median(runs.Select(r => r.CpuMs)));

    private static double Median(IEnumerable<double> values)
    {
        var s = values.Order().ToList();
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
    }

    /// CPU time of every child waited for so far, and the largest peak RSS among them (kB).
    public static (double CpuMs, long MaxRssKb) Children()
    {
        if (!OperatingSystem.IsLinux() || GetRUsage(-1, out var u) != 0) return (0, 0);
        return ((u.UserSec + u.SysSec) * 1000.0 + (u.UserUsec + u.SysUsec) / 1000.0, u.MaxRssKb);
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct RUsage
    {
        public long UserSec, UserUsec, SysSec, SysUsec, MaxRssKb;
        public long IxRss, IdRss, IsRss, MinFlt, MajFlt, NSwap, InBlock, OuBlock, MsgSnd, MsgRcv, NSignals, NvCsw, NivCsw;
    }

    [DllImport("libc", EntryPoint = "getrusage")]
    private static extern int GetRUsage(int who, out RUsage usage);
}
