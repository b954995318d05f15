using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StatsReporting.Configuration;
using StatsReporting.Decisions;
using StatsReporting.Organisation;
using StatsReporting.Storage;

namespace StatsReporting.Jobs;

/// One installation as a host sees it: the features' settings (CoreSettings, read with Get), its database, and each
/// nämnd's context, made here and nowhere else (For).
public sealed class Installation(IServiceProvider services) : ISettingsReader
{
    private readonly ConcurrentDictionary<string, Catalog> _catalogs = new(StringComparer.Ordinal);

    /// The CLI's settings: appsettings.json (SettingsFile) with every section bound and checked, as the web host checks
    /// them when it starts.
    public static Installation Load(string? folder = null) => From(SettingsFile.Load(folder));

    public static Installation From(IConfiguration config)
    {
        var installation = new Installation(new ServiceCollection().AddSingleton(config).AddCoreSettings().BuildServiceProvider());
        installation.Check(config);
        return installation;
    }

    /// Every section bound and checked now (ValidateOnStart's check), so that a wrong value stops the start with its
    /// key named, before anything is written.
    public void Check(IConfiguration config)
    {
        if (!config.GetSection(SettingsFile.Root).Exists()) throw new InvalidOperationException("appsettings.json saknar avsnittet 'StatsReporting'.");
        SettingsSection.BindAll(services, config);
        services.GetRequiredService<IStartupValidator>().Validate();
        // A nämnd's own template is checked as Dokument:Mall is: refused at start, before anything is written.
        foreach (var n in Organisation.Namnder.Where(n => !string.IsNullOrWhiteSpace(n.Dokument?.Mall)))
            Reports.Document.WordTemplate.Check(n.Dokument!.Mall!, $"{OrganisationSettings.Section}:Namnder:{n.Code}:Dokument:Mall");
    }

    public T Get<T>() where T : class => services.GetRequiredService<IOptions<T>>().Value;

    public PathSettings Paths => Get<PathSettings>();
    public OrganisationSettings Organisation => Get<OrganisationSettings>();

    /// The database: the SQLite file at `sqlitePath` (the CLI's --db, whatever Storage:Provider says), else the
    /// configured one; checked and migrated (a damaged database is refused before anything is written), with the
    /// configured nämnder mirrored in it.
    public Db OpenDb(string? sqlitePath = null)
    {
        var db = sqlitePath is { } file ? new Db(file) : Get<StorageSettings>().Open(Paths.Database);
        db.Migrate();
        Namnder.Sync(db, Organisation);
        return db;
    }

    /// Nämnd `n` on the database `db` (any Db of the installation's database: it is scoped to the nämnd here).
    public NamndContext For(NamndSettings n, Db db) => new(n, db.For(n.Code), CatalogOf(n), ReportFor(n), Organisation, Paths, this);

    /// The report settings as nämnd `n` sees them: its names, and its own kön order and RecordsFrom where it has them.
    public ReportSettings ReportFor(NamndSettings n) => Get<ReportSettings>().For(n, Organisation);

    /// The nämnd a Db is scoped to.
    public NamndContext For(Db db) => For(Organisation.Resolve(db.Namnd), db);

    /// Every nämnd, or the one named.
    public NamndContext For(string code, Db db) => For(Organisation.Resolve(code), db);

    /// The nämnd's own catalog, else StatsReporting:Catalog; made once.
    private Catalog CatalogOf(NamndSettings n) => _catalogs.GetOrAdd(n.Code, _ => new Catalog(n.Catalog ?? Get<CatalogSettings>()));
}
