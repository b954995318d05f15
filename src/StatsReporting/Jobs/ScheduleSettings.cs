using StatsReporting.Configuration;

namespace StatsReporting.Jobs;

/// "StatsReporting:Schedule": when the quarterly job runs by itself. The cron expression is checked by the
/// scheduler when the service starts (a bad one stops the start with the key named).
public sealed class ScheduleSettings : ISettingsSection
{
    public static string Section => "StatsReporting:Schedule";

    public string Cron { get; set; } = "0 6 1 1,4,7,10 *";
    public string TimeZone { get; set; } = "Europe/Stockholm";

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    /// The date in the schedule's time zone: the job's run date, whatever zone the server runs in.
    public DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime);

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Cron)) throw new InvalidOperationException("appsettings.json: StatsReporting:Schedule:Cron är tom.");
        try { _ = Zone; }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new InvalidOperationException($"appsettings.json: StatsReporting:Schedule:TimeZone '{TimeZone}' är ingen känd tidszon (t.ex. Europe/Stockholm).");
        }
    }
}
