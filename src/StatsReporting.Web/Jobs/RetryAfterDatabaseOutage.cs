using Hangfire;
using Hangfire.Common;
using Hangfire.States;

namespace StatsReporting.Web.Jobs;

/// A quarterly job that failed because the database went away (QuarterlyJobFailedException.DatabaseWasAway) is run
/// again by Hangfire after a delay, up to Attempts times; every other failure stays failed, visibly, for someone to
/// look at (QuarterlyJob's AutomaticRetry of 0 attempts, which runs first: Order 20). The run's history row already
/// says which attempt this was and when the next comes (QuarterlyJob.Outage).
public sealed class RetryAfterDatabaseOutage : JobFilterAttribute, IElectStateFilter
{
    public const int Attempts = 3;
    public const string Counter = "DatabaseOutageRetries";
    private static readonly object Once = new();
    private static RetryAfterDatabaseOutage? _installed;

    public TimeSpan Delay { get; private set; }

    /// The delay of the installed filter (Node:RetryAfterOutageSeconds), for the run history's message.
    public static TimeSpan CurrentDelay { get { lock (Once) return _installed?.Delay ?? TimeSpan.FromSeconds(60); } }

    private RetryAfterDatabaseOutage(TimeSpan delay)
    {
        Delay = delay;
        Order = 30;
    }

    /// The filter is Hangfire's global state: added once per process, with the delay of the latest host.
    public static RetryAfterDatabaseOutage For(TimeSpan delay)
    {
        lock (Once)
        {
            if (_installed is null) GlobalJobFilters.Filters.Add(_installed = new RetryAfterDatabaseOutage(delay));
            _installed.Delay = delay;
            return _installed;
        }
    }

    public void OnStateElection(ElectStateContext context)
    {
        if (context.CandidateState is not FailedState { Exception: QuarterlyJobFailedException { DatabaseWasAway: true } }) return;
        var done = context.GetJobParameter<int>(Counter);
        if (done >= Attempts) return;
        context.SetJobParameter(Counter, done + 1);
        context.CandidateState = new ScheduledState(Delay) { Reason = $"Databasen kunde inte nås; försök {done + 2} av {Attempts + 1}." };
    }
}
