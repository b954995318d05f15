using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using StatsReporting.Storage;

namespace StatsReporting.Web.Hosting;

/// A request that failed because the database cannot be reached (DatabaseOutage) answers 503 with a Swedish reason
/// and Retry-After, not 500 "Ett oväntat fel": nothing is wrong with the request, and a load balancer or a person
/// may try again in a moment (on any node: they share the database). Registered before the generic handler (Problems).
public sealed class DatabaseOutageHandler(IProblemDetailsService problems, ILogger<DatabaseOutageHandler> log) : IExceptionHandler
{
    public const int RetryAfterSeconds = 15;

    public static string Message(Exception e) =>
        $"Databasen kan inte nås just nu ({DatabaseOutage.Reason(e)}). Försök igen om en stund; inget av det du skickade har sparats.";

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancel)
    {
        if (!DatabaseOutage.Is(exception)) return false;
        log.LogWarning("Databasen kan inte nås ({Reason}): {Method} {Path} fick 503.", DatabaseOutage.Reason(exception), http.Request.Method, http.Request.Path);
        await Write(http, exception);
        return true;
    }

    public Task Write(HttpContext http, Exception exception)
    {
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = 503, Title = "Databasen kan inte nås just nu", Detail = Message(exception) },
        }).AsTask();
    }
}
