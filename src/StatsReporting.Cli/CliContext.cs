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
        Db.Migrate();
    }

    public Importer Importer() => new(Db, Catalog, Settings.Paths.ArchiveFor(Db.Path), TimeProvider.System, Settings.Import);

    public ReportService Reports() => new(Db, Catalog, Settings);

    public static void Progress(string message) => Console.Error.WriteLine(message);
}
