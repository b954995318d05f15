using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;
using StatsReporting.Access;
using StatsReporting.Decisions;
using StatsReporting.Import;
using StatsReporting.Storage;

namespace StatsReporting.Web.Hosting;

public static class CoreServices
{
    /// The same core the CLI uses: settings from appsettings.json ("StatsReporting"), the catalog, the database and
    /// the importer. Everything is resolved lazily, so a test host's configuration is in place when it is read.
    public static WebApplicationBuilder AddCore(this WebApplicationBuilder builder)
    {
        // Like the CLI: appsettings.json of the working folder, else the copy beside the program; variables and
        // arguments still win.
        if (!File.Exists(Path.Combine(builder.Environment.ContentRootPath, "appsettings.json")))
            builder.Configuration.Sources.Insert(0, new JsonConfigurationSource
                { Path = "appsettings.json", FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory) });
        var services = builder.Services;
        services.AddSingleton(sp => AppSettings.From(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton(sp => new Catalog(sp.GetRequiredService<AppSettings>().Catalog));
        services.AddSingleton(sp =>
        {
            var db = StorageSettings.Open(sp.GetRequiredService<AppSettings>());
            db.Migrate(); // schema first: every other service expects it
            Namnder.Sync(db, sp.GetRequiredService<AppSettings>().Organisation);
            return db;
        });
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new KeyStore(sp.GetRequiredService<Db>(), sp.GetRequiredService<AppSettings>().Access));
        services.AddTransient(sp =>
        {
            // The request's nämnd (Auth/RequestNamnd): the records go to the nämnd of the address the file was sent to.
            var n = sp.GetRequiredService<Web.Auth.RequestNamnd>();
            var (settings, db) = (sp.GetRequiredService<AppSettings>(), n.Db);
            return new Importer(db, n.Namnd?.Catalog is { } own ? new Catalog(own) : sp.GetRequiredService<Catalog>(), settings.Paths.ArchiveFor(db.Path), sp.GetRequiredService<TimeProvider>(), settings.Import);
        });
        return builder;
    }
}
