using Microsoft.Extensions.Options;
using StatsReporting.Nodes;

namespace StatsReporting.Web.Nodes;

/// `serve --worker-only` (Node:Web false): the node runs jobs and answers only GET /healthz, so that a monitor or a
/// load balancer sees it is alive; every other address is 404, the page, the API and the dashboard included.
public static class NodeRole
{
    public static WebApplication UseNodeRole(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<NodeSettings>>().Value.Web) return app;
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.Equals("/healthz", StringComparison.Ordinal)) { await next(context); return; }
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("Den här noden kör bara jobb (--worker-only); sidan och API:t finns på de andra noderna.\n");
        });
        return app;
    }
}
