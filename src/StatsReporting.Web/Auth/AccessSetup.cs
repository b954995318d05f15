using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using StatsReporting.Access;

namespace StatsReporting.Web.Auth;

/// Ways in, one set of roles: an `X-Api-Key` header (scripts, tests), or the cookie of a page session, which the
/// login form gives in exchange for a key or a sign-in with the kommun's account gives (OidcSetup). All end as a
/// principal that carries its role and every role below it.
public static class AccessSetup
{
    public const string ApiKeyScheme = "ApiKey";
    public const string ApiKeyHeader = "X-Api-Key";
    public const string CsrfHeader = "X-CSRF-Token";
    private const string KeyOrCookie = "KeyOrCookie";
    /// An admin of every nämnd (issue 15): the Hangfire dashboard shows every nämnd's jobs.
    public const string InstallationAdmin = "installation-admin";

    public static WebApplicationBuilder AddAccess(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(KeyOrCookie)
            .AddPolicyScheme(KeyOrCookie, null, o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.ContainsKey(ApiKeyHeader) ? ApiKeyScheme : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(ApiKeyScheme, null)
            .AddCookie(o =>
            {
                o.Cookie.Name = "statsreporting.session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest; // Secure over https; loopback http still works
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                // An API answers with a status code, not a redirect to a login page.
                o.Events.OnRedirectToLogin = ctx => StatusOnly(ctx.Response, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => StatusOnly(ctx.Response, StatusCodes.Status403Forbidden);
                // Every request asks the server: the key still active, the session (SessionStore) still open and not idle.
                // A rejected cookie is also deleted, so the browser stops sending it.
                // A person's session (Web:Oidc) has no key: its row alone decides, and their groups are read again
                // at the next sign-in. A key's session ends too once Web:Nyckelinloggning is turned off.
                o.Events.OnValidatePrincipal = async ctx =>
                {
                    var services = ctx.HttpContext.RequestServices;
                    var (keys, sessions) = (services.GetRequiredService<KeyStore>(), services.GetRequiredService<SessionStore>());
                    var id = ctx.Principal?.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
                    var sid = ctx.Principal?.FindFirst(SessionStore.Claim)?.Value;
                    if (OidcSetup.IsPerson(ctx.Principal!))
                    {
                        if (services.GetRequiredService<IOptions<OidcSettings>>().Value.Enabled && id is not null && sid is not null
                            && sessions.Continue(sid, id)) return;
                    }
                    else
                    {
                        var keyActive = id is not null && keys.IsActive(id);
                        if (id is not null && !keyActive) sessions.EndAllFor(id);
                        if (keyActive && sid is not null && services.GetRequiredService<WebSettings>().Nyckelinloggning
                            && sessions.Continue(sid, id!)) return;
                    }
                    ctx.RejectPrincipal();
                    await ctx.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                };
            })
            .AddOidc();
        builder.Services.AddSingleton<KeyGuessLimit>();
        builder.Services.AddSingleton<SessionStore>();
        builder.Services.AddAuthorizationBuilder()
            // Whatever is not explicitly open needs a key.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Roles.Controller, p => p.RequireRole(Roles.Controller))
            .AddPolicy(Roles.Ivo, p => p.RequireRole(Roles.Ivo))
            .AddPolicy(Roles.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(InstallationAdmin, p => p.RequireRole(Roles.Admin).RequireAssertion(c => NamndScope.IsInstallationAdmin(c.User)));
        builder.Services.AddAntiforgery(o =>
        {
            o.HeaderName = CsrfHeader;
            o.Cookie.Name = "statsreporting.csrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest; // antiforgery's default is never Secure
        });
        return builder;
    }

    public static WebApplication UseAccess(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    private static Task StatusOnly(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}
