using Microsoft.Extensions.Options;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;
using StatsReporting.Access;
using StatsReporting.Decisions;
using StatsReporting.Import;
using StatsReporting.Jobs;
using StatsReporting.Storage;

namespace StatsReporting.Web.Hosting;

public static class CoreServices
{
    /// The same core the CLI uses: the features' settings (CoreSettings, bound and checked at start), the
    /// installation with its database, and the importer. Everything is resolved lazily, so a test host's configuration
    /// is in place when it is read.
    public static WebApplicationBuilder AddCore(this WebApplicationBuilder builder)
    {
        // Like the CLI: appsettings.json of the working folder, else the copy beside the program; variables and
        // arguments still win.
        if (!File.Exists(Path.Combine(builder.Environment.ContentRootPath, "appsettings.json")))
            builder.Configuration.Sources.Insert(0, new JsonConfigurationSource
                { Path = "appsettings.json", FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory) });
        var services = builder.Services;
        services.AddCoreSettings();
        services.AddSingleton(sp =>
        {
            var installation = new Installation(sp);
            installation.Check(sp.GetRequiredService<IConfiguration>());
            return installation;
        });
        // Schema first: every other service expects it.
        services.AddSingleton(sp => sp.GetRequiredService<Installation>().OpenDb());
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new KeyStore(sp.GetRequiredService<Db>(), sp.GetRequiredService<Installation>().Get<AccessSettings>()));
        services.AddTransient(sp =>
        {
            // The request's nämnd (Auth/RequestNamnd): the records go to the nämnd of the address the file was sent to.
            var (n, installation) = (sp.GetRequiredService<Web.Auth.RequestNamnd>(), sp.GetRequiredService<Installation>());
            var catalog = n.Context?.Catalog ?? new Catalog(installation.Get<CatalogSettings>());
            return new Importer(n.Db, catalog, installation.Paths.ArchiveFor(n.Db.Path), sp.GetRequiredService<TimeProvider>(), installation.Get<ImportLimits>());
        });
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<WebSettings>>().Value);
        return builder;
    }
}
