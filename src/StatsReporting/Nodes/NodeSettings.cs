using StatsReporting.Configuration;

namespace StatsReporting.Nodes;

/// StatsReporting:Node — what one `serve` process does when several share one PostgreSQL database (README "Flera noder").
public sealed class NodeSettings : ISettingsSection
{
    public static string Section => "StatsReporting:Node";

    /// Serves the page and the API (false: `serve --worker-only`, only /healthz answers).
    public bool Web { get; set; } = true;
    /// Runs Hangfire's server, so jobs execute here (false: `serve --no-worker`).
    public bool Worker { get; set; } = true;
    /// Hangfire.PostgreSql's own schema in the shared database.
    public string HangfireSchema { get; set; } = "hangfire";
    /// How long a job fetched by a node that then died stays invisible before another node takes it.
    public int InvisibilityTimeoutSeconds { get; set; } = 30 * 60;
    /// How often an idle node asks the shared queue for work ("Kör nu" starts within this).
    public int QueuePollSeconds { get; set; } = 2;
    /// How long Hangfire waits before it runs again a quarterly job that failed because the database went away.
    public int RetryAfterOutageSeconds { get; set; } = 60;

    public void Validate()
    {
        if (!Web && !Worker)
            throw new InvalidOperationException("appsettings.json: StatsReporting:Node:Web och Node:Worker kan inte båda vara false (--worker-only och --no-worker tillsammans).");
        if (InvisibilityTimeoutSeconds < 1 || QueuePollSeconds < 1 || RetryAfterOutageSeconds < 1)
            throw new InvalidOperationException("appsettings.json: StatsReporting:Node:InvisibilityTimeoutSeconds, QueuePollSeconds och RetryAfterOutageSeconds ska vara minst 1.");
        if (string.IsNullOrWhiteSpace(HangfireSchema) || !HangfireSchema.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
            throw new InvalidOperationException($"appsettings.json: StatsReporting:Node:HangfireSchema '{HangfireSchema}' ska vara små bokstäver a–z, siffror och _.");
    }

    /// A node that runs no jobs needs another that does: only a database several nodes share has one.
    public void ValidateFor(Storage.Db db)
    {
        if (!Worker && !db.SharedByNodes)
            throw new InvalidOperationException("StatsReporting:Node:Worker false (--no-worker) kräver StatsReporting:Storage:Provider Postgres: med SQLite finns ingen annan nod som kör jobben.");
    }
}
