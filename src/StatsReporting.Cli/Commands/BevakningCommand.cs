using StatsReporting.Bevakning;

namespace StatsReporting.Cli;

/// `bevakning [--today D] [--days N] [--format json] [--out DIR]`: decisions nearing three months, and those already
/// late that no report has had yet; writes bevakning-<today>.xlsx too. JSON goes alone to stdout, the path to stderr.
public static class BevakningCommand
{
    public static int Run(Args args)
    {
        args.Allow("bevakning", "today", "days", "format", "out", "namnd");
        var format = args.Option("format") ?? "text";
        if (format is not ("text" or "json")) throw new UsageException($"okänt format '{format}' (ange text eller json).");
        int? days = args.Option("days") is not { } text ? null
            : int.TryParse(text, out var n) && n is >= 0 and <= 366 ? n : throw new UsageException($"ogiltigt antal dagar '{text}' för --days (ett heltal 0–366).");
        var ctx = new CliContext(args);
        var today = ReportCommand.DateOption(args, "today") ?? ctx.Installation.Get<BevakningSettings>().Today(TimeProvider.System);
        var service = new BevakningService(ctx.Namnd);
        var list = service.List(today, days);
        var path = service.WriteWorkbook(list, args.Option("out") is null ? null : ReportCommand.Folder(args, "out", ""));
        if (format == "json") Console.WriteLine(BevakningOutput.Json(list));
        else foreach (var line in BevakningOutput.Lines(list)) Console.WriteLine(line);
        (format == "json" ? Console.Error : Console.Out).WriteLine($"Bevakningslista (xlsx): {path}");
        return 0;
    }
}
