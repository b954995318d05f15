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
    /// Hangfire.PostgreSql's tables, made or brought up to date under our migration lock (AdvisoryKeys.Migration, held
    /// for this session while the installer runs), so that the nodes that start at once install them one after another:
    /// the first creates them, the others find them current.
    private static void InstallSchema(string connectionString, string schema)
    {
        using var c = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        c.Open();
        using (var lockCmd = new Npgsql.NpgsqlCommand("SELECT pg_advisory_lock(@key)", c))
        {
            lockCmd.Parameters.AddWithValue("key", AdvisoryKeys.Migration);
            lockCmd.ExecuteNonQuery();
        }
        try { PostgreSqlObjectsInstaller.Install(c, schema); }
        catch (Npgsql.PostgresException e) when (e.SqlState == "42501")
        {
            var user = new Npgsql.NpgsqlConnectionStringBuilder(connectionString).Username;
            throw new InvalidOperationException($"Jobbkön kan inte skapas: användaren '{user}' saknar behörighet att skapa schemat '{schema}' i databasen " +
                $"(PostgreSQL-fel 42501). Ge den rätten (GRANT CREATE ON DATABASE {c.Database} TO {user};), eller låt databasens ägare starta en nod första gången.", e);
        }
        // Closing the session releases the lock, also when the installer failed.
    }

    /// After the database went away during a job: the job's own DisableConcurrentExecution lock, which Hangfire will try
    /// to release through the job's connection of the stopped server (and fail, leaving the row until
    /// InvisibilityTimeoutSeconds, so that the retry waits behind it). Called by the job itself while it still holds the
    /// lock, so the row is its own.
    public static void ReleaseOwnLock(StorageSettings storage, NodeSettings node, string type, string method)
    {
        using var c = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(storage.PostgresConnection) { Pooling = false }.ConnectionString);
        c.Open();
        using var cmd = new Npgsql.NpgsqlCommand($"DELETE FROM \"{node.HangfireSchema}\".lock WHERE resource = @resource", c);
        cmd.Parameters.AddWithValue("resource", $"hangfire:{type}.{method}");
        cmd.ExecuteNonQuery();
    }

    public static IGlobalConfiguration UseConfiguredStorage(this IGlobalConfiguration c, Db db, StorageSettings storage, NodeSettings node)
    {
        // A database several nodes share (PostgreSQL) holds their job queue too; a SQLite file has one process, and
        // Hangfire's jobs live in its memory (the run history is in our own runs table).
        if (!db.SharedByNodes) return c.UseInMemoryStorage(new InMemoryStorageOptions());
        // Checked with the settings (Storage/StorageSettings): present when the provider is Postgres.
        var connection = storage.PostgresConnection!;
        var timeout = TimeSpan.FromSeconds(node.InvisibilityTimeoutSeconds);
        InstallSchema(connection, node.HangfireSchema);
        return c.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(connection), new PostgreSqlStorageOptions
        {
            SchemaName = node.HangfireSchema,
            // Installed above, one node at a time: Hangfire's own installer run by nodes starting together fails with
            // 23505 on CREATE SCHEMA (both see no schema, both create it).
            PrepareSchemaIfNecessary = false,
            InvisibilityTimeout = timeout,
            DistributedLockTimeout = timeout,
            QueuePollInterval = TimeSpan.FromSeconds(node.QueuePollSeconds),
        });
    }
}
