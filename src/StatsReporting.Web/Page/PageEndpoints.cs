using Microsoft.AspNetCore.Http.HttpResults;
using StatsReporting.Decisions;

namespace StatsReporting.Web.Page;

/// Texts the page shows before anyone signs in, from appsettings.json (StatsReporting:Web).
public static class PageEndpoints
{
    public sealed record PageTexts(string LoginHelp);

    public static WebApplication MapPageTexts(this WebApplication app)
    {
        app.MapGet("/api/page", (AppSettings settings) => TypedResults.Ok(new PageTexts(settings.Web.LoginHelp))).AllowAnonymous();
        return app;
    }
}
