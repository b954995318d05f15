using StatsReporting.Configuration;

namespace StatsReporting.Access;

/// "StatsReporting:Web": limits of the web service: uploads, sessions, which proxies are believed.
public sealed class WebSettings : ISettingsSection
{
    public static string Section => "StatsReporting:Web";

    public long MaxUploadBytes { get; set; } = 20 * 1024 * 1024;

    /// The login page's line on who hands out keys (e.g. a name and a phone number); a controller runs no commands.
    public string LoginHelp { get; set; } = "Nycklar delas ut av systemförvaltaren för StatsReporting.";

    /// A cookie session ends after this many minutes without a request (and at logout, and when its key is revoked).
    public int SessionIdleMinutes { get; set; } = 30;

    /// The page's login form for a key. False once people sign in with the kommun's account (Web:Oidc): keys then
    /// only open the API (the X-Api-Key header, for scripts and machines), never a page session.
    public bool Nyckelinloggning { get; set; } = true;

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
