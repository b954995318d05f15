using Microsoft.AspNetCore.Antiforgery;

namespace StatsReporting.Web.Auth;

/// CSRF protection for every form and POST: a browser sends the session cookie by itself, so a request that rides
/// on the cookie must also carry the antiforgery token the page got from /api/session. A request with an
/// `X-Api-Key` header carries no ambient credential and needs none.
public sealed class Csrf(IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!http.Request.Headers.ContainsKey(AccessSetup.ApiKeyHeader))
        {
            try { await antiforgery.ValidateRequestAsync(http); }
            catch (AntiforgeryValidationException)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Ogiltig säkerhetstoken",
                    detail: "Formuläret saknar giltig CSRF-token. Ladda om sidan och försök igen.");
            }
        }
        return await next(context);
    }
}

public static class CsrfExtensions
{
    public static RouteHandlerBuilder RequireCsrf(this RouteHandlerBuilder endpoint) => endpoint.AddEndpointFilter<Csrf>();
}
