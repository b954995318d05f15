using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StatsReporting.Access;
using StatsReporting.Avgift;
using StatsReporting.Backups;
using StatsReporting.Bevakning;
using StatsReporting.Configuration;
using StatsReporting.Decisions;
using StatsReporting.Import;
using StatsReporting.Ivo;
using StatsReporting.Logg;
using StatsReporting.Gallring;
using StatsReporting.Nodes;
using StatsReporting.Organisation;
using StatsReporting.Storage;

namespace StatsReporting.Jobs;

/// Every feature's settings section, registered in one list (as Program.cs lists the web's features): each is bound
/// from its own section and checked by its own class when the host starts, the web service and the CLI alike.
public static class CoreSettings
{
    public static IServiceCollection AddCoreSettings(this IServiceCollection services)
    {
        services.AddSettings<CatalogSettings>();
        services.AddSettings<ReportSettings>();
        services.AddSettings<IvoSettings>();
        services.AddSettings<ScheduleSettings>();
        services.AddSettings<WebSettings>();
        services.AddSettings<OidcSettings>();
        services.AddSettings<AccessSettings>();
        services.AddSettings<BevakningSettings>();
        services.AddSettings<AvgiftSettings>();
        services.AddSettings<ImportLimits>();
        services.AddSettings<OrganisationSettings>();
        // The top-level ConnectionStrings:Postgres, the .NET convention, rather than a key of its own.
        services.AddSettings<StorageSettings>().PostConfigure<IConfiguration>((s, config) => s.PostgresConnection = config.GetConnectionString("Postgres"));
        services.AddSettings<NodeSettings>();
        services.AddSettings<PathSettings>();
        services.AddSettings<Reports.Document.DocumentSettings>();
        services.AddSettings<LoggSettings>();
        services.AddSettings<GallringSettings>();
        services.AddSettings<BackupSettings>();
        return services;
    }
}
