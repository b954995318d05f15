using StatsReporting.Configuration;

namespace StatsReporting.Backups;

/// "StatsReporting:Backup": when the nightly backup runs and how many backups it keeps (one a night: Dagar days).
/// Where they go is Paths:Backup.
public sealed class BackupSettings : ISettingsSection
{
    public static string Section => "StatsReporting:Backup";

    public string Cron { get; set; } = "30 2 * * *";
    public string TimeZone { get; set; } = "Europe/Stockholm";
    /// How many backups the nightly job keeps; the older ones are deleted after each new one.
    public int Dagar { get; set; } = 30;

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public void Validate()
    {
        if (Dagar is < 1 or > 3660) throw new InvalidOperationException($"appsettings.json: StatsReporting:Backup:Dagar ska vara 1–3660 (är {Dagar}).");
        if (string.IsNullOrWhiteSpace(Cron)) throw new InvalidOperationException("appsettings.json: StatsReporting:Backup:Cron är tom.");
        try { _ = Zone; }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new InvalidOperationException($"appsettings.json: StatsReporting:Backup:TimeZone '{TimeZone}' är ingen känd tidszon (t.ex. Europe/Stockholm).");
        }
    }
}
