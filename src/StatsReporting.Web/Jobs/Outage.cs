using Hangfire.Server;
using StatsReporting.Storage;

namespace StatsReporting.Web.Jobs;

/// A quarterly run cut off by the database going away: its history row is finished once the database answers again,
/// with a true message (never left "running", so no later run relabels it with another reason), and Hangfire runs the
/// job again (RetryAfterDatabaseOutage) or the message says to.
public static class Outage
{
    /// How long the failing run waits for the database to come back: longer than a server restart or a failover,
    /// short enough not to hold a Hangfire worker for good. After that the row stays running, and the next run of any
    /// node marks it avbruten (RunHistory.AbandonDead).
    public static readonly TimeSpan WaitForDatabase = TimeSpan.FromMinutes(10);

    /// What Hangfire shows for a job the database stopped before it had a history row.
    public static string Before(Exception e) => $"Databasen kunde inte nås när körningen skulle börja ({DatabaseOutage.Reason(e)}).";

    /// Waits for the database, then finishes run `id` as failed and returns what its row says.
    public static string Finish(RunHistory runs, Db db, long id, Exception cause, PerformContext? context, ILogger log)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var pause = TimeSpan.FromSeconds(1);
        while (!DatabaseOutage.Reachable(db))
        {
            if (waited.Elapsed > WaitForDatabase)
            {
                log.LogError("Körning {RunId} kunde inte markeras som misslyckad: databasen har inte svarat på {Minutes} minuter.", id, (int)WaitForDatabase.TotalMinutes);
                throw new QuarterlyJobFailedException(Before(cause), databaseWasAway: true);
            }
            Thread.Sleep(pause);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
        }
        // The pools still hold connections of the stopped server (Hangfire's too): each would fail once.
        Npgsql.NpgsqlConnection.ClearAllPools();
        var retries = Retries(context);
        var message = Message(cause, retries ?? RetryAfterDatabaseOutage.Attempts);
        runs.Finish(id, RunHistory.Failed, message);
        return message;
    }

    /// The retries Hangfire has made so far (RetryAfterDatabaseOutage's counter); null when Hangfire's storage does not
    /// answer yet, or without a Hangfire job (the message then says to run the quarter again).
    public static int? Retries(PerformContext? context)
    {
        for (var attempt = 1; context is not null && attempt <= 10; attempt++)
        {
            try { return context.GetJobParameter<int>(RetryAfterDatabaseOutage.Counter, allowStale: false); }
            catch (InvalidOperationException e) when (DatabaseOutage.Is(e)) { Thread.Sleep(500); }
        }
        return null;
    }

    public static string Message(Exception e, int retriesDone)
    {
        var head = $"Misslyckades: databasen kunde inte nås under körningen ({DatabaseOutage.Reason(e)}); körningen avbröts.";
        if (retriesDone >= RetryAfterDatabaseOutage.Attempts) return head + " Kör kvartalet igen när databasen svarar.";
        return head + $" Jobbet körs om automatiskt {(int)RetryAfterDatabaseOutage.CurrentDelay.TotalSeconds} s efter att databasen svarar igen " +
            $"(försök {retriesDone + 2} av {RetryAfterDatabaseOutage.Attempts + 1}; körningen efter den här).";
    }
}
