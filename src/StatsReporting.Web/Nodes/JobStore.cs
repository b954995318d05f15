using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using StatsReporting.Decisions;
using StatsReporting.Storage;
using StatsReporting.Nodes;

namespace StatsReporting.Web.Nodes;

/// Where Hangfire keeps its jobs: in memory for the embedded SQLite installation (one process; the run history is in
/// our own runs table), in the shared PostgreSQL database for several nodes (README "Flera noder"), in a schema of
/// its own (Node:HangfireSchema). There a job fetched by a node that dies becomes visible to the others again after
/// Node:InvisibilityTimeoutSeconds, and a dead node's distributed lock (DisableConcurrentExecution, the recurring
/// jobs' scheduler) is given up after as long, so the job is taken over and not stuck behind the lock.
public static class JobStore
{
    public static IGlobalConfiguration UseConfiguredStorage(this IGlobalConfiguration c, Db db, StorageSettings storage, NodeSettings node)
    {
        // A database several nodes share (PostgreSQL) holds their job queue too; a SQLite file has one process, and
        // Hangfire's jobs live in its memory (the run history is in our own runs table).
        if (!db.SharedByNodes) return c.UseInMemoryStorage(new InMemoryStorageOptions());
        // Checked with the settings (Storage/StorageSettings): present when the provider is Postgres.
        var connection = storage.PostgresConnection!;
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
