using StatsReporting.Jobs;
using StatsReporting.Web.Jobs;

namespace StatsReporting.Cli;

/// The quarterly job by hand: import every file of the inbox, then report the quarter. The run is recorded in the
/// same history as the web's runs (trigger "cli", started by user@machine), so the page lists it too.
public static class RunCommand
{
    public static int Run(Args args)
    {
        args.Allow("run", "period", "as-of", "out", "inbox");
        var ctx = new CliContext(args);
        var period = ReportCommand.ParsePeriod(args);
        var (asOf, inbox, outRoot) = (ReportCommand.AsOf(args, period), ReportCommand.Folder(args, "inbox", ctx.Settings.Paths.Inbox),
            ReportCommand.Folder(args, "out", ctx.Settings.Paths.Reports));
        using var guard = RunLock.TryAcquire(ctx.Db.Path)
            ?? throw new InvalidOperationException("en annan körning av kvartalsjobbet pågår redan mot samma databas (t.ex. i webbtjänsten).");
        var history = new RunHistory(ctx.Db, TimeProvider.System);
        var id = history.Start(period, RunHistory.Cli, null, $"{Environment.UserName}@{Environment.MachineName}");
        QuarterJobResult result;
        try
        {
            var progress = new Both(new ReportCommand.Progress(), history.ProgressFor(id));
            result = new QuarterJob(ctx.Db, ctx.Catalog, ctx.Settings, TimeProvider.System).Run(period, asOf, inbox, outRoot, progress);
        }
        catch (Exception e)
        {
            history.Finish(id, RunHistory.Failed, QuarterlyJob.Describe(e));
            throw;
        }
        history.Finish(id, RunHistory.Succeeded, QuarterlyJob.Summary(result));
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

    private sealed class Both(IProgress<string> a, IProgress<string> b) : IProgress<string>
    {
        public void Report(string value)
        {
            a.Report(value);
            b.Report(value);
        }
    }
}
