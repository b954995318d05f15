using System.Globalization;
using StatsReporting.Decisions;
using StatsReporting.Jobs;

namespace StatsReporting.Cli;

public static class ReportCommand
{
    public static int Run(Args args)
    {
        args.Allow("report", "period", "as-of", "out", "import", "namnd", "arendenr", "handlaggare");
        var ctx = new CliContext(args);
        var period = ParsePeriod(args);
        var (asOf, outRoot) = (AsOf(args, period), Folder(args, "out", ctx.Installation.Paths.Reports));
        // Without --namnd and with several nämnder: every nämnd, then the kommun summaries.
        foreach (var n in ctx.Selected)
            foreach (var f in new Reports.ReportService(n).Write(period, asOf, outRoot, new Progress(), ImportId(args), input: Document(args)))
                Console.WriteLine($"{f.Kind}: {f.Path}");
        if (!ctx.NamndGiven)
            foreach (var f in KommunSummaries.Write(ctx.Installation, ctx.InstallationDb, period, asOf, outRoot))
                Console.WriteLine($"{f.Kind}: {f.Path}");
        return 0;
    }

    public static Period ParsePeriod(Args args)
    {
        var text = args.Required("period");
        return Period.TryParse(text, out var p) ? p : throw new UsageException($"ogiltig period '{text}': {Period.Hint}");
    }

    /// A folder option (or its default from appsettings.json): it need not exist yet, but a file there would only fail later,
    /// with the runtime's English message.
    public static string Folder(Args args, string name, string fallback)
    {
        var path = args.Option(name) ?? fallback;
        return File.Exists(path) ? throw new UsageException($"--{name}: '{path}' är en fil, inte en mapp.") : path;
    }

    /// Defaults to the quarter's last day; the scheduled job passes its run date.
    public static DateOnly AsOf(Args args, Period period) => DateOption(args, "as-of") ?? period.End;

    public static DateOnly? DateOption(Args args, string name)
    {
        if (args.Option(name) is not { } text) return null;
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : throw new UsageException($"ogiltigt datum '{text}' för --{name} (skriv ÅÅÅÅ-MM-DD).");
    }

    /// `--arendenr` and `--handlaggare`: this quarter's ärendenummer and handläggare in the tjänsteskrivelse.
    public static Reports.Document.DocumentInput Document(Args args) => new(Text(args, "arendenr"), Text(args, "handlaggare"));

    private static string? Text(Args args, string name) => args.Option(name) switch
    {
        null => null,
        { Length: > 200 } => throw new UsageException($"--{name} är för lång (högst 200 tecken)."),
        var t when t.Any(char.IsControl) => throw new UsageException($"--{name} innehåller ett styrtecken."),
        var t => t,
    };

    /// `--import N`: the records as they stood after import N, to re-make an old quarter exactly.
    private static long? ImportId(Args args) => args.Option("import") is not { } text ? null
        : long.TryParse(text, out var n) && n > 0 ? n : throw new UsageException($"ogiltigt importnummer '{text}' för --import (ett heltal, t.ex. 3).");

    public sealed class Progress : IProgress<string>
    {
        public void Report(string value) => CliContext.Progress(value);
    }
}
