using Microsoft.Extensions.FileProviders;

namespace StatsReporting.Web.Page;

/// The Swedish page at / (plain HTML and JavaScript, no build step), served from resources inside this assembly.
/// It is open to anyone: it holds no data, and fetches everything from the API with the visitor's session.
public static class PageSetup
{
    public static WebApplication UsePage(this WebApplication app)
    {
        var files = new EmbeddedFileProvider(typeof(PageSetup).Assembly, "StatsReporting.Web.wwwroot");
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = ctx =>
            {
                var headers = ctx.Context.Response.Headers;
                headers.CacheControl = "no-cache";
                headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'";
                headers.XContentTypeOptions = "nosniff";
            },
        });
        return app;
    }
}
