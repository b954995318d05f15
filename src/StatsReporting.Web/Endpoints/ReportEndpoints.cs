using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using StatsReporting.Access;
using StatsReporting.Decisions;
using StatsReporting.Reports;
using StatsReporting.Reports.Document;

namespace StatsReporting.Web.Endpoints;

/// Downloads of a quarter's outputs: KF workbooks, tjänsteskrivelser and charts for controllers, the individrapport for ivo.
public static class ReportEndpoints
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static WebApplicationBuilder AddReports(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ReportFiles>();
        return builder;
    }

    public static WebApplication MapReports(this WebApplication app)
    {
        var periods = app.MapGroup("/api/periods");
        periods.MapGet("/", List).RequireAuthorization(Roles.Controller);
        // The literal "ivo" wins over {law}, so the restricted file has its own, stricter rule.
        periods.MapGet("/{period}/workbooks/ivo", Ivo).RequireAuthorization(Roles.Ivo);
        periods.MapGet("/{period}/workbooks/{law}", Workbook).RequireAuthorization(Roles.Controller);
        periods.MapGet("/{period}/documents/{law}", Document).RequireAuthorization(Roles.Controller);
        periods.MapGet("/{period}/charts/{name}.png", Chart).RequireAuthorization(Roles.Controller);
        periods.MapGet("/{period}/findings", Findings).RequireAuthorization(Roles.Controller);
        return app;
    }

    public sealed record Download(string Title, string Url);
    public sealed record PeriodEntry(string Period, string Name, IReadOnlyList<Download> Workbooks, IReadOnlyList<Download> Charts,
        Download? Findings, Download? Ivo)
    {
        /// The tjänsteskrivelser (.docx), one per law.
        public IReadOnlyList<Download> Documents { get; init; } = [];
    }

    private static Ok<List<PeriodEntry>> List(ReportFiles files, ClaimsPrincipal user) =>
        TypedResults.Ok(files.Periods().Select(p =>
        {
            var url = $"/api/periods/{p}";
            var workbooks = new[] { Lag.SoL, Lag.LSS }.Where(l => files.Exists(files.Workbook(l, p)))
                .Select(l => new Download(ReportService.WorkbookDisplayName(l, p), $"{url}/workbooks/{l.ToString().ToLowerInvariant()}")).ToList();
            var charts = files.Charts(p).Select(n => new Download(ChartTitle(n), $"{url}/charts/{n}.png")).ToList();
            var findings = files.Exists(files.Findings(p)) ? new Download($"Kontroller {p.Swedish} (JSON)", $"{url}/findings") : null;
            var ivo = user.IsInRole(Roles.Ivo) && files.Exists(files.Ivo(p)) ? new Download(IvoDisplayName(p), $"{url}/workbooks/ivo") : null;
            var documents = new[] { Lag.SoL, Lag.LSS }.Where(l => files.Exists(files.Document(l, p)))
                .Select(l => new Download(Tjansteskrivelse.DisplayName(l, p), $"{url}/documents/{l.ToString().ToLowerInvariant()}")).ToList();
            return new PeriodEntry(p.ToString(), p.Swedish, workbooks, charts, findings, ivo) { Documents = documents };
        }).ToList());

    private static IResult Workbook(string period, string law, ReportFiles files)
    {
        if (!Period.TryParse(period, out var p)) return BadPeriod(period);
        Lag? lag = law switch { "sol" => Lag.SoL, "lss" => Lag.LSS, _ => null };
        if (lag is null) return Missing("Det finns ingen sådan arbetsbok; välj sol, lss eller ivo.");
        var path = files.Workbook(lag.Value, p);
        return files.Exists(path)
            ? TypedResults.PhysicalFile(path, XlsxType, ReportService.WorkbookDisplayName(lag.Value, p))
            : Missing($"KF-arbetsboken för {lag} {p.Swedish} är inte skriven än.");
    }

    private static IResult Document(string period, string law, ReportFiles files)
    {
        if (!Period.TryParse(period, out var p)) return BadPeriod(period);
        Lag? lag = law switch { "sol" => Lag.SoL, "lss" => Lag.LSS, _ => null };
        if (lag is null) return Missing("Det finns ingen sådan tjänsteskrivelse; välj sol eller lss.");
        var path = files.Document(lag.Value, p);
        return files.Exists(path)
            ? TypedResults.PhysicalFile(path, DocxType, Tjansteskrivelse.DisplayName(lag.Value, p))
            : Missing($"Tjänsteskrivelsen för {lag} {p.Swedish} är inte skriven än.");
    }

    private static IResult Ivo(string period, ReportFiles files, HttpResponse response)
    {
        if (!Period.TryParse(period, out var p)) return BadPeriod(period);
        var path = files.Ivo(p);
        if (!files.Exists(path)) return Missing($"Individrapporten för {p.Swedish} är inte skriven än.");
        response.Headers.CacheControl = "no-store"; // personal data: no copies in caches on the way
        return TypedResults.PhysicalFile(path, XlsxType, IvoDisplayName(p));
    }

    private static IResult Chart(string period, string name, ReportFiles files)
    {
        if (!Period.TryParse(period, out var p)) return BadPeriod(period);
        return files.Chart(p, name) is { } path && files.Exists(path)
            ? TypedResults.PhysicalFile(path, "image/png")
            : Missing($"Diagrammet finns inte för {p.Swedish}.");
    }

    private static IResult Findings(string period, ReportFiles files)
    {
        if (!Period.TryParse(period, out var p)) return BadPeriod(period);
        var path = files.Findings(p);
        return files.Exists(path)
            ? TypedResults.PhysicalFile(path, "application/json; charset=utf-8")
            : Missing($"Kontrollerna för {p.Swedish} är inte körda än.");
    }

    public static string IvoDisplayName(Period p) => $"IVO individrapport {p.Swedish}.xlsx";

    /// "sol-kon" → "SoL: kön per insats"; a chart another helper adds later still shows, under its file name.
    private static string ChartTitle(string name)
    {
        var parts = name.Split('-', 2);
        var lag = parts[0] switch { "sol" => "SoL", "lss" => "LSS", _ => null };
        var chart = parts.ElementAtOrDefault(1) switch
        {
            "kon" => "kön per insats", "trend" => "trend per verksamhet", "orsaker" => "orsaker", "vantetid" => "väntetid", _ => null,
        };
        return lag is null || chart is null ? name : $"{lag}: {chart}";
    }

    public static ProblemHttpResult BadPeriod(string text) => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest,
        title: "Ogiltig period", detail: $"'{Truncate(text)}' är ingen period; skriv år och kvartal, t.ex. 2025Q2.");

    private static ProblemHttpResult Missing(string detail) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: detail);

    private static string Truncate(string text) => text.Length <= 20 ? text : text[..20] + "…";
}
