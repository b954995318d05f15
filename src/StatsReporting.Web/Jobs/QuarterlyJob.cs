using StatsReporting.Organisation;
using Hangfire;
using Hangfire.Server;
using StatsReporting.Decisions;
using StatsReporting.Jobs;
using StatsReporting.Storage;
using StatsReporting.FileSystem;

namespace StatsReporting.Web.Jobs;

/// The scheduled worker: a thin shim over the core QuarterJob (the one `statsreporting run` calls). It imports the
/// inbox and reports the quarter with the run date as "as of". Running it again is safe (imports are idempotent by
/// SHA-256); two runs never overlap; a failure is written to the run history and the log, then thrown again (with the
/// history's text) so that Hangfire marks the job failed in the dashboard.
public sealed class QuarterlyJob(Db db, Installation settings, TimeProvider clock, RunHistory runs, ILogger<QuarterlyJob> log)
{
    private readonly RunHistory runs = runs;
    public const string RecurringId = "kvartalsjobb";
    public const string Scheduled = "scheduled";
    public const string Manual = "manual";

    /// `period` null: the quarter that has just ended, by the run date in the schedule's time zone. Every nämnd is run,
    /// each in its own run with its own history row; one nämnd's failure does not stop the others (the job is marked
    /// failed at the end when any failed).
    [DisableConcurrentExecution(timeoutInSeconds: 15 * 60)]
    // No silent retries: a failed quarter waits, visibly, for someone to look and press "Kör nu".
    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public void Run(string? period, string trigger, string? startedBy, PerformContext? context)
    {
        var failed = new List<string>();
        var away = false;
        foreach (var n in settings.Organisation.All())
        {
            try { RunNamnd(period, trigger, startedBy, n.Code, context); }
            catch (QuarterlyJobFailedException e)
            {
                failed.Add($"{n.Name}: {e.Message}");
                away |= e.DatabaseWasAway;
            }
        }
        if (failed.Count > 0) throw new QuarterlyJobFailedException(string.Join("\n", failed), away);
        // Every nämnd reported: the kommun summaries of the quarter (none with a single nämnd).
        var today = settings.Get<ScheduleSettings>().Today(clock);
        var q = period is null ? Period.Of(today).Previous : Period.Parse(period);
        foreach (var f in KommunSummaries.Write(settings, db, q, today, settings.Paths.Reports))
            log.LogInformation("Kvartalsjobbet skrev {File}.", Path.GetFileName(f.Path));
    }

