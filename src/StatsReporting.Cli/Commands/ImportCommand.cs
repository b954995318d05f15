namespace StatsReporting.Cli;

public static class ImportCommand
{
    public static int Run(Args args)
    {
        args.Allow("import", "namnd", "check");
        var check = args.Flag("check");
        if (args.Positional.Count == 0) throw new UsageException("ange minst en fil att importera.");
        var ctx = new CliContext(args);
        var importer = ctx.Importer();
        foreach (var file in args.Positional)
        {
            if (Directory.Exists(file)) throw new UsageException($"'{file}' är en mapp, inte en fil.");
            if (!File.Exists(file)) throw new UsageException($"filen '{file}' finns inte.");
            CliContext.Progress(check ? $"Kontrollerar {file} …" : $"Importerar {file} …");
            var outcome = check ? importer.Check(file) : importer.Import(file);
            foreach (var w in outcome.Warnings) Console.Error.WriteLine($"Varning: {w}");
            Console.WriteLine(outcome.Summary);
            // The dry run also shows where each column came from: a kommun's mapping is checked here before the quarter.
            if (check && outcome.Columns.Count > 0) Console.WriteLine("Kolumner:\n" + string.Join("\n", outcome.ColumnLines));
        }
        return 0;
    }
}
