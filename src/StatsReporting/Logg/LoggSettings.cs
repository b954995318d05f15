using StatsReporting.Configuration;

namespace StatsReporting.Logg;

/// "StatsReporting:Logg": how long the behandlingslogg keeps its rows before it gallrar them itself.
public sealed class LoggSettings : ISettingsSection
{
    public static string Section => "StatsReporting:Logg";

    public int Manader { get; set; } = 36;

    public void Validate()
    {
        if (Manader is < 1 or > 1200)
            throw new InvalidOperationException($"appsettings.json: StatsReporting:Logg:Manader är {Manader}; ange antal månader, 1–1200 (standard 36).");
    }
}
