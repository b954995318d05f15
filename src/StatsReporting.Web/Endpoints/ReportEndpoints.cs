using StatsReporting.Web.Auth;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using StatsReporting.Access;
using StatsReporting.Logg;
using StatsReporting.Decisions;
using StatsReporting.Reports;
using StatsReporting.Reports.Document;
using StatsReporting.Jobs;

namespace StatsReporting.Web.Endpoints;

/// Downloads of a quarter's outputs: KF workbooks, tjänsteskrivelser and charts for controllers, the individrapport for ivo.
public static class ReportEndpoints
{
    internal const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static WebApplicationBuilder AddReports(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<RequestNamnd>();
        builder.Services.AddScoped<ReportFiles>();
        return builder;
    }

    public static WebApplication MapReports(this WebApplication app)
    {
        // The request's nämnd (Auth/RequestNamnd): /api/… is the key's first nämnd, /api/namnder/{namnd}/… any it may see.
        foreach (var prefix in new[] { "/api", "/api/namnder/{namnd}" }) Map(app.MapGroup(prefix + "/periods"));
        app.MapGet("/api/namnder", (Installation s, ClaimsPrincipal user) => TypedResults.Ok(
            Auth.NamndScope.Visible(user, s.Organisation).Select(n => new { n.Code, n.Name, n.Kommun }))).RequireAuthorization(Roles.Controller);
        return app;
    }

    private static void Map(RouteGroupBuilder periods)
    {
        periods.MapGet("/", (ReportFiles files, RequestNamnd namnd, ClaimsPrincipal user) =>
                namnd.Namnd is null ? RequestNamnd.NotFound() : TypedResults.Ok(PeriodListing.For(files, user)))
            .RequireAuthorization(Roles.Controller);
        // The literal "ivo" wins over {law}, so the restricted file has its own, stricter rule.
        periods.MapGet("/{period}/workbooks/ivo", Ivo).RequireAuthorization(Roles.Ivo).LogsAccess(Handling.Individrapport);
        periods.MapGet("/{period}/workbooks/{law}", Workbook).RequireAuthorization(Roles.Controller);
        periods.MapGet("/{period}/charts/{name}.png", Chart).RequireAuthorization(Roles.Controller);
        periods.MapGet("/{period}/findings", Findings).RequireAuthorization(Roles.Controller);
        periods.MapGet("/{period}/summary", Summary).RequireAuthorization(Roles.Controller);
        periods.MapGet("/{period}/zip", Zip).RequireAuthorization(Roles.Controller);
        periods.MapGet("/{period}/documents/{law}", Document).RequireAuthorization(Roles.Controller);
    }

    private static IResult Workbook(string period, string law, ReportFiles files)
    {
        if (!Period.TryParse(period, out var p)) return BadPeriod(period);
        var lag = ParseLaw(law);
        if (lag is null) return Missing("Det finns ingen sådan arbetsbok; välj sol, lss eller ivo.");
        return files.Open(files.Workbook(lag.Value, p)) is { } file
            ? TypedResults.File(file, XlsxType, ReportService.WorkbookDisplayName(lag.Value, p, files.NamedOutputs))
            : Missing($"KF-arbetsboken för {lag} {p.Swedish} är inte skriven än.");
    }

    private static IResult Ivo(string period, ReportFiles files, HttpResponse response)
    {
        if (!Period.TryParse(period, out var p)) return BadPeriod(period);
        if (files.Open(files.Ivo(p)) is not { } file) return Missing($"Individrapporten för {p.Swedish} är inte skriven än.");
        response.Headers.CacheControl = "no-store"; // personal data: no copies in caches on the way
        return TypedResults.File(file, XlsxType, IvoDisplayName(p));
    }

    private static IResult Chart(string period, string name, ReportFiles files)
    {
        if (!Period.TryParse(period, out var p)) return BadPeriod(period);
        return files.Chart(p, name) is { } path && files.Open(path) is { } file
            ? TypedResults.File(file, "image/png")
            : Missing($"Diagrammet finns inte för {p.Swedish}.");
    }

    private static IResult Findings(string period, ReportFiles files)
    {
        if (!Period.TryParse(period, out var p)) return BadPeriod(period);
        return files.Open(files.Findings(p)) is { } file
            ? TypedResults.File(file, "application/json; charset=utf-8")
            : Missing($"Kontrollerna för {p.Swedish} är inte körda än.");
    }

    /// The page's copy of both Sammanställningar, written with the workbooks (SummaryFile).
    private static IResult Summary(string period, ReportFiles files)
    {
        if (!Period.TryParse(period, out var p)) return BadPeriod(period);
        return Stored(files, files.Summary(p), "application/json; charset=utf-8", null,
            $"Sammanställningen för {p.Swedish} är inte skriven än; kör rapporten för kvartalet igen.");
    }

    private static IResult Zip(string period, ReportFiles files)
    {
        if (!Period.TryParse(period, out var p)) return BadPeriod(period);
        return Stored(files, files.Zip(p), "application/zip", ZipDisplayName(p, files.NamedOutputs), $"Paketet för {p.Swedish} är inte skrivet än.");
    }

    private static IResult Document(string period, string law, ReportFiles files)
    {
        if (!Period.TryParse(period, out var p)) return BadPeriod(period);
        if (ParseLaw(law) is not { } lag) return Missing("Det finns ingen sådan tjänsteskrivelse; välj sol eller lss.");
        return Stored(files, files.Document(lag, p), DocxType, Tjansteskrivelse.DisplayName(lag, p, files.NamedOutputs),
            $"Tjänsteskrivelsen för {lag} {p.Swedish} är inte skriven än.");
    }

    /// The stored file with its type (and download name), or 404 with `missing`; served from the handle that
    /// ReportFiles.Open checked, never opened again by path.
    private static IResult Stored(ReportFiles files, string path, string type, string? name, string missing) =>
        files.Open(path) is { } file ? TypedResults.File(file, type, name) : Missing(missing);

    public static Lag? ParseLaw(string law) => law switch { "sol" => Lag.SoL, "lss" => Lag.LSS, _ => null };

    public static string ZipDisplayName(Period p, string? namnd = null) => $"EVB {p.Swedish}{ReportService.Named(namnd)}.zip";

    public static string IvoDisplayName(Period p) => $"IVO individrapport {p.Swedish}.xlsx";

    public static ProblemHttpResult BadPeriod(string text) => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest,
        title: "Ogiltig period", detail: $"'{Truncate(text)}' är ingen period; skriv år och kvartal, t.ex. 2025Q2.");

    internal static ProblemHttpResult Missing(string detail) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: detail);

    private static string Truncate(string text) => text.Length <= 20 ? text : text[..20] + "…";
}
