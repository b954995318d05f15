using StatsReporting.Configuration;

namespace StatsReporting.Bevakning;

/// "StatsReporting:Bevakning": how far ahead the list looks, and when the weekly job writes its workbook.
public sealed class BevakningSettings : ISettingsSection
{
    public static string Section => "StatsReporting:Bevakning";

    public int Days { get; set; } = 30;
    public string Cron { get; set; } = "0 7 * * 1";
    public string TimeZone { get; set; } = "Europe/Stockholm";
    /// Where the workbooks go; empty means a "bevakning" folder in Paths:Reports.
    public string? Folder { get; set; }

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime);

    public string FolderFor(string reportsRoot) => string.IsNullOrEmpty(Folder) ? Path.Combine(reportsRoot, "bevakning") : Folder;

    public void Validate()
    {
        if (Days is < 0 or > 366) throw new InvalidOperationException($"appsettings.json: StatsReporting:Bevakning:Days ska vara 0–366 (är {Days}).");
        if (string.IsNullOrWhiteSpace(Cron)) throw new InvalidOperationException("appsettings.json: StatsReporting:Bevakning:Cron är tom.");
        try { _ = Zone; }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new InvalidOperationException($"appsettings.json: StatsReporting:Bevakning:TimeZone '{TimeZone}' är ingen känd tidszon (t.ex. Europe/Stockholm).");
        }
    }
}
