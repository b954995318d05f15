using StatsReporting.Logg;

namespace StatsReporting.Cli;

/// The behandlingslogg: `logg [--from D] [--to D] [--format json|csv]` prints it (JSON by default), `logg verify`
/// checks its hash chain and exits 1 naming the first broken row. Reading it is logged too.
public static class LoggCommand
{
    public static int Run(Args args)
    {
        args.Allow("logg", "from", "to", "format");
        var ctx = new CliContext(args);
        var db = ctx.InstallationDb;
        if (args.Positional.FirstOrDefault() is "verify")
        {
            var result = Behandlingslogg.Verify(db);
            if (!result.Whole)
            {
                Console.Error.WriteLine($"Fel: behandlingsloggen är inte hel: {result.FirstBroken}. {result.Rows} rader före den är hela.");
                return 1;
            }
            // The last hash, for the dataskyddsombud to note: a later verify that ends elsewhere shows rows gone at the end.
            Console.WriteLine($"Behandlingsloggen är hel: {result.Rows} rader, senaste hash {result.LastHash}.");
            return 0;
        }
        if (args.Positional.Count > 0) throw new UsageException($"logg tar verify eller inget: '{args.Positional[0]}'.");
        var (from, to) = (Date(args, "from"), Date(args, "to"));
        var format = args.Option("format") ?? "json";
        if (format is not ("json" or "csv")) throw new UsageException($"--format är json eller csv, inte '{format}'.");
        var rows = Behandlingslogg.Read(db, from, to);
        Behandlingslogg.Write(db, Actor.ThisProcess.Did(Handling.LoggLast, Resultat.Ok) with
            { Objekt = $"{rows.Count} rader ({args.Option("from") ?? "början"}–{args.Option("to") ?? "nu"})" }, DateTimeOffset.UtcNow);
        Console.Write(format == "csv" ? LogExport.Csv(rows) : LogExport.Json(rows) + "\n");
        return 0;
    }

    private static DateOnly? Date(Args args, string name) => args.Option(name) is not { } text ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", out var d) ? d : throw new UsageException($"--{name} '{text}' är inget datum (ÅÅÅÅ-MM-DD).");
}
