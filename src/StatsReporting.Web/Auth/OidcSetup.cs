using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using StatsReporting.Access;
using StatsReporting.Logg;

namespace StatsReporting.Web.Auth;

/// Sign-in with the kommun's account (StatsReporting:Web:Oidc): the authorization code flow with PKCE, state and
/// nonce; the framework checks the id token's issuer, audience (our client id), signature (the provider's published
/// keys), lifetime and nonce. Each sign-in reads the groups again and opens a server-side session (SessionStore),
/// so the cookie ends like a key's: at logout, after the idle timeout, or at the next sign-in's new groups.
public static class OidcSetup
{
    public const string Scheme = "Oidc";
    /// The claim that tells a person's session from a key's: its value is Person.
    public const string MethodClaim = "inloggning";
    public const string Person = "oidc";
    /// Sessions of a person are stored under "oidc:" and the id token's subject (never a key's id, which is hex).
    public const string SubjectPrefix = "oidc:";
    public const string RefusedPage = "/?inloggning=behorighet";
    public const string FailedPage = "/?inloggning=misslyckades";

    public static AuthenticationBuilder AddOidc(this AuthenticationBuilder auth)
    {
        auth.AddOpenIdConnect(Scheme, _ => { });
        auth.Services.AddOptions<OpenIdConnectOptions>(Scheme)
            .Configure<IOptions<OidcSettings>>((o, s) => Configure(o, s.Value));
        return auth;
    }

    public static bool IsPerson(ClaimsPrincipal user) => user.HasClaim(MethodClaim, Person);

    private static void Configure(OpenIdConnectOptions o, OidcSettings s)
    {
        o.SignInScheme = o.SignOutScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        o.CallbackPath = "/signin-oidc";
        o.SignedOutCallbackPath = "/signout-callback-oidc";
        o.Events.OnRemoteFailure = Failed;
        if (!s.Enabled)
        {
            // Off: /login/oidc is 404, and a stray request to the callback fails without asking any provider.
            o.ClientId = "-";
            o.Configuration = new OpenIdConnectConfiguration();
            return;
        }
        o.Authority = s.Authority;
        o.RequireHttpsMetadata = new Uri(s.Authority).Scheme == Uri.UriSchemeHttps; // Validate allows http on loopback only
        o.ClientId = s.ClientId;
        if (s.ClientSecret.Length > 0) o.ClientSecret = s.ClientSecret;
        o.ResponseType = OpenIdConnectResponseType.Code;
        // The code comes back in the query of a top-level GET: the correlation and nonce cookies can stay SameSite=Lax
        // (form_post would need SameSite=None), and Secure whenever the request is https (also behind the proxy).
        o.ResponseMode = OpenIdConnectResponseMode.Query;
        o.UsePkce = true;
        o.Scope.Clear();
        foreach (var scope in s.ScopesToAsk) o.Scope.Add(scope);
        o.MapInboundClaims = false; // the provider's own claim names, as Web:Oidc:RollClaim names them
        o.GetClaimsFromUserInfoEndpoint = false;
        o.SaveTokens = true; // the id token, sent back as id_token_hint when signing out at the provider
        o.DisableTelemetry = true;
        foreach (var cookie in new[] { o.CorrelationCookie, o.NonceCookie })
        {
            cookie.SameSite = SameSiteMode.Lax;
            cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        }
        o.TokenValidationParameters.NameClaimType = s.NamnClaim;
        o.Events.OnTicketReceived = SignedIn;
        if (s.Certifikat.Length > 0)
        {
            o.Events.OnAuthorizationCodeReceived = ClientAssertion.Add;
            o.Events.OnPushAuthorization = ClientAssertion.AddToPush;
        }
    }

