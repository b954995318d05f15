using Dapper;
using StatsReporting.Decisions;
using StatsReporting.Jobs;
using StatsReporting.Storage;

namespace StatsReporting.Web.Jobs;

public sealed class RunRow
{
    public long Id { get; init; }
    public string Period { get; init; } = "";
    public string Trigger { get; init; } = "";
    public string? JobId { get; init; }
    public string StartedAt { get; init; } = "";
    public string? FinishedAt { get; init; }
    public string Status { get; init; } = "";
    public string? Message { get; init; }
    public string? StartedBy { get; init; }
}

/// Our own record of every quarterly run: Hangfire's storage is in memory and forgets at restart, this table does not.
public sealed class RunHistory(Db db, TimeProvider clock)
{
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    /// The trigger of a run made with the CLI's `run` (the web's are QuarterlyJob.Scheduled and Manual).
    public const string Cli = "cli";

    /// `startedBy`: the admin key's name for "Kör nu", user@machine for the CLI, null for the schedule.
    public long Start(Period period, string trigger, string? jobId, string? startedBy = null)
    {
        const string sql = """
            INSERT INTO runs (namnd, period, trigger, job_id, started_at, status, message, started_by)
            VALUES (namnd(), @period, @trigger, @jobId, @at, @status, @message, @startedBy) RETURNING id
            """;
        using var c = db.Open();
        return c.ExecuteScalar<long>(sql, new { period = period.ToString(), trigger, jobId, at = Now(), status = Running, message = "Startar …", startedBy });
    }

    /// The job's latest step ("Importerar beslut.csv …"), which the page shows while the run is going.
    public void Progress(long id, string message)
    {
        const string sql = "UPDATE runs SET message = @message WHERE id = @id AND status = @status";
        using var c = db.Open();
        c.Execute(sql, new { id, message, status = Running });
    }

    public IProgress<string> ProgressFor(long id) => new Reporter(this, id);

    private sealed class Reporter(RunHistory runs, long id) : IProgress<string>
    {
        public void Report(string value) => runs.Progress(id, value);
    }

    public void Finish(long id, string status, string message)
    {
        const string sql = "UPDATE runs SET status = @status, finished_at = @at, message = @message WHERE id = @id";
        using var c = db.Open();
        c.Execute(sql, new { id, status, at = Now(), message });
    }

    /// Every run, newest first: a few a quarter, so the whole history is small.
    public IReadOnlyList<RunRow> All()
    {
        const string sql = """
            SELECT id AS Id, period AS Period, trigger AS Trigger, job_id AS JobId, started_at AS StartedAt,
                   finished_at AS FinishedAt, status AS Status, message AS Message, started_by AS StartedBy
            FROM runs WHERE namnd = namnd() ORDER BY id DESC
            """;
        using var c = db.Open();
        return c.Query<RunRow>(sql).ToList();
    }

    /// At start-up: a run still marked running belonged to a process that stopped in the middle of it (one service
    /// per database; with several nodes this would need the run lock's owner instead). While the lock is held, a
    /// run is going (e.g. the CLI's `run`), and it is left alone.
    public int AbandonUnfinished()
    {
        if (RunLock.IsHeld(db.Path)) return 0;
        const string sql = "UPDATE runs SET status = @failed, finished_at = @at, message = @message WHERE status = @running";
        using var c = db.Open();
        return c.Execute(sql, new { failed = Failed, running = Running, at = Now(),
            message = "Avbruten: programmet stoppades under körningen. Kör kvartalet igen." });
    }

    private string Now() => clock.GetUtcNow().ToString("O");
}
