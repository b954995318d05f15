using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Http.HttpResults;
using StatsReporting.Access;

namespace StatsReporting.Web.Page;

/// Texts the page shows before anyone signs in, from appsettings.json (StatsReporting:Web).
public static class PageEndpoints
{
    public sealed record PageTexts(string LoginHelp);

    public static WebApplication MapPageTexts(this WebApplication app)
    {
        app.MapGet("/api/page", (IOptions<WebSettings> settings) => TypedResults.Ok(new PageTexts(settings.Value.LoginHelp))).AllowAnonymous();
        return app;
    }
}
