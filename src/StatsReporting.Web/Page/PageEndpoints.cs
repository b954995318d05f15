using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Http.HttpResults;
using StatsReporting.Access;

namespace StatsReporting.Web.Page;

/// Texts the page shows before anyone signs in, from appsettings.json (StatsReporting:Web).
public static class PageEndpoints
{
    /// Oidc: the page offers sign-in with the kommun's account; Nyckelinloggning: it offers the key form.
    public sealed record PageTexts(string LoginHelp, bool Oidc, bool Nyckelinloggning);

    public static WebApplication MapPageTexts(this WebApplication app)
    {
        app.MapGet("/api/page", (IOptions<WebSettings> settings, IOptions<OidcSettings> oidc) =>
            TypedResults.Ok(new PageTexts(settings.Value.LoginHelp, oidc.Value.Enabled, settings.Value.Nyckelinloggning))).AllowAnonymous();
        return app;
    }
}
