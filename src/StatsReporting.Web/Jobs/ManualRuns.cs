using System.Linq.Expressions;
using Hangfire;
using Hangfire.States;
using StatsReporting.Jobs;
using StatsReporting.Storage;

namespace StatsReporting.Web.Jobs;

/// "Kör nu" pressed on two nodes at once gives one run and one 409: the check "is a run queued or going?" and the
/// enqueue happen under the run lock (shared by every node on PostgreSQL), and the queued manual jobs are remembered
/// in Hangfire's storage (shared by every node too), so the second press sees the first press's job.
public static class ManualRuns
{
    private const string Set = "statsreporting:manual-runs";
    private static readonly string[] Pending = [EnqueuedState.StateName, ProcessingState.StateName, ScheduledState.StateName, AwaitingState.StateName];

    /// The new job's id; null when a run is going or a manual run is still waiting for its turn.
    public static string? TryEnqueue(Db db, JobStorage storage, IBackgroundJobClient jobs, Expression<Action<QuarterlyJob>> call)
    {
        using var guard = RunLock.TryAcquire(db);
        if (guard is null) return null;
        using var c = storage.GetConnection();
        var known = c.GetAllItemsFromSet(Set);
        if (known.Any(id => c.GetStateData(id)?.Name is { } state && Pending.Contains(state))) return null;
        var jobId = jobs.Enqueue(call);
        using var tx = c.CreateWriteTransaction();
        foreach (var old in known) tx.RemoveFromSet(Set, old);
        tx.AddToSet(Set, jobId);
        tx.Commit();
        return jobId;
    }
}
