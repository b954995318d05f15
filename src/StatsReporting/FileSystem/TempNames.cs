using System.Text.RegularExpressions;

namespace StatsReporting.FileSystem;

/// Names of this program's temporary files and folders: hidden, with the writing process's id and a random part,
/// ".evb-sol-2025Q2.4711.<32 hex>.xlsx" or ".2025Q2.4711.<32 hex>.new". The process id lets a sweep tell what a
/// killed process left behind (remove it) from what a live one is writing right now (leave it).
public static partial class TempNames
{
    public static string For(string stem, string extension) =>
        $".{stem}.{Environment.ProcessId}.{Guid.NewGuid():N}{extension}";

    /// The final name a temporary one stands for (".2025Q2.4711.<hex>.old" → "2025Q2"), if it is one of ours.
    public static bool TryParse(string fileName, out string stem, out string extension, out int pid)
    {
        var m = Pattern().Match(fileName);
        (stem, extension, pid) = m.Success ? (m.Groups[1].Value, m.Groups[4].Value, int.Parse(m.Groups[2].Value)) : ("", "", 0);
        return m.Success;
    }

    /// Left behind: ours, and its process is gone (never this process's own).
    public static bool IsStale(string fileName) => TryParse(fileName, out _, out _, out var pid) && !IsAlive(pid);

    private static bool IsAlive(int pid)
    {
        if (pid == Environment.ProcessId) return true;
        if (OperatingSystem.IsLinux()) return Directory.Exists($"/proc/{pid}");
        try { using var p = System.Diagnostics.Process.GetProcessById(pid); return !p.HasExited; }
        catch (ArgumentException) { return false; }
    }

    [GeneratedRegex(@"^\.(.+)\.([0-9]{1,9})\.([0-9a-f]{32})(\.[A-Za-z0-9]+)?$")]
    private static partial Regex Pattern();
}
