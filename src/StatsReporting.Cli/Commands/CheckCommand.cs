using StatsReporting.Checks;

namespace StatsReporting.Cli;

/// `check <table> [--compare <table>] [--format json]`: exit 0 = no findings, 1 = findings, 2 = unreadable input.
/// Needs no database: checking a file must not create or migrate one (a passed --db is accepted and unused).
public static class CheckCommand
{
    public static int Run(Args args)
    {
        args.Allow("check", "compare", "format");
        if (args.Positional.Count != 1) throw new UsageException("ange en tabell att kontrollera.");
        var format = args.Option("format") ?? "text";
        if (format is not ("text" or "json")) throw new UsageException($"okänt format '{format}' (ange text eller json).");
        IReadOnlyList<Finding> findings;
        try
        {
            var main = TableReader.Read(args.Positional[0]);
            findings = args.Option("compare") is { } other ? Checker.Compare(main, TableReader.Read(other)) : Checker.Check(main);
        }
        catch (TableReadException e)
        {
            Console.Error.WriteLine($"Fel: {e.Message}");
            return 2;
        }
        if (format == "json") Console.WriteLine(Finding.ToJson(findings));
        else if (findings.Count == 0) Console.WriteLine("Inga avvikelser.");
        else foreach (var f in findings) Console.WriteLine(f.Text);
        return findings.Count == 0 ? 0 : 1;
    }
}
