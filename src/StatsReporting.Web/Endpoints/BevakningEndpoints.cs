using Microsoft.AspNetCore.Http.HttpResults;
using StatsReporting.Access;
using StatsReporting.Avgift;
using StatsReporting.Bevakning;
using StatsReporting.Decisions;
using StatsReporting.Reports;
using StatsReporting.Storage;
using StatsReporting.Web.Jobs;
using StatsReporting.Language;

namespace StatsReporting.Web.Endpoints;

/// The bevakningslista for controllers (counts per lag, verksamhet and enhet, and the workbook), and the restricted
/// särskild avgift list per beslut_id for ivo.
public static class BevakningEndpoints
{
    public static WebApplicationBuilder AddBevakning(this WebApplicationBuilder builder)
    {
        // The request's nämnd (Auth/RequestNamnd); the weekly job, outside a request, lists the default nämnd.
        builder.Services.AddTransient(sp =>
        {
            var n = sp.GetRequiredService<Auth.RequestNamnd>();
            return new BevakningService(n.Db, n.Namnd?.Catalog is { } own ? new Catalog(own) : sp.GetRequiredService<Catalog>(), n.Settings);
        });
        builder.Services.AddTransient<BevakningJob>();
        return builder;
    }

    public static WebApplication MapBevakning(this WebApplication app)
    {
        foreach (var prefix in new[] { "/api", "/api/namnder/{namnd}" })
        {
            app.MapGet(prefix + "/bevakning", Summary).RequireAuthorization(Roles.Controller);
            app.MapGet(prefix + "/bevakning/workbook", Workbook).RequireAuthorization(Roles.Controller);
            app.MapGet(prefix + "/periods/{period}/avgift", Avgift).RequireAuthorization(Roles.Ivo);
        }
        return app;
    }

    public sealed record SummaryDto(string Today, int Days, int Snart, int Sena, IReadOnlyList<BevakningCount> PerEnhet, string Workbook, string WorkbookName);

    private static IResult Summary(BevakningService service, AppSettings settings, TimeProvider clock, Auth.RequestNamnd namnd, ReportFiles files)
    {
        if (namnd.Namnd is null) return Auth.RequestNamnd.NotFound();
        var list = service.List(settings.Bevakning.Today(clock));
        var url = files.NamedOutputs is null ? "/api/bevakning/workbook" : $"/api/namnder/{namnd.Namnd.Code}/bevakning/workbook";
        return TypedResults.Ok(new SummaryDto(Wording.Date(list.Today), list.Days, list.Snart.Count, list.Sena.Count,
            BevakningService.Counts(list), url, DisplayName(list.Today)));
    }

    /// Today's list, written (atomically, as the weekly job does) and then served from the handle ReportFiles checked.
    private static IResult Workbook(BevakningService service, AppSettings settings, TimeProvider clock, ReportFiles files, Auth.RequestNamnd namnd)
    {
        if (namnd.Namnd is null) return Auth.RequestNamnd.NotFound();
        var list = service.List(settings.Bevakning.Today(clock));
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
