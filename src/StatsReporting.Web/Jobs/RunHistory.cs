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
    /// Backups (Backups/BackupWriter), nightly or with the CLI's `backup`: rows without a quarter. They are not runs of
    /// the quarterly job and do not take its lock, so a quarterly run never marks them as dead (Abandon).
    public const string Backup = "backup", BackupCli = "backup-cli", RestoredFrom = "restore";

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

    /// A backup's row, in every nämnd's history (a backup holds every nämnd's data).
    public long StartBackup(string trigger, string? jobId, string? startedBy)
    {
        const string sql = """
            INSERT INTO runs (namnd, period, trigger, job_id, started_at, status, message, started_by)
            VALUES (namnd(), '', @trigger, @jobId, @at, @status, @message, @startedBy) RETURNING id
            """;
        using var c = db.Open();
        return c.ExecuteScalar<long>(sql, new { trigger, jobId, at = Now(), status = Running, message = "Säkerhetskopierar …", startedBy });
    }

    /// Called holding the backup lock (BackupWriter.Lock): a backup row still running belonged to a killed process,
    /// whose hidden folder is swept; no partial backup is left.
    public int AbandonDeadBackups()
    {
        const string sql = """
            UPDATE runs SET status = @failed, finished_at = @at,
                message = 'Avbruten: säkerhetskopieringen stoppades innan den var klar. En ofullständig mapp tas bort; hann den bli hel ligger den kvar under sitt namn i Paths:Backup.'
            WHERE status = @running AND trigger IN (@backup, @backupCli)
            """;
        using var c = db.Open();
        return c.Execute(sql, new { failed = Failed, running = Running, at = Now(), backup = Backup, backupCli = BackupCli });
    }

    /// After `statsreporting restore`: a row still running in the copy was going on when the backup was taken (the
    /// backup's own row among them) and never finishes here; a row of its own says where the database came from.
    public void Restored(string backup, DateTimeOffset takenAt)
    {
        const string finish = """
            UPDATE runs SET status = CASE WHEN trigger IN (@backup, @backupCli) THEN @succeeded ELSE @failed END, finished_at = @at,
                message = CASE WHEN trigger IN (@backup, @backupCli) THEN 'Säkerhetskopian som den här databasen återställdes från.'
                               ELSE 'Pågick när säkerhetskopian togs; databasen återställdes från säkerhetskopian, kör kvartalet igen.' END
            WHERE status = @running
            """;
        const string row = """
            INSERT INTO runs (namnd, period, trigger, job_id, started_at, finished_at, status, message, started_by)
            VALUES (namnd(), '', @trigger, NULL, @at, @at, @succeeded, @message, @startedBy)
            """;
        using var c = db.Open();
        c.Execute(finish, new { backup = Backup, backupCli = BackupCli, succeeded = Succeeded, failed = Failed, running = Running, at = Now() });
        c.Execute(row, new { trigger = RestoredFrom, at = Now(), succeeded = Succeeded, startedBy = $"{Environment.UserName}@{Environment.MachineName}",
            message = $"Databasen återställdes från säkerhetskopian {backup} (tagen {takenAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC)." });
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

    /// At start-up: a run still marked running belonged to a process that stopped in the middle of it. While the run
    /// lock is held, a run is going (the CLI's `run`, or another node: on PostgreSQL the lock is the database's), and
    /// it is left alone.
    public int AbandonUnfinished()
    {
        // Held while the rows are marked: a run that starts meanwhile (on another node) waits, and its row comes after.
        using var held = RunLock.TryAcquire(db);
        if (held is null) return 0;
        return Abandon(Stopped);
    }

    /// Called by a run that holds the run lock: every row still marked running is a dead attempt. `jobId`: the Hangfire
    /// job now taking over (the same job after its node died), named in the dead row so that the admin sees the retry.
    public int AbandonDead(string? jobId) => Abandon(jobId is null
        ? Stopped
        : "Avbruten: noden som körde den stoppades mitt i körningen; jobbet gavs till en annan nod, som körde om det (körningen efter den här).", jobId);

    /// A dead run's row with no queue to run it again (SQLite: the queue was in the stopped process's memory; the CLI).
    private const string Stopped = "Avbruten: programmet stoppades under körningen. Kör kvartalet igen.";

    /// A dead Hangfire job's row on PostgreSQL: the job stays in the shared queue and is run again by itself.
    public const string Requeued = "Avbruten: programmet stoppades under körningen; jobbet ligger kvar i den gemensamma kön och körs om av en nod när Node:InvisibilityTimeoutSeconds har gått (körningen efter den här).";

    private int Abandon(string message, string? jobId = null)
    {
        // With a job id only that job's dead rows: another nämnd's row is its own job's business. A dead job's row on
        // PostgreSQL: Hangfire's queue is in the database and gives the job out again. With SQLite the queue was in the
        // stopped process's memory, and the CLI's rows have no job: run it again.
        var sql = "UPDATE runs SET status = @failed, finished_at = @at, message = CASE WHEN job_id = @jobId THEN @message WHEN job_id IS NOT NULL THEN @queued ELSE @generic END WHERE status = @running AND trigger NOT IN (@backup, @backupCli)";
        using var c = db.Open();
        return c.Execute(sql, new { failed = Failed, running = Running, at = Now(), message, jobId, generic = Stopped,
            queued = db.SharedByNodes ? Requeued : Stopped, backup = Backup, backupCli = BackupCli });
    }

    private string Now() => clock.GetUtcNow().ToString("O");
}
