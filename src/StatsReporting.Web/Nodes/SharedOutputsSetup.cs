using StatsReporting.Decisions;
using StatsReporting.Nodes;
using StatsReporting.Storage;

namespace StatsReporting.Web.Nodes;

/// On PostgreSQL, before an API request of a signed-in user is answered, this node's report and IVO folders are
/// brought up to the sets stored in the database (Nodes/SharedOutputs), so ReportFiles, PlainFile and the listing
/// read local files exactly as with SQLite and every node hands out the bytes the run wrote.
public static class SharedOutputsSetup
{
    public static WebApplication UseSharedOutputs(this WebApplication app)
    {
        var db = app.Services.GetRequiredService<Db>();
        if (!SharedOutputs.Enabled(db)) return app;
        var settings = app.Services.GetRequiredService<AppSettings>();
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/api") && context.User.Identity?.IsAuthenticated == true)
                await SharedOutputs.Refresh(db, settings);
            await next(context);
        });
        return app;
    }
}
