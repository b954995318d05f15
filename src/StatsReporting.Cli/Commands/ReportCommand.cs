using System.Globalization;
using StatsReporting.Decisions;

namespace StatsReporting.Cli;

public static class ReportCommand
{
    public static int Run(Args args)
    {
        var ctx = new CliContext(args);
        var period = ParsePeriod(args);
        var files = ctx.Reports().Write(period, AsOf(args, period), args.Option("out") ?? ctx.Settings.Paths.Reports, new Progress());
        foreach (var f in files) Console.WriteLine($"{f.Kind}: {f.Path}");
        return 0;
    }

    public static Period ParsePeriod(Args args)
    {
        var text = args.Required("period");
        return Period.TryParse(text, out var p) ? p : throw new UsageException($"ogiltig period '{text}': {Period.Hint}");
    }

    /// Defaults to the quarter's last day; the scheduled job passes its run date.
    public static DateOnly AsOf(Args args, Period period)
    {
        var text = args.Option("as-of");
        if (text is null) return period.End;
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : throw new UsageException($"ogiltigt datum '{text}' för --as-of (skriv ÅÅÅÅ-MM-DD).");
    }

    public sealed class Progress : IProgress<string>
    {
        public void Report(string value) => CliContext.Progress(value);
    }
}
