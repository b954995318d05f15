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

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.TryAdd("X-Frame-Options", "DENY");
                headers.TryAdd("Referrer-Policy", "same-origin");
                if (context.Request.Path.StartsWithSegments("/api")) headers.ContentSecurityPolicy = ApiPolicy;
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }
}
