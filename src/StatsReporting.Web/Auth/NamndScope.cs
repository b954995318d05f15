using System.Security.Claims;
using StatsReporting.Access;
using StatsReporting.Jobs;
using StatsReporting.Storage;
using StatsReporting.Organisation;

namespace StatsReporting.Web.Auth;

/// Which nämnder a signed-in key may see (issue 15): a claim per nämnd code, or "*" for all.
public static class NamndScope
{
    public const string Claim = "namnd";
    public const string All = "*";

    public static IEnumerable<Claim> Claims(KeyHolder h) => h.Namnder is null ? [new(Claim, All)] : h.Namnder.Select(c => new Claim(Claim, c));

    /// A principal without any nämnd claim signed in before nämnder existed, with a key that sees every nämnd.
    public static bool Sees(ClaimsPrincipal user, string code) =>
        !user.HasClaim(c => c.Type == Claim) || user.HasClaim(Claim, All) || user.HasClaim(Claim, code);

    /// An admin of every nämnd: the only one who sees the Hangfire dashboard.
    public static bool IsInstallationAdmin(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Admin) && (!user.HasClaim(c => c.Type == Claim) || user.HasClaim(Claim, All));

    public static IReadOnlyList<NamndSettings> Visible(ClaimsPrincipal user, OrganisationSettings o) =>
        o.All().Where(n => Sees(user, n.Code)).ToList();
}

/// The nämnd a request is about: the {namnd} of /api/namnder/{namnd}/…, else the first nämnd the key may see (the
/// only one, for a key of one nämnd or an installation with one). Null when the key may not see it or it does not
/// exist: then every file is missing (404, never 403, so that a nämnd's name does not leak).
public sealed class RequestNamnd
{
    public NamndSettings? Namnd { get; }
    public Db Db { get; }
    /// The nämnd's context (Jobs/Installation.For); null with Namnd.
    public NamndContext? Context { get; }

    public RequestNamnd(IHttpContextAccessor http, Installation installation, Db db)
    {
        var context = http.HttpContext;
        var visible = context is null ? [] : NamndScope.Visible(context.User, installation.Organisation);
        Namnd = context?.GetRouteValue("namnd") is string code ? visible.FirstOrDefault(n => n.Code == code) : visible.FirstOrDefault();
        Db = db.For(Namnd?.Code ?? Db.DefaultNamnd);
        Context = Namnd is { } n ? installation.For(n, db) : null;
    }

    /// The 404 of a nämnd the key may not see, worded like any missing page.
    public static IResult NotFound() => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: "Det finns inget här.");
}
