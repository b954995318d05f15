using StatsReporting.FileSystem;
namespace StatsReporting.Web.Hosting;

/// Every error is a ProblemDetails body with a Swedish title: expected ones from the endpoints, empty status codes
/// (401, 403, 404) through UseStatusCodePages, unexpected exceptions through UseExceptionHandler (which also logs).
public static class Problems
{
    public static WebApplicationBuilder AddProblems(this WebApplicationBuilder builder)
    {
        // The database going away is a 503 with Retry-After (DatabaseOutageHandler); anything else unexpected a 500.
        builder.Services.AddExceptionHandler<DatabaseOutageHandler>();
        builder.Services.AddSingleton<DatabaseOutageHandler>();
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            // A full disk or a read-only folder, in Swedish and naming the folder (FileSystem/UserText), like the CLI says it;
            // any other unexpected exception keeps its text for the log only.
            if (ctx.Exception is IOException or UnauthorizedAccessException && StatsReporting.FileSystem.UserText.Describe(ctx.Exception) is var text
                && (ctx.Exception is StatsReporting.FileSystem.OutputFailedException || text != ctx.Exception.Message))
                ctx.ProblemDetails.Detail = text;
            if (ctx.ProblemDetails.Status is { } status && Titles.TryGetValue(status, out var title)
                && (ctx.ProblemDetails.Title is null || ctx.ProblemDetails.Title == DefaultTitle(status)))
                ctx.ProblemDetails.Title = title;
        });
        return builder;
    }

    public static WebApplication UseProblems(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    private static readonly Dictionary<int, string> Titles = new()
    {
        [400] = "Felaktig begäran",
        [401] = "Inloggning krävs",
        [403] = "Behörighet saknas",
        [404] = "Finns inte",
        [405] = "Metoden stöds inte",
        [409] = "Konflikt",
        [413] = "För stor fil",
        [429] = "För många försök",
        [500] = "Ett oväntat fel inträffade",
        [503] = "Tjänsten är inte tillgänglig just nu",
    };

    // The framework's English defaults (RFC 9110's names, as .NET 10 spells them), replaced by ours; a title an
    // endpoint chose itself stays.
    private static string? DefaultTitle(int status) => status switch
    {
        400 => "Bad Request", 401 => "Unauthorized", 403 => "Forbidden", 404 => "Not Found", 405 => "Method Not Allowed",
        409 => "Conflict", 413 => "Content Too Large", 429 => "Too Many Requests", 500 => "An error occurred while processing your request.",
        503 => "Service Unavailable", _ => null,
    };
}
