using Hangfire;
using Hangfire.Server;
using StatsReporting.Backups;
using StatsReporting.Jobs;
using StatsReporting.Logg;
using StatsReporting.Organisation;
using StatsReporting.Storage;

namespace StatsReporting.Web.Jobs;

/// The nightly backup (Backup:Cron), a thin shim over the core's BackupWriter, the one `statsreporting backup` calls:
/// a backup into Paths:Backup, then all but the newest Backup:Dagar backups deleted. Each backup is a row in every
/// nämnd's run history (a backup holds them all), which says what was written and how many old ones went.
public sealed class BackupJob(Db db, Installation settings, TimeProvider clock, ILogger<BackupJob> log)
{
    public const string RecurringId = "sakerhetskopia";

    [DisableConcurrentExecution(timeoutInSeconds: 15 * 60)]
    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public string Run(PerformContext? context)
    {
        try { return Take(db, settings, clock, RunHistory.Backup, context?.BackgroundJob.Id, null, keep: settings.Get<BackupSettings>().Dagar, log).Message; }
        // The dashboard gets the history's text (QuarterlyJob.Describe), the log the original.
        catch (Exception e) when (e is not QuarterlyJobFailedException) { throw new QuarterlyJobFailedException(QuarterlyJob.Describe(e)); }
    }

    /// A backup with its history rows: the job's (keeping the newest `keep`) and the CLI's (`keep` null: none deleted;
    /// `root`: its --to, else Paths:Backup).
    /// The nightly job is "Schemat (säkerhetskopiering)"; the CLI is user@machine.
    private static LogEntry Entry(string? startedBy, string? folder, long? persons, string result) => new()
    {
        Vem = startedBy ?? "Schemat (säkerhetskopiering)", Handling = Handling.Sakerhetskopia, Objekt = folder, AntalPersoner = persons, Resultat = result,
    };

    public static (BackupResult Result, string Message) Take(Db db, Installation settings, TimeProvider clock, string trigger, string? jobId, string? startedBy, int? keep, ILogger? log = null, string? root = null)
    {
        using var held = BackupWriter.Lock(db);
        var histories = settings.Organisation.All().Select(n => new RunHistory(db.For(n.Code), clock)).ToList();
        foreach (var h in histories) h.AbandonDeadBackups();
        var rows = histories.Select(h => (h, id: h.StartBackup(trigger, jobId, startedBy))).ToList();
        try
        {
            root ??= settings.Paths.BackupFor(db.Path);
            var result = BackupWriter.Take(db, settings.Paths.ArchiveFor(db.Path), root, clock);
            var deleted = keep is { } k ? BackupRetention.KeepNewest(root, k) : [];
            var message = result.Summary + (keep is null ? "" : $" {deleted.Count} {(deleted.Count == 1 ? "äldre borttagen" : "äldre borttagna")} (Backup:Dagar {keep} behålls).");
            foreach (var (h, id) in rows) h.Finish(id, RunHistory.Succeeded, message);
            // A copy of every person's data: the behandlingslogg says who made it, where it went and how many it holds.
            Behandlingslogg.Write(db, Entry(startedBy, Path.GetFileName(result.Folder), result.Manifest.Personer, Resultat.Ok), clock.GetUtcNow());
            log?.LogInformation("Säkerhetskopiering klar: {Message}", message);
            return (result, message);
        }
        catch (Exception e)
        {
            var message = QuarterlyJob.Describe(e);
            foreach (var (h, id) in rows) h.Finish(id, RunHistory.Failed, message);
            Behandlingslogg.Write(db, Entry(startedBy, null, null, Resultat.Fel), clock.GetUtcNow());
            log?.LogError(e, "Säkerhetskopieringen misslyckades: {Message}", message);
            throw;
        }
    }
}
