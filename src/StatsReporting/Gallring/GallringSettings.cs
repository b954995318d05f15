using StatsReporting.Configuration;

namespace StatsReporting.Gallring;

/// "StatsReporting:Gallring": how many months after a decision was closed (and last in an IVO export) its IVO code,
/// birth date and kommentar are removed. The kommun's dokumenthanteringsplan decides; 24 is only the default.
public sealed class GallringSettings : ISettingsSection
{
    public static string Section => "StatsReporting:Gallring";

    public int Manader { get; set; } = 24;

    /// When the monthly gallring runs by itself (serve): 04:00 on the 2nd of each month, in Schedule:TimeZone.
    public string Cron { get; set; } = "0 4 2 * *";

    public void Validate()
    {
        if (Manader is < 1 or > 1200)
            throw new InvalidOperationException($"appsettings.json: StatsReporting:Gallring:Manader är {Manader}; ange antal månader, 1–1200 (standard 24).");
        if (string.IsNullOrWhiteSpace(Cron)) throw new InvalidOperationException("appsettings.json: StatsReporting:Gallring:Cron är tom.");
    }
}
