using StatsReporting.Configuration;

namespace StatsReporting.Access;

/// "StatsReporting:Web:Oidc": sign-in with the kommun's account (Entra ID, ADFS: any OpenID provider). Off while
/// Authority is empty. Access follows the person's groups or app roles: `Roller` maps each one that gives access to
/// our role and the nämnder it covers; a person in none of them is refused.
public sealed class OidcSettings : ISettingsSection
{
    public static string Section => "StatsReporting:Web:Oidc";
    private const string Where = "appsettings.json: StatsReporting:Web:Oidc";

    /// The provider's issuer, e.g. https://login.microsoftonline.com/<tenant-id>/v2.0 or https://adfs.kommun.se/adfs.
    public string Authority { get; set; } = "";
    public string ClientId { get; set; } = "";
    /// The client secret; better given as the variable StatsReporting__Web__Oidc__ClientSecret than written here.
    public string ClientSecret { get; set; } = "";
    /// Instead of a secret: a .pfx whose key signs the client assertion (private_key_jwt); the password beside it.
    public string Certifikat { get; set; } = "";
    public string CertifikatLosenord { get; set; } = "";
    /// Empty: openid and profile. (A list default would be added to, not replaced, by the configuration binder.)
    public List<string> Scopes { get; set; } = [];
    public IReadOnlyList<string> ScopesToAsk => Scopes.Count > 0 ? Scopes : ["openid", "profile"];
    /// The id token's claim with the groups or app roles: "groups" (Entra groups), "roles" (Entra app roles), "group" (ADFS).
    public string RollClaim { get; set; } = "groups";
    /// The claim with the person's name, as the page shows it.
    public string NamnClaim { get; set; } = "name";
    public Dictionary<string, OidcRoll> Roller { get; set; } = [];

    public bool Enabled => Authority.Length > 0;

    public void Validate()
    {
        if (!Enabled) return;
        if (!Uri.TryCreate(Authority, UriKind.Absolute, out var authority) || (authority.Scheme != Uri.UriSchemeHttps && !authority.IsLoopback))
            throw new InvalidOperationException($"{Where}:Authority '{Authority}' ska vara en https-adress (http bara på den egna datorn).");
        if (ClientId.Length == 0) throw new InvalidOperationException($"{Where}:ClientId saknas (appens id hos identitetsleverantören).");
        if ((ClientSecret.Length > 0) == (Certifikat.Length > 0))
            throw new InvalidOperationException($"{Where}: ange antingen ClientSecret eller Certifikat (en .pfx-fil), inte båda och inte inget.");
        if (Certifikat.Length > 0 && !File.Exists(Certifikat))
            throw new InvalidOperationException($"{Where}:Certifikat: filen '{Certifikat}' finns inte.");
        if (!ScopesToAsk.Contains("openid")) throw new InvalidOperationException($"{Where}:Scopes ska innehålla openid.");
        if (RollClaim.Length == 0 || NamnClaim.Length == 0)
            throw new InvalidOperationException($"{Where}: RollClaim och NamnClaim får inte vara tomma.");
        if (Roller.Count == 0)
            throw new InvalidOperationException($"{Where}:Roller är tom: ingen skulle kunna logga in. Ange vilka grupper som ger vilken roll.");
        foreach (var (group, roll) in Roller)
            if (!Roles.TryParse(roll.Roll, out _))
                throw new InvalidOperationException($"{Where}:Roller:{group}:Roll '{roll.Roll}' är ingen roll (controller, ivo eller admin).");
    }

    /// What the groups (or app roles) of one sign-in give, or null for none that is mapped. A person in several gets
    /// the highest role, over the nämnder of the groups that give that role (never a higher role over another
    /// group's nämnder); a group with no Namnder covers every nämnd.
    public OidcGrant? Resolve(IEnumerable<string> groups)
    {
        var mapped = groups.Distinct().Where(Roller.ContainsKey).Select(g => (Group: g, Roll: Roller[g]))
            .Select(m => (m.Group, Role: Roles.TryParse(m.Roll.Roll, out var r) ? r : default, m.Roll.Namnder)).ToList();
        if (mapped.Count == 0) return null;
        var role = mapped.Max(m => m.Role);
        var top = mapped.Where(m => m.Role == role).ToList();
        IReadOnlyList<string>? namnder = top.Any(m => m.Namnder is null or { Count: 0 })
            ? null : top.SelectMany(m => m.Namnder!).Distinct().Order(StringComparer.Ordinal).ToList();
        return new(role, namnder, top.Select(m => m.Group).Order(StringComparer.Ordinal).ToList());
    }
}

public sealed class OidcRoll
{
    public string Roll { get; set; } = "";
    /// The codes of the nämnder (Organisation:Namnder); absent or empty for all.
    public List<string>? Namnder { get; set; }
}

/// A signed-in person's role and nämnder (null: all), and the groups that gave them.
public sealed record OidcGrant(Role Role, IReadOnlyList<string>? Namnder, IReadOnlyList<string> Groups)
{
    /// As stored beside the session, to see at the next sign-in whether it changed: "controller:a,b" or "admin:*".
    public string Stored => $"{Role.Name()}:{KeyHolder.Stored(Namnder)}";
}
