using Microsoft.AspNetCore.Http.HttpResults;
using StatsReporting.Access;
using StatsReporting.Logg;
using StatsReporting.Web.Auth;
using StatsReporting.Bevakning;
using StatsReporting.Decisions;
using StatsReporting.Web.Jobs;
using StatsReporting.Language;
using StatsReporting.Jobs;

namespace StatsReporting.Web.Endpoints;

/// The bevakningslista for controllers (counts per lag, verksamhet and enhet, and the workbook), and the restricted
/// särskild avgift list per beslut_id for ivo.
public static class BevakningEndpoints
{
    public static WebApplicationBuilder AddBevakning(this WebApplicationBuilder builder)
    {
        builder.Services.AddTransient<BevakningJob>();
        return builder;
    }

    public static WebApplication MapBevakning(this WebApplication app)
    {
        foreach (var prefix in new[] { "/api", "/api/namnder/{namnd}" })
        {
            app.MapGet(prefix + "/bevakning", Summary).RequireAuthorization(Roles.Controller);
            app.MapGet(prefix + "/bevakning/workbook", Workbook).RequireAuthorization(Roles.Controller);
            app.MapGet(prefix + "/periods/{period}/avgift", Avgift).RequireAuthorization(Roles.Ivo).LogsAccess(Handling.Avgiftslista);
        }
        return app;
    }

    public sealed record SummaryDto(string Today, int Days, int Snart, int Sena, IReadOnlyList<BevakningCount> PerEnhet, string Workbook, string WorkbookName);

    /// The request's nämnd's list (Auth/RequestNamnd).
    private static IResult Summary(Installation settings, TimeProvider clock, Auth.RequestNamnd namnd, ReportFiles files)
    {
        if (namnd.Context is not { } n) return Auth.RequestNamnd.NotFound();
        var list = new BevakningService(n).List(settings.Get<BevakningSettings>().Today(clock));
        var url = files.NamedOutputs is null ? "/api/bevakning/workbook" : $"/api/namnder/{n.Code}/bevakning/workbook";
        return TypedResults.Ok(new SummaryDto(Wording.Date(list.Today), list.Days, list.Snart.Count, list.Sena.Count,
            BevakningService.Counts(list), url, DisplayName(list.Today)));
    }

    /// Today's list, written (atomically, as the weekly job does) and then served from the handle ReportFiles checked.
    private static IResult Workbook(Installation settings, TimeProvider clock, ReportFiles files, Auth.RequestNamnd namnd)
    {
        if (namnd.Context is not { } n) return Auth.RequestNamnd.NotFound();
        var service = new BevakningService(n);
        var list = service.List(settings.Get<BevakningSettings>().Today(clock));
        return files.Open(Path.GetFullPath(service.WriteWorkbook(list))) is { } file
            ? TypedResults.File(file, ReportEndpoints.XlsxType, DisplayName(list.Today))
            : ReportEndpoints.Missing("Bevakningslistan kunde inte lämnas ut.");
    }

    private static IResult Avgift(string period, ReportFiles files, HttpResponse response)
    {
        if (!Period.TryParse(period, out var p)) return ReportEndpoints.BadPeriod(period);
        if (files.Open(files.Avgift(p)) is not { } file)
            return ReportEndpoints.Missing($"Uppskattningen av särskild avgift för {p.Swedish} är inte skriven än.");
        response.Headers.CacheControl = "no-store";
        return TypedResults.File(file, ReportEndpoints.XlsxType, AvgiftDisplayName(p));
    }

    public static string AvgiftDisplayName(Period p) => $"Särskild avgift (uppskattning) {p.Swedish}.xlsx";

    private static string DisplayName(DateOnly today) => $"Bevakningslista {Wording.Date(today)}.xlsx";
}
