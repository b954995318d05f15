using System.Security.Claims;
using StatsReporting.Logg;

namespace StatsReporting.Web.Auth;

/// Who makes this request and from where, for the behandlingslogg: the signed-in person's or key's name, the
/// subject or key id, and the client's address (after the trusted proxy, Hosting/ProxySetup).
public static class WebActor
{
    public const string Anonymous = "(ej inloggad)";

    public static Actor Of(HttpContext http) => new(
        http.User.Identity?.IsAuthenticated == true ? http.User.Identity.Name ?? Anonymous : Anonymous,
        http.User.FindFirst(ClaimTypes.NameIdentifier)?.Value,
        http.Connection.RemoteIpAddress?.ToString());
}
