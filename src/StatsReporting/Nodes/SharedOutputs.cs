using StatsReporting.Decisions;
using StatsReporting.Storage;
using StatsReporting.Organisation;

namespace StatsReporting.Nodes;

/// Keeps this node's report and IVO folders equal to the sets stored in the database (OutputStore), so that the web's
/// file code reads local files as it always has. Only with PostgreSQL: with SQLite there is one machine and one folder.
public static class SharedOutputs
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// The database is PostgreSQL (several nodes may serve it).
    public static bool Enabled(Db db) => db.SharedByNodes;

    /// After a run: stores the quarter's two folders (KF files, IVO files) as this node's sets.
    public static void Store(NamndContext n, Period period, string outRoot, string ivoRoot, TimeProvider clock)
    {
        var (db, p) = (n.Db, period.ToString());
        var reports = Path.Combine(n.Folder(outRoot), p);
        var ivo = Path.Combine(ivoRoot, p);
        if (Directory.Exists(reports)) OutputStore.Local[(db.Namnd, OutputStore.ReportsKind, p)] = OutputStore.Save(db, OutputStore.ReportsKind, p, reports, clock);
        if (Directory.Exists(ivo)) OutputStore.Local[(db.Namnd, OutputStore.IvoKind, p)] = OutputStore.Save(db, OutputStore.IvoKind, p, ivo, clock);
    }

    /// Before a request is answered: every stored set this node has not got (or whose folder is gone) is written into
    /// its folder. Returns how many sets were written.
    public static async Task<int> Refresh(Db db, PathSettings paths, OrganisationSettings organisation)
    {
        IReadOnlyList<StoredSet> latest;
        using (var c = db.Open()) latest = OutputStore.Latest(c);
        if (latest.All(s => IsCurrent(s, paths, organisation, db))) return 0;
        await Gate.WaitAsync();
        try
        {
            var written = 0;
            foreach (var s in latest.Where(s => !IsCurrent(s, paths, organisation, db)))
            {
                OutputStore.Materialise(db.For(s.Namnd), s.Id, Folder(s, paths, organisation, db), ownerOnly: s.Kind == OutputStore.IvoKind);
                OutputStore.Local[(s.Namnd, s.Kind, s.Period)] = s.Id;
                written++;
            }
            return written;
        }
        finally { Gate.Release(); }
    }

    private static bool IsCurrent(StoredSet s, PathSettings paths, OrganisationSettings organisation, Db db) =>
        OutputStore.Local.TryGetValue((s.Namnd, s.Kind, s.Period), out var id) && id == s.Id && Directory.Exists(Folder(s, paths, organisation, db));

    /// Where the run put the set: reports/<P>/ or the IVO folder (with several nämnder under <code>/), as ReportFiles reads.
    public static string Folder(StoredSet s, PathSettings paths, OrganisationSettings organisation, Db db)
    {
        var root = s.Kind == OutputStore.IvoKind ? paths.IvoFor(db.Path) : paths.Reports;
        return Path.Combine(Namnder.Folder(root, organisation, s.Namnd), s.Period);
    }
}
