using StatsReporting.Gallring;
using StatsReporting.Logg;
using StatsReporting.Organisation;

namespace StatsReporting.Cli;

/// `gallra [--today D] [--visa]`: removes the personal data of decisions closed more than Gallring:Manader months
/// ago (and not in an IVO export since), deletes old archived input files and IVO folders, and gallrar the
/// behandlingslogg itself after Logg:Manader. `--visa` only counts: nothing in the database or on disk changes.
public static class GallraCommand
{
    public static int Run(Args args)
    {
        args.Allow("gallra", "today", "visa");
        var ctx = new CliContext(args);
        var today = args.Option("today") is not { } text ? DateOnly.FromDateTime(DateTime.Now)
            : DateOnly.TryParseExact(text, "yyyy-MM-dd", out var d) ? d : throw new UsageException($"--today '{text}' är inget datum (ÅÅÅÅ-MM-DD).");
        var installation = ctx.Installation;
        var namnder = installation.Organisation.All().Select(n => installation.For(n, ctx.InstallationDb)).ToList();
        var result = Gallra.Run(ctx.InstallationDb, namnder, today, installation.Get<GallringSettings>().Manader,
            installation.Get<LoggSettings>().Manader, args.Flag("visa"), Actor.ThisProcess, DateTimeOffset.UtcNow);
        Console.WriteLine(result.Summary);
        return 0;
    }
}
