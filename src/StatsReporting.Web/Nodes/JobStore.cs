using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using StatsReporting.Decisions;

namespace StatsReporting.Web.Nodes;

/// Where Hangfire keeps its jobs: in memory for the embedded SQLite installation (one process; the run history is in
/// our own runs table), in the shared PostgreSQL database for several nodes (README "Flera noder"), in a schema of
/// its own (Node:HangfireSchema). There a job fetched by a node that dies becomes visible to the others again after
/// Node:InvisibilityTimeoutSeconds, and a dead node's distributed lock (DisableConcurrentExecution, the recurring
/// jobs' scheduler) is given up after as long, so the job is taken over and not stuck behind the lock.
public static class JobStore
{
    public const string ProviderKey = "StatsReporting:Storage:Provider";

    public static bool IsPostgres(IConfiguration config) =>
        string.Equals(config[ProviderKey], "Postgres", StringComparison.OrdinalIgnoreCase);

    public static IGlobalConfiguration UseConfiguredStorage(this IGlobalConfiguration c, IConfiguration config, NodeSettings node)
    {
        if (!IsPostgres(config)) return c.UseInMemoryStorage(new InMemoryStorageOptions());
        var connection = config.GetConnectionString("Postgres");
        if (string.IsNullOrWhiteSpace(connection))
            throw new InvalidOperationException("appsettings.json: StatsReporting:Storage:Provider är Postgres men ConnectionStrings:Postgres saknas.");
        var timeout = TimeSpan.FromSeconds(node.InvisibilityTimeoutSeconds);
        return c.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(connection), new PostgreSqlStorageOptions
        {
            SchemaName = node.HangfireSchema,
            PrepareSchemaIfNecessary = true,
            InvisibilityTimeout = timeout,
            DistributedLockTimeout = timeout,
            QueuePollInterval = TimeSpan.FromSeconds(node.QueuePollSeconds),
        });
    }
}
