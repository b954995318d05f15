using StatsReporting.Decisions;
using StatsReporting.Import;
using StatsReporting.Reports;
using StatsReporting.Storage;

namespace StatsReporting.Cli;

/// Settings, catalog and a migrated database, as every verb needs them, scoped to the nämnd of `--namnd` (or the
/// only one). With several nämnder and no --namnd, Db and Settings are refused: say which nämnd is meant.
public sealed class CliContext
{
    private readonly AppSettings _settings;
    private readonly Db _db;

    private readonly Catalog _catalog;
    /// The catalog of the nämnd (its own, or StatsReporting:Catalog).
    public Catalog Catalog => Namnd is { } n ? CatalogFor(n) : _catalog;
    public Catalog CatalogFor(NamndSettings n) => n.Catalog is null ? _catalog : new Catalog(n.Catalog);
    /// The nämnd of --namnd, or the only one; null when several exist and none was named.
    public NamndSettings? Namnd { get; }

    public CliContext(Args args)
    {
        _settings = AppSettings.Load();
        _catalog = new Catalog(_settings.Catalog);
        // --db names a SQLite file, whatever StatsReporting:Storage:Provider says.
        _db = args.Option("db") is { } file ? new Db(file) : StorageSettings.Open(_settings);
        _db.Migrate(); // checks the file first (Db.Check): a damaged database is refused before anything is written
        Namnder.Sync(_db, _settings.Organisation);
        StatsReporting.Jobs.Leftovers.Sweep(_db, _settings.Paths);
        try
        {
            Namnd = args.Option("namnd") is { } code ? _settings.Organisation.Resolve(code)
                : _settings.Organisation.Several() ? null : _settings.Organisation.Resolve(null);
        }
        catch (ArgumentException e) { throw new UsageException($"--namnd: {e.Message}"); }
    }

    /// Every nämnd (run without --namnd), or the one named.
    public IReadOnlyList<NamndSettings> Selected => Namnd is { } n ? [n] : _settings.Organisation.All();

    public Db Db => Namnd is { } n ? DbFor(n) : throw Unnamed();
    public AppSettings Settings => Namnd is { } n ? SettingsFor(n) : throw Unnamed();
    /// The installation's settings, whatever the nämnd (paths, keys).
    public AppSettings Installation => _settings;

    /// The database whatever the nämnd: for installation-wide tables (api_keys).
    public Db InstallationDb => _db;

    /// The nämnd's IVO folder: Paths:Ivo (or ivo/ beside the database), with the nämnd's code below it when there are several.
    public string IvoRoot() => Namnder.Folder(_settings.Paths.IvoFor(_db.Path), _settings.Organisation, Db.Namnd);

    public Db DbFor(NamndSettings n) => _db.For(n.Code);
    public AppSettings SettingsFor(NamndSettings n) => _settings.ForNamnd(n);

    private UsageException Unnamed() =>
        new($"flera nämnder finns: ange --namnd ({string.Join(", ", _settings.Organisation.All().Select(n => n.Code))}).");

    public Importer Importer() => new(Db, Catalog, Settings.Paths.ArchiveFor(Db.Path), TimeProvider.System, Settings.Import);

    public ReportService Reports() => new(Db, Catalog, Settings);

    /// Progress lines ("Ritar SoL-diagrammen …") on a terminal only; a script or a log gets just the results.
    public static void Progress(string message)
    {
        if (!Console.IsErrorRedirected) Console.Error.WriteLine(message);
    }
}
