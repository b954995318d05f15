using StatsReporting.Decisions;
using StatsReporting.Import;
using StatsReporting.Reports;
using StatsReporting.Storage;

namespace StatsReporting.Cli;

/// Settings, catalog and a migrated database, as every verb needs them.
public sealed class CliContext
{
    public AppSettings Settings { get; }
    public Catalog Catalog { get; }
    public Db Db { get; }

    public CliContext(Args args)
    {
        Settings = AppSettings.Load();
        Catalog = new Catalog(Settings.Catalog);
        Db = new Db(args.Option("db") ?? Settings.Paths.Database);
        Db.Migrate(); // checks the file first (Db.Check): a damaged database is refused before anything is written
        StaleFiles.Sweep(Db, Settings);
    }

    public Importer Importer() => new(Db, Catalog, Settings.Paths.ArchiveFor(Db.Path), TimeProvider.System, Settings.Import);

    public ReportService Reports() => new(Db, Catalog, Settings);

    /// Progress lines ("Ritar SoL-diagrammen …") on a terminal only; a script or a log gets just the results.
    public static void Progress(string message)
    {
        if (!Console.IsErrorRedirected) Console.Error.WriteLine(message);
    }
}