    /// One nämnd's run ("Kör nu" of its admin).
    [DisableConcurrentExecution(timeoutInSeconds: 15 * 60)]
    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public void RunNamnd(string? period, string trigger, string? startedBy, string code, PerformContext? context)
    {
        var namnd = settings.For(code, db);
        var own = namnd.Db;
        var runs = code == db.Namnd ? this.runs : new RunHistory(own, clock);
        var today = settings.Get<ScheduleSettings>().Today(clock);
        var p = period is null ? Period.Of(today).Previous : Period.Parse(period);
        // DisableConcurrentExecution guards Hangfire's own workers; the run lock (a file, or an advisory lock on
        // PostgreSQL) also keeps out the CLI's `run` and every other node.
        RunLock? guard;
        long id;
        try
        {
            guard = RunLock.Acquire(own, TimeSpan.FromSeconds(30));
            // Holding the lock, nothing else runs on any node: a row still marked running is an attempt whose process died
            // (on PostgreSQL: a node that was killed, whose job Hangfire has now given to this one). It is shown as avbruten.
            if (guard is not null) runs.AbandonDead(context?.BackgroundJob.Id);
            id = runs.Start(p, trigger, context?.BackgroundJob.Id, startedBy);
        }
        catch (Exception e) when (DatabaseOutage.Is(e))
        {
            // No row yet: the database was away before the run began. Hangfire's state says it (RetryAfterDatabaseOutage).
            log.LogWarning("Kvartalsjobbet för {Period} kunde inte börja: databasen kan inte nås ({Reason}).", p, DatabaseOutage.Reason(e));
            throw new QuarterlyJobFailedException(Outage.Before(e), databaseWasAway: true);
        }
        using var held = guard;
        log.LogInformation("Kvartalsjobbet startar för {Period}, nämnd {Namnd} ({Trigger}, körning {RunId}).", p, code, trigger, id);
        try
        {
            if (guard is null) throw new InvalidOperationException("En annan körning av kvartalsjobbet pågår redan mot samma databas.");
            var result = new QuarterJob(namnd, clock)
                .Run(p, today, settings.Paths.Inbox, settings.Paths.Reports, runs.ProgressFor(id), held: guard,
                    by: new StatsReporting.Logg.Actor(startedBy ?? "kvartalsjobbet (schemat)"));
            var summary = Summary(result);
            runs.Finish(id, RunHistory.Succeeded, summary);
            log.LogInformation("Kvartalsjobbet för {Period} är klart (körning {RunId}): {Summary}", p, id, summary);
        }
        catch (Exception e) when (own.SharedByNodes && (DatabaseOutage.Is(e) || !DatabaseOutage.Reachable(own)))
        {
            // The database went away during the run (a lost run lock is one way it shows). The row is finished when it
            // is back, saying so, and Hangfire runs the job again (RetryAfterDatabaseOutage), or the row says to.
            log.LogError(e, "Kvartalsjobbet för {Period} avbröts: databasen kunde inte nås (körning {RunId}).", p, id);
            var message = Outage.Finish(runs, own, id, e, context, log);
            try
            {
                if (context is not null)
                    Web.Nodes.JobStore.ReleaseOwnLock(settings.Get<StorageSettings>(), settings.Get<StatsReporting.Nodes.NodeSettings>(), nameof(QuarterlyJob), context.BackgroundJob.Job.Method.Name);
            }
            catch (Exception again) when (DatabaseOutage.Is(again))
            {
                // Gone again: the lock row then ends after Node:InvisibilityTimeoutSeconds, and the retry waits for it.
                log.LogWarning("Hangfire-låset för körning {RunId} kunde inte släppas: {Reason}.", id, DatabaseOutage.Reason(again));
            }
            // Retried by Hangfire only when the row says so.
            throw new QuarterlyJobFailedException(message, databaseWasAway: message.Contains("körs om automatiskt", StringComparison.Ordinal));
        }
        catch (Exception e)
        {
            var message = Describe(e);
            runs.Finish(id, RunHistory.Failed, message);
            log.LogError(e, "Kvartalsjobbet för {Period} misslyckades (körning {RunId}).", p, id);
            // Hangfire's dashboard shows the exception it gets, message and stack: give it the history's text, not the
            // original (a library's may be English or quote what it read). The original is in the log just above.
            throw new QuarterlyJobFailedException(message);
        }
    }

    /// Our own code writes Swedish messages without personal data (file, row, column at most); a message from a
    /// library may be English or quote data, so only its kind is shown and the details stay in the log.
    public static string Describe(Exception e)
    {
        var ours = e.TargetSite?.DeclaringType?.Assembly is { } a && (a == typeof(QuarterJob).Assembly || a == typeof(QuarterlyJob).Assembly);
        // The operating system's errors (disk full, read-only) are translated the same way as in the CLI.
        var os = e is OutputFailedException || (e is IOException or UnauthorizedAccessException && UserText.Describe(e) != e.Message);
        var text = ours || os ? UserText.Describe(e) : $"oväntat fel ({e.GetType().Name}); detaljerna finns i loggen.";
        return text.Length <= 2000 ? text : text[..2000] + " …";
    }

    /// The run history's line for a finished run, the CLI's `run` included.
    public static string Summary(QuarterJobResult result) =>
        $"{result.Period.Swedish} rapporterat per {result.AsOf:yyyy-MM-dd}, {Count(result.Files.Count, "fil", "filer")} skrivna. "
        + $"Inkorgen: {Count(result.Imports.Count, "fil", "filer")}, {Count(result.Imports.Count(i => !i.AlreadyImported), "ny import", "nya importer")} "
        + $"med {Count(result.Imports.Sum(i => i.New), "nytt beslut", "nya beslut")}.";

    private static string Count(int n, string one, string many) => $"{n} {(n == 1 ? one : many)}";
}

/// What Hangfire records for a failed run: the run history's message and nothing else.
public sealed class QuarterlyJobFailedException(string message, bool databaseWasAway = false) : Exception(message)
{
    /// The run failed because the database could not be reached: Hangfire runs it again (RetryAfterDatabaseOutage).
    public bool DatabaseWasAway { get; } = databaseWasAway;
}
