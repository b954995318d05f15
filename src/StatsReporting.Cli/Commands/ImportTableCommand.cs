using StatsReporting.Checks;
using StatsReporting.Decisions;

namespace StatsReporting.Cli;

/// `import-table <table> --period 2024Q4 --law SoL`: stores a published table as the quarter's history, checked
/// first; its findings are stored with it and printed. Exit 0 = stored, 2 = unreadable input.
public static class ImportTableCommand
{
    public static int Run(Args args)
    {
        args.Allow("import-table", "period", "law", "namnd");
        if (args.Positional.Count != 1) throw new UsageException("ange en tabell att lagra.");
        var period = ReportCommand.ParsePeriod(args);
        var lawText = args.Required("law");
        var law = Catalog.ResolveLag(lawText) ?? throw new UsageException($"okänd lag '{lawText}' (ange SoL eller LSS).");
        var ctx = new CliContext(args);
        TableImportOutcome outcome;
        try { outcome = PublishedTableStore.Import(ctx.Namnd.Db, args.Positional[0], law, period, TimeProvider.System); }
        catch (TableReadException e)
        {
            Console.Error.WriteLine($"Fel: {e.Message}");
            return 2;
        }
        var name = Path.GetFileName(args.Positional[0]);
        Console.WriteLine(outcome.AlreadyImported
            ? $"{name}: redan lagrad som {law} {period} (tabell {outcome.Id}), inget ändrat."
            : $"{name}: lagrad som {law} {period} (tabell {outcome.Id}, kolumn {outcome.ValueColumn}), "
              + (outcome.Findings.Count == 0 ? "inga avvikelser." : $"{outcome.Findings.Count} avvikelser sparade med tabellen:"));
        if (!outcome.AlreadyImported) foreach (var f in outcome.Findings) Console.WriteLine(f.Text);
        return 0;
    }
}
