using StatsReporting.Organisation;
using StatsReporting.Jobs;
using StatsReporting.Web.Jobs;

namespace StatsReporting.Cli;

/// The quarterly job by hand: import every file of the inbox, then report the quarter. The run is recorded in the
/// same history as the web's runs (trigger "cli", started by user@machine), so the page lists it too. Without
/// --namnd every nämnd is run, each in its own run with its own history row; one nämnd's failure is reported and the
/// others still run (exit code 1 when any failed).
public static class RunCommand
{
    public static int Run(Args args)
    {
        args.Allow("run", "period", "as-of", "out", "inbox", "namnd", "arendenr", "handlaggare");
        var ctx = new CliContext(args);
        var period = ReportCommand.ParsePeriod(args);
        var (asOf, inbox, outRoot) = (ReportCommand.AsOf(args, period), ReportCommand.Folder(args, "inbox", ctx.Installation.Paths.Inbox),
            ReportCommand.Folder(args, "out", ctx.Installation.Paths.Reports));
        using var guard = RunLock.TryAcquire(ctx.InstallationDb)
            ?? throw new InvalidOperationException("en annan körning av kvartalsjobbet pågår redan mot samma databas (t.ex. i webbtjänsten).");
        // Holding the lock, nothing else runs: a row still marked running belonged to a process that died (as `serve`
        // does at start and before each run), so the page does not show it running for good.
        new RunHistory(ctx.InstallationDb, TimeProvider.System).AbandonDead(null);
        var selected = ctx.Selected;
        Exception? failure = null;
        foreach (var n in selected)
        {
            try { RunOne(n, period, asOf, inbox, outRoot, guard, ReportCommand.Document(args)); }
            catch (Exception e) when (selected.Count > 1)
            {
                Console.Error.WriteLine($"Fel: {n.Namnd.Name} ({n.Code}): {QuarterlyJob.Describe(e)}");
                failure = e;
            }
        }
        if (!ctx.NamndGiven && failure is null)
            foreach (var f in KommunSummaries.Write(ctx.Installation, ctx.InstallationDb, period, asOf, outRoot))
                Console.WriteLine($"{f.Kind}: {f.Path}");
        return failure is null ? 0 : 1;
    }

    private static void RunOne(NamndContext n, Decisions.Period period, DateOnly asOf, string inbox, string outRoot, RunLock guard,
        Reports.Document.DocumentInput document)
    {
        var history = new RunHistory(n.Db, TimeProvider.System);
        var id = history.Start(period, RunHistory.Cli, null, $"{Environment.UserName}@{Environment.MachineName}");
        QuarterJobResult result;
        try
        {
            var progress = new Both(new ReportCommand.Progress(), history.ProgressFor(id));
            result = new QuarterJob(n, TimeProvider.System).Run(period, asOf, inbox, outRoot, progress, held: guard, document: document);
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
