using Microsoft.Extensions.Options;
using StatsReporting.Web.Auth;
using Hangfire;
using StatsReporting.Web.Nodes;
using StatsReporting.Storage;
using StatsReporting.Nodes;
using StatsReporting.Jobs;
using StatsReporting.Bevakning;

namespace StatsReporting.Web.Jobs;

/// Hangfire with in-memory storage (the data itself lives in SQLite, the run history in our runs table), its
/// server, the recurring quarterly job from appsettings.json, and the dashboard at /hangfire for admins only.
public static class Scheduler
{
    public static WebApplicationBuilder AddScheduler(this WebApplicationBuilder builder)
    {
        builder.Services.AddHangfire((sp, c) => c
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseConfiguredStorage(sp.GetRequiredService<Db>(), sp.GetRequiredService<IOptions<StorageSettings>>().Value,
                sp.GetRequiredService<IOptions<NodeSettings>>().Value));
        // One quarterly job a quarter: two workers leave room for a manual run to queue behind a scheduled one.
        // `serve --no-worker` (Node:Worker false): a web-only node, the jobs run on the others.
        if (builder.Configuration.GetValue("StatsReporting:Node:Worker", true)) builder.Services.AddHangfireServer(o => o.WorkerCount = 2);
        builder.Services.AddSingleton<RunHistory>();
        builder.Services.AddTransient<QuarterlyJob>();
        builder.Services.AddTransient<GallringJob>();
        builder.Services.AddTransient<BackupJob>();
        return builder;
    }

    public static WebApplication MapScheduler(this WebApplication app)
    {
        // Resolved now, not at the first request: a wrong appsettings.json stops the start with the key named.
        var settings = app.Services.GetRequiredService<Installation>();
        var schedule = settings.Get<ScheduleSettings>();
        settings.Get<NodeSettings>().ValidateFor(app.Services.GetRequiredService<Db>());
        RetryAfterDatabaseOutage.For(TimeSpan.FromSeconds(settings.Get<NodeSettings>().RetryAfterOutageSeconds));
        app.Services.GetRequiredService<RunHistory>().AbandonUnfinished();
        // What a killed process left (temporary files, half-written sets, orphan archive copies) goes at start-up.
        StatsReporting.Jobs.Leftovers.Sweep(app.Services.GetRequiredService<Db>(), settings.Paths);
        try
        {
            app.Services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<QuarterlyJob>(QuarterlyJob.RecurringId,
                job => job.Run(null, QuarterlyJob.Scheduled, null, null), schedule.Cron, new RecurringJobOptions { TimeZone = schedule.Zone });
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"appsettings.json: StatsReporting:Schedule:Cron '{schedule.Cron}' är inget giltigt cron-uttryck.", e);
        }
        var bevakning = settings.Get<BevakningSettings>();
        try
        {
            app.Services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<BevakningJob>(BevakningJob.RecurringId,
                job => job.Run(), bevakning.Cron, new RecurringJobOptions { TimeZone = bevakning.Zone });
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"appsettings.json: StatsReporting:Bevakning:Cron '{bevakning.Cron}' är inget giltigt cron-uttryck.", e);
        }
        var gallring = settings.Get<StatsReporting.Gallring.GallringSettings>();
        try
        {
            app.Services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<GallringJob>(GallringJob.RecurringId,
                job => job.Run(), gallring.Cron, new RecurringJobOptions { TimeZone = schedule.Zone });
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"appsettings.json: StatsReporting:Gallring:Cron '{gallring.Cron}' är inget giltigt cron-uttryck.", e);
        }
        // The nightly backup, for SQLite only: PostgreSQL is backed up with its own tools (README).
        var backup = settings.Get<StatsReporting.Backups.BackupSettings>();
        if (app.Services.GetRequiredService<Db>().Engine.Kind == DbProvider.Sqlite)
        {
            try
            {
                app.Services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<BackupJob>(BackupJob.RecurringId,
                    job => job.Run(null), backup.Cron, new RecurringJobOptions { TimeZone = backup.Zone });
            }
            catch (ArgumentException e)
            {
                throw new InvalidOperationException($"appsettings.json: StatsReporting:Backup:Cron '{backup.Cron}' är inget giltigt cron-uttryck.", e);
            }
        }
        // Authorised by our role policy, not Hangfire's "local requests only" (which also says 401 inside a test host).
        app.MapHangfireDashboard("/hangfire", new DashboardOptions { Authorization = [], DashboardTitle = "StatsReporting: jobb", AppPath = "/" })
            .RequireAuthorization(AccessSetup.InstallationAdmin);
        return app;
    }
}
