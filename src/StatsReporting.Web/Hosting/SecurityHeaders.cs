namespace StatsReporting.Web.Hosting;

/// Headers on every answer, whatever made it (the page, an endpoint, a status code page, the exception handler,
/// Hangfire's dashboard): the browser must not guess a content type, show the answer inside another site's frame, or
/// send our addresses to other sites. Set when the response starts, so the exception handler's clearing of the
/// headers cannot drop them; a header something else chose (the page's fuller CSP, the antiforgery SAMEORIGIN on
/// Hangfire's pages) stays.
public static class SecurityHeaders
{
    // The API answers with data and files, never with a document that loads or runs anything.
    private const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";

    // Hangfire's dashboard loads its own scripts and styles from /hangfire and sets a few style attributes; nothing
    // from elsewhere, and no inline script.
    private const string DashboardPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            // Taken now: Hangfire's dashboard moves "/hangfire" into PathBase before the response starts.
            var path = context.Request.PathBase + context.Request.Path;
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.TryAdd("X-Frame-Options", "DENY");
                headers.TryAdd("Referrer-Policy", "same-origin");
                if (path.StartsWithSegments("/api"))
                {
                    headers.ContentSecurityPolicy = ApiPolicy;
                    // Workbooks, charts, findings, run history: no copies in a browser's or a proxy's cache, where the
                    // next user of a shared computer would find them.
                    if (!headers.ContainsKey("Cache-Control")) headers.CacheControl = "no-store";
                }
                if (path.StartsWithSegments("/hangfire")) headers.ContentSecurityPolicy = DashboardPolicy;
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }
}
