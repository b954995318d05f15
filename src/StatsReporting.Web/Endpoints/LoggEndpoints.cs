using System.Globalization;
using System.Security.Claims;
using StatsReporting.Access;
using StatsReporting.Jobs;
using StatsReporting.Logg;
using StatsReporting.Storage;
using StatsReporting.Web.Auth;

namespace StatsReporting.Web.Endpoints;

/// The behandlingslogg for admins (/api/logg?from=2026-01-01&to=2026-03-31&format=json|csv): an admin of every nämnd
/// sees every row, an admin of some nämnder only their rows. Reading the log is logged too.
public static class LoggEndpoints
{
    /// Bounded: a longer period is asked for in parts.
    public const int MaxRows = 50_000;

    public static WebApplication MapLogg(this WebApplication app)
    {
        app.MapGet("/api/logg", Read).RequireAuthorization(Roles.Admin);
        return app;
    }

    private static IResult Read(HttpContext http, Db db, Installation installation, TimeProvider clock, ClaimsPrincipal user,
        string? from = null, string? to = null, string? format = null)
    {
        http.Response.Headers.CacheControl = "no-store";
        if (!TryDate(from, out var f) || !TryDate(to, out var t)) return Bad("from och to är datum som 2026-01-31.");
        if (format is not (null or "json" or "csv")) return Bad("format är json eller csv.");
        var all = NamndScope.IsInstallationAdmin(user);
        var visible = NamndScope.Visible(user, installation.Organisation).Select(n => n.Code).ToHashSet();
        var rows = Behandlingslogg.Read(db, f, t, MaxRows + 1).Where(r => all || (r.Namnd is { } n && visible.Contains(n))).ToList();
        if (rows.Count > MaxRows) return Bad($"Perioden har fler än {MaxRows} rader: välj ett kortare intervall med from och to.");
        Behandlingslogg.Write(db, WebActor.Of(http).Did(Handling.LoggLast, Resultat.Ok) with
            { Objekt = $"{rows.Count} rader ({from ?? "början"}–{to ?? "nu"})" }, clock.GetUtcNow());
        return format == "csv"
            ? TypedResults.File(System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(LogExport.Csv(rows))).ToArray(),
                "text/csv; charset=utf-8", "behandlingslogg.csv")
            : TypedResults.Text(LogExport.Json(rows), "application/json; charset=utf-8");
    }

    private static bool TryDate(string? s, out DateOnly? d)
    {
        d = null;
        if (s is null) return true;
        if (!DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var v)) return false;
        d = v;
        return true;
    }

    private static IResult Bad(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Ogiltig fråga", detail: detail);
}
