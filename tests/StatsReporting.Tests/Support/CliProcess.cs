using System.Diagnostics;

namespace StatsReporting.Tests.Support;

public sealed record CliResult(int ExitCode, string Stdout, string Stderr);

/// Runs the real CLI (statsreporting.dll, copied beside the tests) in its own process, in a given working folder.
public static class CliProcess
{
    public static CliResult Run(string workDir, params string[] args) => RunWith(new Dictionary<string, string>(), workDir, args);

    /// The same with environment variables set for the process (StatsReporting__Storage__Provider=Postgres, say).
    public static CliResult RunWith(IReadOnlyDictionary<string, string> env, string workDir, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = workDir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (k, v) in env) psi.Environment[k] = v;
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "statsreporting.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        return new(p.ExitCode, stdout.Result, stderr);
    }
}
