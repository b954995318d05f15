using StatsReporting.Organisation;
using Hangfire;
using StatsReporting.Bevakning;
using StatsReporting.Storage;
using StatsReporting.FileSystem;
using StatsReporting.Jobs;

namespace StatsReporting.Web.Jobs;

/// The weekly worker: for every nämnd a thin shim over BevakningService (the one `statsreporting bevakning` calls),
/// writing its bevakning-<today>.xlsx with today in the schedule's time zone. One nämnd's failure does not stop the
/// others; the job fails afterwards, naming the nämnder that failed. Running it again the same day rewrites the files.
public sealed class BevakningJob(Db db, Installation settings, TimeProvider clock, ILogger<BevakningJob> log)
{
    public const string RecurringId = "bevakningslista";

    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public IReadOnlyList<string> Run()
    {
        var today = settings.Get<BevakningSettings>().Today(clock);
        var (written, failed) = (new List<string>(), new List<string>());
        foreach (var n in settings.Organisation.All())
        {
            try
            {
                var service = new BevakningService(settings.For(n, db));
                var list = service.List(today);
                var path = service.WriteWorkbook(list);
                // Counts and the file name only: the list itself stays in the file.
                log.LogInformation("Bevakningslistan {Today} för nämnd {Namnd}: {Snart} beslut når tre månader inom {Days} dagar, {Sena} redan försenade; skriven till {File}.",
                    list.Today, n.Code, list.Snart.Count, list.Days, list.Sena.Count, Path.GetFileName(path));
                written.Add(path);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                log.LogError(e, "Bevakningslistan för nämnd {Namnd} kunde inte skrivas: {Reason}", n.Code, UserText.Describe(e));
                failed.Add(n.Code);
            }
        }
        if (failed.Count > 0)
            throw new InvalidOperationException($"Bevakningslistan kunde inte skrivas för {string.Join(", ", failed)}; se loggen.");
        return written;
    }
}
