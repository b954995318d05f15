using Dapper;
using Hangfire;
using Hangfire.Storage;
using StatsReporting.Storage;
using StatsReporting.Web.Jobs;

namespace StatsReporting.Web.Endpoints;

/// GET /healthz, open to anyone (a monitor has no key): is the database readable, is a scheduler server running,
/// when does the quarterly job run next. 503 when something is wrong; the reason goes to the log, not the answer.
public static class HealthEndpoints
{
    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapGet("/healthz", Health).AllowAnonymous();
        return app;
    }

    public sealed record Schedule(int Servers, string? Cron, string? TimeZone, DateTime? NextRun, DateTime? LastRun, string? LastState);
    public sealed record Status(string Overall, string Database, Schedule Scheduler);

    private static async Task<IResult> Health(HttpContext http, Db db, JobStorage storage, ILoggerFactory logs, Hosting.DatabaseOutageHandler outage)
    {
        var database = "ok";
        try
        {
            using var c = db.Open();
            c.ExecuteScalar<long>("SELECT COUNT(*) FROM schema_migrations");
        }
        catch (Exception e) when (DatabaseOutage.Is(e))
        {
            // Hangfire's state is in the same database on PostgreSQL: nothing more to ask. 503, Retry-After, Swedish.
            logs.CreateLogger(typeof(HealthEndpoints)).LogWarning("Hälsokontrollen når inte databasen: {Reason}.", DatabaseOutage.Reason(e));
            await outage.Write(http, e);
            return Results.Empty;
        }
        catch (Exception e)
        {
            logs.CreateLogger(typeof(HealthEndpoints)).LogError(e, "Hälsokontrollen kunde inte läsa databasen.");
            database = "fel";
        }
        var servers = storage.GetMonitoringApi().Servers().Count;
        using var connection = storage.GetConnection();
        var job = connection.GetRecurringJobs([QuarterlyJob.RecurringId]).FirstOrDefault();
        var ok = database == "ok" && servers > 0 && job is not null;
        var status = new Status(ok ? "ok" : "fel", database,
            new Schedule(servers, job?.Cron, job?.TimeZoneId, job?.NextExecution, job?.LastExecution, job?.LastJobState));
        return ok ? TypedResults.Ok(status) : TypedResults.Json(status, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
