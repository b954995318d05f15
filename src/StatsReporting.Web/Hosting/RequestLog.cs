using System.Diagnostics;
using StatsReporting.FileSystem;

namespace StatsReporting.Web.Hosting;

/// One line per request, "GET /api/periods/{period}/workbooks/{law} → 200 (12 ms)", instead of the framework's two
/// lines per request at Information, which carry the whole URL. Only the route's template is written, never the
/// path's values: a path may hold a key someone pasted (/api/sr.…) or a person code (/api/periods/19621226-T314/…),
/// and so may a query string. A request that matched no route is written as "(ingen route)", a file of the page
/// by its name.
public static class RequestLog
{
    public static WebApplicationBuilder AddRequestLog(this WebApplicationBuilder builder)
    {
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Routing", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Http.Result", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.StaticFiles", LogLevel.Warning);
        return builder;
    }

    public static WebApplication UseRequestLog(this WebApplication app)
    {
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("StatsReporting.Web.Requests");
        app.Use(async (context, next) =>
        {
            var watch = Stopwatch.StartNew();
            try { await next(context); }
            finally
            {
                var status = context.Response.StatusCode;
                log.Log(status >= 500 ? LogLevel.Error : LogLevel.Information, "{Method} {Path} → {Status} ({Ms} ms)",
                    UserText.Escape(context.Request.Method), Route(context), status, watch.ElapsedMilliseconds);
            }
        });
        return app;
    }

    private static string Route(HttpContext context) => context.GetEndpoint() switch
    {
        RouteEndpoint e => UserText.Escape(e.RoutePattern.RawText ?? "(ingen route)"),
        // No endpoint and a success: the static files of the page (index.html, app.js), whose names are ours.
        null when context.Response.StatusCode is 200 or 304 => UserText.Escape(context.Request.Path.ToString()),
        _ => "(ingen route)",
    };
}
