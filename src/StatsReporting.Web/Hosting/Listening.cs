using System.Net.Sockets;

namespace StatsReporting.Web.Hosting;

/// Starting to listen: Kestrel's "Failed to bind to address … address already in use" and "permission denied" (a port
/// under 1024 without the right) in Swedish, naming the address and what to do, instead of English and a stack trace.
public static class Listening
{
    /// The host's own "Hosting failed to start" (English, with Kestrel's stack) is not logged: RunOrExplain says it in
    /// Swedish, and the CLI prints that, exit code 1.
    public static WebApplicationBuilder AddListening(this WebApplicationBuilder builder)
    {
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        return builder;
    }

    public static void RunOrExplain(this WebApplication app)
    {
        var addresses = Addresses(app);
        try { app.Run(); }
        catch (IOException e) when (SocketErrorOf(e) is SocketError.AddressAlreadyInUse || e.InnerException?.GetType().Name == "AddressInUseException")
        {
            throw new InvalidOperationException($"Adressen {addresses} används redan av ett annat program (kanske en annan statsreporting serve). " +
                "Stoppa det programmet, eller välj en annan port med --urls (t.ex. --urls http://127.0.0.1:5081) eller ASPNETCORE_URLS.", e);
        }
        catch (IOException e) when (SocketErrorOf(e) is SocketError.AccessDenied)
        {
            throw new InvalidOperationException($"Programmet får inte lyssna på {addresses} (behörighet saknas: portar under 1024 kräver särskild rätt). " +
                "Välj en port över 1024 med --urls (t.ex. --urls http://0.0.0.0:5080) och låt en proxy eller lastbalanserare ta port 80/443.", e);
        }
    }

    private static SocketError? SocketErrorOf(Exception? e)
    {
        for (; e is not null; e = e.InnerException) if (e is SocketException s) return s.SocketErrorCode;
        return null;
    }

    /// Read before the start: a host that failed to start has disposed its services.
    private static string Addresses(WebApplication app) =>
        string.Join(", ", (app.Configuration["urls"] ?? app.Configuration["ASPNETCORE_URLS"] ?? "http://localhost:5000").Split(';', StringSplitOptions.RemoveEmptyEntries));
}
