using Hangfire;
using StatsReporting.Gallring;
using StatsReporting.Jobs;
using StatsReporting.Logg;
using StatsReporting.Organisation;
using StatsReporting.Storage;

namespace StatsReporting.Web.Jobs;

/// The monthly gallring (Gallring:Cron): a thin shim over the same Gallra.Run that `statsreporting gallra` calls, with
/// today in the schedule's time zone. Safe to run again: what is gallrat once is not found again. The run lock keeps
/// it from overlapping a quarterly run (whose export might otherwise be half made when its folder is judged).
public sealed class GallringJob(Db db, Installation settings, TimeProvider clock, ILogger<GallringJob> log)
{
    public const string RecurringId = "gallring";

    [DisableConcurrentExecution(timeoutInSeconds: 60 * 60)]
    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public string Run()
    {
        using var guard = RunLock.Acquire(db, TimeSpan.FromMinutes(30))
            ?? throw new InvalidOperationException("Gallringen väntade i 30 minuter på en körning av kvartalsjobbet och gav upp; den körs igen nästa månad, eller kör statsreporting gallra.");
        var today = settings.Get<ScheduleSettings>().Today(clock);
        var namnder = settings.Organisation.All().Select(n => settings.For(n, db)).ToList();
        var result = Gallra.Run(db, namnder, today, settings.Get<GallringSettings>().Manader, settings.Get<LoggSettings>().Manader, visa: false,
            new Actor($"gallringsjobbet@{Environment.MachineName}"), clock.GetUtcNow());
        // Counts only, as in the behandlingslogg.
        log.LogInformation("{Summary}", result.Summary);
        return result.Summary;
    }
}
