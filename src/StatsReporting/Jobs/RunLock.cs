using StatsReporting.Storage;

namespace StatsReporting.Jobs;

/// Keeps two quarterly runs on one database from overlapping, whoever starts them (the scheduler, the web's
/// "kör nu", the CLI's `run`), on every node: the database engine's own run lock (Db.TryRunLock; SQLite: an exclusive
/// lock on a file beside the database; PostgreSQL: a session-level advisory lock). Either way the lock goes when its
/// process ends, so a crash never leaves it stuck.
public sealed class RunLock : IDisposable
{
    private readonly IHeldLock _held;
    private RunLock(IHeldLock held) => _held = held;

    public static RunLock? TryAcquire(Db db) => db.TryRunLock() is { } held ? new(held) : null;

    /// The lock of the SQLite database at `databasePath`.
    public static RunLock? TryAcquire(string databasePath) => TryAcquire(new Db(databasePath));

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

    /// Before a step that must not happen twice at once (an import's commit, publishing the output sets): fails the
    /// run when the lock has been lost meanwhile (PostgreSQL: the session that holds it was dropped by a network
    /// blip), since another run may then be going on. A file lock cannot be lost.
    public void EnsureHeld()
    {
        if (!_held.StillHeld())
            throw new InvalidOperationException("Körlåset i databasen förlorades under körningen (anslutningen till PostgreSQL bröts), så en annan körning kan ha startat; körningen avbröts innan fler importer eller filer sparades i databasen. Kör den igen.");
    }

    public void Dispose() => _held.Dispose();
}
