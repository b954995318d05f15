using Hangfire;
using StatsReporting.Bevakning;
using StatsReporting.Decisions;

namespace StatsReporting.Web.Jobs;

/// The weekly worker: a thin shim over BevakningService (the one `statsreporting bevakning` calls), writing
/// bevakning-<today>.xlsx with today in the schedule's time zone. Running it again the same day rewrites the same file.
public sealed class BevakningJob(BevakningService service, AppSettings settings, TimeProvider clock, ILogger<BevakningJob> log)
{
    public const string RecurringId = "bevakningslista";

    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public string Run()
    {
        var list = service.List(settings.Bevakning.Today(clock));
        var path = service.WriteWorkbook(list);
        // Counts and the file name only: the list itself stays in the file.
        log.LogInformation("Bevakningslistan {Today}: {Snart} beslut når tre månader inom {Days} dagar, {Sena} redan försenade; skriven till {File}.",
            list.Today, list.Snart.Count, list.Days, list.Sena.Count, Path.GetFileName(path));
        return path;
    }
}
