using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using StatsReporting.Access;
using StatsReporting.Logg;

namespace StatsReporting.Web.Auth;

/// The page's ways in: the login form (a key in, a cookie session out) and /login/oidc (the kommun's account, see
/// OidcSetup). /api/session tells the page who is signed in and hands it the CSRF token for its forms.
public static class LoginEndpoints
{
    public static WebApplication MapLogin(this WebApplication app)
    {
        app.MapGet("/api/session", Session).AllowAnonymous();
        app.MapPost("/login", Login).AllowAnonymous().RequireCsrf();
        app.MapGet("/login/oidc", SignInWithAccount).AllowAnonymous();
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

    private static async Task<IResult> Login(HttpContext http, KeyStore keys, KeyGuessLimit limit, SessionStore sessions, WebSettings web)
    {
        if (!web.Nyckelinloggning)
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, detail: "Inloggning med nyckel är avstängd på sidan (Web:Nyckelinloggning).");
        if (!http.Request.HasFormContentType)
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, detail: "Skicka nyckeln från inloggningsformuläret.");
        var form = await http.Request.ReadFormAsync();
        if (limit.IsBlocked(http))
        {
            sessions.Refused(SignInLog.Entry(http, Handling.MisslyckadInloggning, WebActor.Anonymous, null, "nyckel: spärrad adress", Resultat.Nekad));
            return TypedResults.Redirect("/?inloggning=sparr"); // the page says: wait a minute
        }
        if (keys.Verify(form["nyckel"]) is not { } holder)
        {
            limit.Failed(http);
            sessions.Refused(SignInLog.Entry(http, Handling.MisslyckadInloggning, WebActor.Anonymous, null, "nyckel: ogiltig", Resultat.Nekad));
            return TypedResults.Redirect("/?inloggning=fel");
        }
        var scheme = CookieAuthenticationDefaults.AuthenticationScheme;
        var principal = Principals.For(holder, scheme);
        var signedIn = SignInLog.Entry(http, Handling.Inloggning, holder.Name, holder.Id, SignInLog.Describe(
            $"{holder.Role.Name()}:{KeyHolder.Stored(holder.Namnder)}"), Resultat.Ok);
        ((System.Security.Claims.ClaimsIdentity)principal.Identity!).AddClaim(new(SessionStore.Claim, sessions.Start(holder.Id, null, signedIn)));
        await http.SignInAsync(scheme, principal);
        return TypedResults.Redirect("/");
    }

    /// A GET from the page's button: the challenge sends the browser to the provider (state, nonce and PKCE made here).
    private static IResult SignInWithAccount(IOptions<OidcSettings> oidc) => oidc.Value.Enabled
        ? TypedResults.Challenge(new AuthenticationProperties { RedirectUri = "/" }, [OidcSetup.Scheme])
        : TypedResults.NotFound();

    /// Ends the session on the server too: the cookie, replayed, no longer opens anything. A person signed in with
    /// the kommun's account is then sent to the provider's end_session_endpoint, which ends the session there too
    /// and sends the browser back to /signout-callback-oidc and on to the page.
    private static async Task<IResult> Logout(HttpContext http, SessionStore sessions, IOptions<OidcSettings> oidc)
    {
        var person = OidcSetup.IsPerson(http.User) && oidc.Value.Enabled;
        if (http.User.FindFirst(SessionStore.Claim)?.Value is { } sid)
        {
            var id = http.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
            sessions.End(sid, SignInLog.Entry(http, Handling.Utloggning, http.User.Identity?.Name ?? WebActor.Anonymous, id, null, Resultat.Ok));
        }
        // The provider's sign-out reads the id token (id_token_hint) from the cookie: before the cookie goes.
        if (person) await http.SignOutAsync(OidcSetup.Scheme, new AuthenticationProperties { RedirectUri = "/?utloggad=1" });
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return person ? TypedResults.Empty : TypedResults.Redirect("/");
    }
}
