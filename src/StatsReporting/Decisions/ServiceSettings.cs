namespace StatsReporting.Decisions;

/// "StatsReporting:Schedule": when the quarterly job runs by itself. The cron expression is checked by the
/// scheduler when the service starts (a bad one stops the start with the key named).
public sealed class ScheduleSettings
{
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

/// "StatsReporting:Web": limits of the web service.
public sealed class WebSettings
{
    public long MaxUploadBytes { get; set; } = 20 * 1024 * 1024;

    /// The login page's line on who hands out keys (e.g. a name and a phone number); a controller runs no commands.
    public string LoginHelp { get; set; } = "Nycklar delas ut av systemförvaltaren för StatsReporting.";

    /// A cookie session ends after this many minutes without a request (and at logout, and when its key is revoked).
    public int SessionIdleMinutes { get; set; } = 30;

    /// Addresses of reverse proxies whose X-Forwarded-For/-Proto are believed (e.g. ["127.0.0.1"] for a TLS proxy on
    /// the same machine): behind one, the client's address and https are then seen, so cookies are Secure. Empty: none.
    public string[] TrustedProxies { get; set; } = [];

    public void Validate()
    {
        if (MaxUploadBytes <= 0) throw new InvalidOperationException("appsettings.json: StatsReporting:Web:MaxUploadBytes ska vara större än 0.");
        if (SessionIdleMinutes <= 0) throw new InvalidOperationException("appsettings.json: StatsReporting:Web:SessionIdleMinutes ska vara större än 0.");
        foreach (var proxy in TrustedProxies)
            if (!System.Net.IPAddress.TryParse(proxy, out _))
                throw new InvalidOperationException($"appsettings.json: StatsReporting:Web:TrustedProxies: '{proxy}' är ingen IP-adress.");
    }
}
