using StatsReporting.Ivo;
using StatsReporting.Jobs;

namespace StatsReporting.Cli;

/// `ivo --period P [--out DIR]` writes the individrapport; `ivo status [--today D]` shows the reporting calendar.
public static class IvoCommand
{
    public static int Run(Args args)
    {
        args.Allow("ivo", "period", "out", "today", "namnd");
        var ctx = new CliContext(args);
        var namnd = ctx.Namnd;
        var export = new IvoExport(namnd, TimeProvider.System);
        if (args.Positional is ["status"])
        {
            var today = ReportCommand.DateOption(args, "today") ?? ctx.Installation.Get<ScheduleSettings>().Today(TimeProvider.System);
            foreach (var line in IvoCalendar.Lines(export.Status(today))) Console.WriteLine(line);
            return 0;
        }
        if (args.Positional.Count > 0) throw new UsageException($"okänt underkommando '{args.Positional[0]}' (ange status eller --period).");

        var result = export.Write(ReportCommand.ParsePeriod(args), ReportCommand.Folder(args, "out", namnd.IvoRoot));
        foreach (var f in result.Files) Console.WriteLine($"{f.Kind}: {f.Path}");
        Console.WriteLine(result.Summary);
        foreach (var w in result.Warnings) Console.Error.WriteLine(w);
        // The files are written either way; a vanished case is an error the rapportör must resolve.
        return result.Forsvunna.Count == 0 ? 0 : 1;
    }
}
