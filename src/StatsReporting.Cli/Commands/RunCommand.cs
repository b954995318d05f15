namespace StatsReporting.Cli;

/// The quarterly job by hand: import every file of the inbox, then report the quarter.
public static class RunCommand
{
    public static int Run(Args args)
    {
        var ctx = new CliContext(args);
        var period = ReportCommand.ParsePeriod(args);
        var inbox = args.Option("inbox") ?? ctx.Settings.Paths.Inbox;
        if (!Directory.Exists(inbox)) throw new UsageException($"inkorgen '{inbox}' finns inte.");
        var importer = ctx.Importer();
        foreach (var file in Directory.EnumerateFiles(inbox).Where(IsDataFile).Order(StringComparer.Ordinal))
        {
            CliContext.Progress($"Importerar {Path.GetFileName(file)} …");
            Console.WriteLine(importer.Import(file).Summary);
        }
        var files = ctx.Reports().Write(period, ReportCommand.AsOf(args, period), args.Option("out") ?? ctx.Settings.Paths.Reports);
        foreach (var f in files) Console.WriteLine($"{f.Kind}: {f.Path}");
        return 0;
    }

    public static bool IsDataFile(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".csv" or ".xlsx" && !Path.GetFileName(path).StartsWith('.');
}
