namespace StatsReporting.Tests.Support;

/// Runs the CLI through its real entry point in this process, capturing what it prints. Console output is
/// process-wide: tests that use this belong to the "Console" collection, so none run at the same time.
public static class CliInProcess
{
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var entry = typeof(StatsReporting.Cli.Args).Assembly.EntryPoint!;
        var (stdout, stderr) = (Console.Out, Console.Error);
        using var o = new StringWriter();
        using var e = new StringWriter();
        Console.SetOut(o);
        Console.SetError(e);
        try { return ((int)entry.Invoke(null, [args])!, o.ToString(), e.ToString()); }
        finally { Console.SetOut(stdout); Console.SetError(stderr); }
    }
}
