namespace StatsReporting.Jobs;

/// Keeps two quarterly runs on one database from overlapping, whoever starts them (the scheduler, the web's
/// "kör nu", the CLI's `run`): an exclusive lock on a file beside the database. The operating system drops the
/// lock when the process ends, so a crash never leaves it stuck.
public sealed class RunLock : IDisposable
{
    private readonly FileStream _file;
    private RunLock(FileStream file) => _file = file;

    public static string PathFor(string databasePath) => databasePath + ".run-lock";

    public static RunLock? TryAcquire(string databasePath)
    {
        try { return new(new FileStream(PathFor(databasePath), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None)); }
        catch (IOException) { return null; }
    }

    /// Waits up to `wait` for a run that is finishing; null if it still holds the lock then.
    public static RunLock? Acquire(string databasePath, TimeSpan wait)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            if (TryAcquire(databasePath) is { } held) return held;
            if (waited.Elapsed >= wait) return null;
            Thread.Sleep(200);
        }
    }

    public static bool IsHeld(string databasePath)
    {
        using var probe = TryAcquire(databasePath);
        return probe is null;
    }

    public void Dispose() => _file.Dispose();
}
