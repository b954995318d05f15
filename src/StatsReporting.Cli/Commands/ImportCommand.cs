namespace StatsReporting.Cli;

public static class ImportCommand
{
    public static int Run(Args args)
    {
        args.Allow("import", "namnd");
        if (args.Positional.Count == 0) throw new UsageException("ange minst en fil att importera.");
        var ctx = new CliContext(args);
        var importer = ctx.Importer();
        foreach (var file in args.Positional)
        {
            if (Directory.Exists(file)) throw new UsageException($"'{file}' är en mapp, inte en fil.");
            if (!File.Exists(file)) throw new UsageException($"filen '{file}' finns inte.");
            CliContext.Progress($"Importerar {file} …");
            var outcome = importer.Import(file);
            foreach (var w in outcome.Warnings) Console.Error.WriteLine($"Varning: {w}");
            Console.WriteLine(outcome.Summary);
        }
        return 0;
    }
}
