using StatsReporting.Import;
using StatsReporting.Jobs;
using StatsReporting.Organisation;
using StatsReporting.Storage;

namespace StatsReporting.Cli;

/// Settings and a migrated database, as every verb needs them, and the nämnd of `--namnd` (or the only one). With
/// several nämnder and no --namnd, Namnd is refused: say which nämnd is meant.
public sealed class CliContext
{
    /// The installation's settings, whatever the nämnd (paths, keys).
    public Installation Installation { get; }

    /// The database whatever the nämnd: for installation-wide tables (api_keys, the run lock).
    public Db InstallationDb { get; }

    private readonly NamndSettings? _namnd;

    public CliContext(Args args)
    {
        Installation = Installation.Load();
        // --db names a SQLite file, whatever StatsReporting:Storage:Provider says; a damaged one is refused before
        // anything is written (Db.Check).
        InstallationDb = Installation.OpenDb(args.Option("db"));
        Leftovers.Sweep(InstallationDb, Installation.Paths);
        var organisation = Installation.Organisation;
        try
        {
            _namnd = args.Option("namnd") is { } code ? organisation.Resolve(code)
                : organisation.Several() ? null : organisation.Resolve(null);
        }
        catch (ArgumentException e) { throw new UsageException($"--namnd: {e.Message}"); }
    }

    /// Without --namnd with several nämnder: null (every nämnd is meant).
    public bool NamndGiven => _namnd is not null;

    /// Every nämnd (run without --namnd), or the one named.
    public IReadOnlyList<NamndContext> Selected =>
        (_namnd is { } n ? [n] : Installation.Organisation.All()).Select(s => Installation.For(s, InstallationDb)).ToList();

    /// The nämnd of --namnd, or the only one.
    public NamndContext Namnd => _namnd is { } n ? Installation.For(n, InstallationDb)
        : throw new UsageException($"flera nämnder finns: ange --namnd ({string.Join(", ", Installation.Organisation.All().Select(x => x.Code))}).");

    public Importer Importer()
    {
        var n = Namnd;
        return new(n.Db, n.Catalog, n.Archive, TimeProvider.System, Installation.Get<ImportLimits>());
    }

    /// Progress lines ("Ritar SoL-diagrammen …") on a terminal only; a script or a log gets just the results.
    public static void Progress(string message)
    {
        if (!Console.IsErrorRedirected) Console.Error.WriteLine(message);
    }
}