    /// After every check of the id token (the nonce is checked after OnTokenValidated, so nothing is opened there):
    /// the groups read and mapped to our role and nämnder, and a session opened. A person in no mapped group is sent
    /// to the refusal page without any session. The cookie keeps the id token (for id_token_hint at sign-out), not
    /// the access token: nothing here calls an API with it.
    private static Task SignedIn(TicketReceivedContext ctx)
    {
        var services = ctx.HttpContext.RequestServices;
        var settings = services.GetRequiredService<IOptions<OidcSettings>>().Value;
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OidcSetup));
        var token = ctx.Principal!;
        var subject = token.FindFirst("sub")?.Value;
        var name = token.FindFirst(settings.NamnClaim)?.Value ?? token.FindFirst("preferred_username")?.Value ?? subject;
        // Here a Fail() would be ignored and the provider's principal signed in: every refusal handles the response.
        var sessions = services.GetRequiredService<SessionStore>();
        var http = ctx.HttpContext;
        if (subject is null || name is null)
        {
            log.LogWarning("Inloggning med kommunens konto misslyckades: id-token saknar sub.");
            sessions.Refused(SignInLog.Entry(http, Handling.MisslyckadInloggning, WebActor.Anonymous, null, "id-token utan sub", Resultat.Fel));
            return Redirect(ctx, FailedPage);
        }
        var grant = settings.Resolve(token.FindAll(settings.RollClaim).Select(c => c.Value));
        if (grant is null)
        {
            log.LogWarning("Inloggning nekad: {Name} är inte med i någon grupp i Web:Oidc:Roller.", name);
            sessions.Refused(SignInLog.Entry(http, Handling.MisslyckadInloggning, name, SubjectPrefix + subject, "ingen grupp i Web:Oidc:Roller", Resultat.Nekad));
            return Redirect(ctx, RefusedPage);
        }
        // The log's subject, like the session's key_id and WebActor's: "oidc:<sub>", never taken for a key's id.
        var id = SubjectPrefix + subject;
        var before = sessions.LastGrant(id);
        List<LogEntry> rows = [SignInLog.Entry(http, Handling.Inloggning, name, id, SignInLog.Describe(grant.Stored), Resultat.Ok)];
        if (before is not null && before != grant.Stored)
        {
            log.LogInformation("Ändrad behörighet för {Name} vid inloggning: {Before} blev {After}.", name, before, grant.Stored);
            rows.Insert(0, SignInLog.Entry(http, Handling.RollAndrad, name, id, SignInLog.Change(before, grant.Stored), Resultat.Ok));
        }
        var sid = sessions.Start(id, grant.Stored, [.. rows]);
        log.LogInformation("Inloggad med kommunens konto: {Name} ({Grant}).", name, grant.Stored);

        var principal = Principals.For(new KeyHolder(id, name, grant.Role, grant.Namnder), Scheme);
        var identity = (ClaimsIdentity)principal.Identity!;
        identity.AddClaim(new(SessionStore.Claim, sid));
        identity.AddClaim(new(MethodClaim, Person));
        ctx.Principal = principal;
        var properties = ctx.Properties!;
        properties.StoreTokens(properties.GetTokens().Where(t => t.Name == "id_token").ToList());
        return Task.CompletedTask;
    }

    private static Task Redirect(HandleRequestContext<RemoteAuthenticationOptions> ctx, string page)
    {
        ctx.HandleResponse();
        ctx.Response.Redirect(page);
        return Task.CompletedTask;
    }

    /// A refused id token (another key, another client, expired, wrong nonce), a cancelled login, a replayed or
    /// forged callback: no session, a Swedish message on the page, the reason in the log.
    private static Task Failed(RemoteFailureContext ctx)
    {
        var log = ctx.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OidcSetup));
        log.LogWarning("Inloggning med kommunens konto misslyckades: {Reason}", ctx.Failure?.Message);
        // The token is not believed, so neither is its name: the log has the reason's code, e.g. "IDX10214" (audience).
        var reason = ctx.Failure?.Message is { } m && m.StartsWith("IDX", StringComparison.Ordinal) ? m.Split(':')[0] : ctx.Failure?.GetType().Name;
        ctx.HttpContext.RequestServices.GetRequiredService<SessionStore>().Refused(
            SignInLog.Entry(ctx.HttpContext, Handling.MisslyckadInloggning, WebActor.Anonymous, null, $"kommunens konto: {reason}", Resultat.Nekad));
        return Redirect(ctx, FailedPage);
    }
}
