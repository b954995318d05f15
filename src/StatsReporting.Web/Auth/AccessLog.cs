using Dapper;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http.HttpResults;
using StatsReporting.Decisions;
using StatsReporting.Logg;
using StatsReporting.Storage;

namespace StatsReporting.Web.Auth;

/// Marks an endpoint whose answer holds personal data: each download is written to the behandlingslogg, and so is
/// each refusal (no key: 401, a role too low: 403), with who, from where, the quarter and the nämnd.
public sealed record PersonalDataAccess(string Handling);

public static class AccessLog
{
    public static WebApplicationBuilder AddAccessLog(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, RefusalLog>();
        return builder;
    }

    /// The download is logged before its bytes go out: if the log cannot be written, the file is not given either.
    public static RouteHandlerBuilder LogsAccess(this RouteHandlerBuilder endpoint, string handling) =>
        endpoint.WithMetadata(new PersonalDataAccess(handling)).AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context);
            if (result is IFileHttpResult file) Write(context.HttpContext, handling, Resultat.Ok, file.FileDownloadName);
            return result;
        });

    public static void Write(HttpContext http, string handling, string resultat, string? objekt)
    {
        var services = http.RequestServices;
        var db = services.GetRequiredService<Db>();
        var namnd = services.GetRequiredService<RequestNamnd>().Namnd?.Code;
        // Only a value that parses as a quarter: whatever else the path held (a person code, say) is not written.
        var kvartal = http.GetRouteValue("period") is string p && Period.TryParse(p, out var q) ? q.ToString() : null;
        Behandlingslogg.Write(db, WebActor.Of(http).Did(handling, resultat) with
        {
            Objekt = objekt, Kvartal = kvartal, Namnd = namnd,
            AntalPersoner = resultat == Resultat.Ok && kvartal is not null ? PersonsExported(db, kvartal, namnd) : null,
        }, services.GetRequiredService<TimeProvider>().GetUtcNow());
    }

    /// How many persons the quarter's IVO export held, as its own log row says.
    private static long? PersonsExported(Db db, string kvartal, string? namnd)
    {
        const string sql = """
            SELECT antal_personer FROM behandlingslogg WHERE handling = @handling AND kvartal = @kvartal AND namnd = @namnd
            ORDER BY id DESC LIMIT 1
            """;
        using var c = db.Open();
        return c.QueryFirstOrDefault<long?>(sql, new { handling = Handling.IvoExport, kvartal, namnd = namnd ?? Db.DefaultNamnd });
    }

    private sealed class RefusalLog : IAuthorizationMiddlewareResultHandler
    {
        private readonly AuthorizationMiddlewareResultHandler _default = new();

        public Task HandleAsync(RequestDelegate next, HttpContext http, AuthorizationPolicy policy, PolicyAuthorizationResult result)
        {
            if (!result.Succeeded && http.GetEndpoint()?.Metadata.GetMetadata<PersonalDataAccess>() is { } access)
                Write(http, access.Handling, Resultat.Nekad, null);
            return _default.HandleAsync(next, http, policy, result);
        }
    }
}
