using StatsReporting.Jobs;

namespace StatsReporting.Cli;

/// The quarterly job by hand: import every file of the inbox, then report the quarter.
public static class RunCommand
{
    public static int Run(Args args)
    {
        args.Allow("run", "period", "as-of", "out", "inbox");
        var ctx = new CliContext(args);
        var period = ReportCommand.ParsePeriod(args);
        using var guard = RunLock.TryAcquire(ctx.Db.Path)
            ?? throw new InvalidOperationException("en annan körning av kvartalsjobbet pågår redan mot samma databas (t.ex. i webbtjänsten).");
        var job = new QuarterJob(ctx.Db, ctx.Catalog, ctx.Settings, TimeProvider.System);
        var result = job.Run(period, ReportCommand.AsOf(args, period), ReportCommand.Folder(args, "inbox", ctx.Settings.Paths.Inbox),
            ReportCommand.Folder(args, "out", ctx.Settings.Paths.Reports), new ReportCommand.Progress());
        foreach (var i in result.Imports)
        {
            foreach (var w in i.Warnings) Console.Error.WriteLine($"Varning: {w}");
            Console.WriteLine(i.Summary);
        }
        foreach (var f in result.Files) Console.WriteLine($"{f.Kind}: {f.Path}");
        Console.WriteLine(result.Ivo.Summary);
        foreach (var w in result.Ivo.Warnings) Console.Error.WriteLine(w);
        return 0;
    }
}
