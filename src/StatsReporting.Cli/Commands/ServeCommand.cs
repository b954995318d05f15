using System.Reflection;
using System.Runtime.ExceptionServices;
using StatsReporting.Web.Jobs;

namespace StatsReporting.Cli;

/// `serve`: runs the web service in this process by calling the web project's own entry point. The CLI references
/// src/StatsReporting.Web, so one build gives both and there is no second program to find on disk.
public static class ServeCommand
{
    public static int Run(Args args)
    {
        args.Allow("serve", "urls", "worker-only", "no-worker");
        var hostArgs = new List<string>();
        // Several nodes on one PostgreSQL (README "Flera noder"): the same as StatsReporting:Node:Web/Worker false.
        if (args.Flag("worker-only") && args.Flag("no-worker"))
            throw new UsageException("--worker-only och --no-worker kan inte användas tillsammans.");
        if (args.Flag("worker-only")) hostArgs.Add("--StatsReporting:Node:Web=false");
        if (args.Flag("no-worker")) hostArgs.Add("--StatsReporting:Node:Worker=false");
        if (args.Option("db") is { } db) hostArgs.Add($"--StatsReporting:Paths:Database={db}");
        if (args.Option("db") is not null) hostArgs.Add("--StatsReporting:Storage:Provider=Sqlite"); // --db is always a SQLite file
        if (args.Option("urls") is { } urls)
        {
            // Kestrel would refuse it only after the host has started, with a stack trace in its log.
            foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries))
                if (!url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
                    throw new UsageException($"ogiltig adress '{url}' för --urls (skriv t.ex. http://127.0.0.1:5080).");
            hostArgs.Add($"--urls={urls}");
        }
        var main = typeof(QuarterlyJob).Assembly.EntryPoint!;
        try { main.Invoke(null, [hostArgs.ToArray()]); }
        catch (TargetInvocationException e) when (e.InnerException is not null) { ExceptionDispatchInfo.Throw(e.InnerException); }
        return 0;
    }
}
