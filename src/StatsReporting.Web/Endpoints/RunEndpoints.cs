using System.Security.Claims;
using Hangfire;
using Microsoft.AspNetCore.Http.HttpResults;
using StatsReporting.Access;
using StatsReporting.Decisions;
using StatsReporting.Storage;
using StatsReporting.Web.Auth;
using StatsReporting.Web.Jobs;
using StatsReporting.Jobs;

namespace StatsReporting.Web.Endpoints;

/// "Kör nu" for admins, and the run history the page polls for progress.
public static class RunEndpoints
{
    public static WebApplication MapRuns(this WebApplication app)
    {
        // A nämnd's own runs: an admin of A neither starts nor reads B's (Auth/RequestNamnd; 404 as if B did not exist).
        foreach (var prefix in new[] { "/api", "/api/namnder/{namnd}" })
        {
            app.MapPost(prefix + "/periods/{period}/runs", Start).RequireAuthorization(Roles.Admin).RequireCsrf();
            app.MapGet(prefix + "/runs", (RequestNamnd n, TimeProvider clock) => n.Namnd is null ? RequestNamnd.NotFound()
                : TypedResults.Ok(new RunHistory(n.Db, clock).All())).RequireAuthorization(Roles.Admin);
        }
        return app;
    }

    public sealed record Enqueued(string JobId, string Period);

    private static IResult Start(string period, IBackgroundJobClient jobs, JobStorage storage, Db db, Installation settings, TimeProvider clock, ClaimsPrincipal user,
        RequestNamnd namnd)
    {
        if (namnd.Namnd is not { } n) return RequestNamnd.NotFound();
        if (!Period.TryParse(period, out var p)) return ReportEndpoints.BadPeriod(period);
        var today = settings.Get<ScheduleSettings>().Today(clock);
        if (today < p.End)
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Kvartalet är inte slut",
                detail: $"{p.Swedish} slutar {p.End:yyyy-MM-dd} och kan köras först då.");
        var by = user.Identity?.Name;
        var code = n.Code;
        // The job waits for the lock too; this answers at once instead of queueing behind a run that is going or waiting.
        if (ManualRuns.TryEnqueue(db, storage, jobs, job => job.RunNamnd(p.ToString(), QuarterlyJob.Manual, by, code, null)) is not { } id)
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "En körning pågår",
                detail: "Kvartalsjobbet körs redan. Vänta tills det är klart och försök igen.");
        return TypedResults.Accepted("/api/runs", new Enqueued(id, p.ToString()));
    }
}
