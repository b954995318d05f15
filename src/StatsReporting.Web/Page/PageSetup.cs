using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using StatsReporting.Access;

namespace StatsReporting.Web.Page;

/// The Swedish page at / (plain HTML and JavaScript, no build step), served from resources inside this assembly.
/// It is open to anyone: it holds no data, and fetches everything from the API with the visitor's session.
public static class PageSetup
{
    public static WebApplication UsePage(this WebApplication app)
    {
        var files = new EmbeddedFileProvider(typeof(PageSetup).Assembly, "StatsReporting.Web.wwwroot");
        // "Logga ut" posts to /logout, which for a person signed in with the kommun's account redirects to the
        // provider's sign-out: Chromium holds a form's redirects to form-action as well.
        var oidc = app.Services.GetRequiredService<IOptions<OidcSettings>>().Value;
        var formAction = oidc.Enabled ? $"'self' {new Uri(oidc.Authority).GetLeftPart(UriPartial.Authority)}" : "'self'";
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = ctx =>
            {
                var headers = ctx.Context.Response.Headers;
                headers.CacheControl = "no-cache";
                headers.ContentSecurityPolicy = $"default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action {formAction}";
                headers.XContentTypeOptions = "nosniff";
            },
        });
        return app;
    }
}
