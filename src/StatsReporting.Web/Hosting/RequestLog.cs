using System.Diagnostics;
using StatsReporting.FileSystem;

namespace StatsReporting.Web.Hosting;

/// One line per request, "GET /api/periods/2025Q2/workbooks/sol → 200 (12 ms)", instead of the framework's two lines
/// per request at Information, which carry the whole URL: a query string may hold a key someone pasted (?key=…),
/// so it is never logged, and the path is written with control characters escaped.
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
                    context.Request.Method, UserText.Escape(context.Request.PathBase + context.Request.Path), status, watch.ElapsedMilliseconds);
            }
        });
        return app;
    }
}
