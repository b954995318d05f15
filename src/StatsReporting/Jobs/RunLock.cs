using StatsReporting.Storage;

namespace StatsReporting.Jobs;

/// Keeps two quarterly runs on one database from overlapping, whoever starts them (the scheduler, the web's
/// "kör nu", the CLI's `run`), on every node. SQLite: an exclusive lock on a file beside the database. PostgreSQL: a
/// session-level advisory lock (AdvisoryRunLock). Either way the lock goes when its process ends, so a crash never
/// leaves it stuck.
public sealed class RunLock : IDisposable
{
    private readonly IDisposable _held;
    private RunLock(IDisposable held) => _held = held;

    public static string PathFor(string databasePath) => databasePath + ".run-lock";

    public static RunLock? TryAcquire(Db db) =>
        db.PostgresConnection is { } pg ? Wrap(AdvisoryRunLock.TryAcquire(pg)) : TryAcquire(db.Path);

    public static RunLock? TryAcquire(string databasePath)
    {
        try { return new(new FileStream(PathFor(databasePath), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None)); }
        catch (IOException) { return null; }
    }

    /// Waits up to `wait` for a run that is finishing; null if it still holds the lock then.
    public static RunLock? Acquire(Db db, TimeSpan wait)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            if (TryAcquire(db) is { } held) return held;
            if (waited.Elapsed >= wait) return null;
            Thread.Sleep(200);
        }
    }

    public static bool IsHeld(Db db)
    {
        using var probe = TryAcquire(db);
        return probe is null;
    }

    private static RunLock? Wrap(IDisposable? held) => held is null ? null : new(held);

    /// A lock that can lose its hold while held (PostgreSQL: the session that holds it is dropped by a network blip).
    internal interface ICheckable { bool StillHeld(); }

    /// Before a step that must not happen twice at once (an import's commit, publishing the output sets): fails the
    /// run when the lock has been lost meanwhile, since another run may then be going on. A file lock cannot be lost.
    public void EnsureHeld()
    {
        if (_held is ICheckable c && !c.StillHeld())
            throw new InvalidOperationException("Körlåset i databasen förlorades under körningen (anslutningen till PostgreSQL bröts), så en annan körning kan ha startat; körningen avbröts innan fler importer eller filer sparades i databasen. Kör den igen.");
    }

    public void Dispose() => _held.Dispose();
}
