using StatsReporting.Logg;

namespace StatsReporting.Web.Auth;

/// The behandlingslogg's rows of signing in and out: who (the person's name and subject, or the key's name and id),
/// what (the role and nämnder their groups gave), from where (the client's address, after the trusted proxy).
public static class SignInLog
{
    public static LogEntry Entry(HttpContext http, string handling, string vem, string? subjekt, string? objekt, string resultat) => new()
    {
        Vem = vem, Subjekt = subjekt, Handling = handling, Objekt = objekt, Resultat = resultat,
        Adress = http.Connection.RemoteIpAddress?.ToString(),
    };

    /// "controller:a,b" (OidcGrant.Stored) as the log says it: "roll: controller; nämnder: a, b".
    public static string Describe(string grant)
    {
        var (role, namnder) = Split(grant);
        return $"roll: {role}; nämnder: {namnder}";
    }

    /// What changed since the last sign-in: "roll: controller → ivo; nämnder: a → b" (a part that stayed, once).
    public static string Change(string before, string after)
    {
        var ((r0, n0), (r1, n1)) = (Split(before), Split(after));
        return $"roll: {(r0 == r1 ? r1 : $"{r0} → {r1}")}; nämnder: {(n0 == n1 ? n1 : $"{n0} → {n1}")}";
    }

    private static (string Role, string Namnder) Split(string grant)
    {
        var (role, namnder) = (grant.Split(':', 2)[0], grant.Split(':', 2).ElementAtOrDefault(1) ?? "*");
        return (role, namnder == "*" ? "alla" : namnder.Replace(",", ", ", StringComparison.Ordinal));
    }
}
