using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using StatsReporting.Access;
using StatsReporting.Logg;

namespace StatsReporting.Web.Auth;

/// The page's login form: a key in, a cookie session out. /api/session tells the page who is signed in and hands
/// it the CSRF token for its forms.
public static class LoginEndpoints
{
    public static WebApplication MapLogin(this WebApplication app)
    {
        app.MapGet("/api/session", Session).AllowAnonymous();
        app.MapPost("/login", Login).AllowAnonymous().RequireCsrf();
        app.MapPost("/logout", Logout).AllowAnonymous().RequireCsrf();
        return app;
    }

    public sealed record SessionInfo(string? Role, string? Name, string Csrf);

    private static Ok<SessionInfo> Session(HttpContext http, IAntiforgery antiforgery)
    {
        http.Response.Headers.CacheControl = "no-store";
        var token = antiforgery.GetAndStoreTokens(http).RequestToken!;
        return TypedResults.Ok(new SessionInfo(Principals.RoleOf(http.User)?.Name(), http.User.Identity?.Name, token));
    }

    private static async Task<IResult> Login(HttpContext http, KeyStore keys, KeyGuessLimit limit, SessionStore sessions,
        StatsReporting.Storage.Db db, TimeProvider clock)
    {
        if (!http.Request.HasFormContentType)
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, detail: "Skicka nyckeln från inloggningsformuläret.");
        var form = await http.Request.ReadFormAsync();
        if (limit.IsBlocked(http)) return TypedResults.Redirect("/?inloggning=sparr"); // the page says: wait a minute
        if (keys.Verify(form["nyckel"]) is not { } holder)
        {
            limit.Failed(http);
            // Never the key that was tried: only that a sign-in failed, and from where.
            Behandlingslogg.Write(db, WebActor.Of(http).Did(Handling.MisslyckadInloggning, Resultat.Nekad) with { Objekt = "nyckel" }, clock.GetUtcNow());
            return TypedResults.Redirect("/?inloggning=fel");
        }
        var scheme = CookieAuthenticationDefaults.AuthenticationScheme;
        var principal = Principals.For(holder, scheme);
        ((System.Security.Claims.ClaimsIdentity)principal.Identity!).AddClaim(new(SessionStore.Claim, sessions.Start(holder.Id, new Actor(holder.Name, holder.Id, http.Connection.RemoteIpAddress?.ToString()))));
        await http.SignInAsync(scheme, principal);
        return TypedResults.Redirect("/");
    }

    /// Ends the session on the server too: the cookie, replayed, no longer opens anything.
    private static async Task<RedirectHttpResult> Logout(HttpRequest request, SessionStore sessions)
    {
        if (request.HttpContext.User.FindFirst(SessionStore.Claim)?.Value is { } sid) sessions.End(sid, WebActor.Of(request.HttpContext));
        await request.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.Redirect("/");
    }
}
