using StatsReporting.Decisions;
using StatsReporting.Nodes;
using StatsReporting.Storage;
using StatsReporting.FileSystem;
using StatsReporting.Jobs;

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
        var settings = app.Services.GetRequiredService<Installation>();
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SharedOutputs));
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/api") && context.User.Identity?.IsAuthenticated == true)
            {
                // A set that cannot be written here (disk full, database away) leaves the folder's previous set, which
                // is whole: the request is answered from it, and the next request tries again.
                try { await SharedOutputs.Refresh(db, settings.Paths, settings.Organisation); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or System.Data.Common.DbException)
                {
                    log.LogError(e, "De lagrade rapportfilerna kunde inte skrivas till den här nodens mappar: {Reason}", UserText.Describe(e));
                }
            }
            await next(context);
        });
        return app;
    }
}
