using Npgsql;

namespace StatsReporting.Jobs;

/// The run lock on PostgreSQL: a session-level advisory lock held on a connection of its own (not pooled, so that
/// closing it really ends the session) for as long as the run goes. The server drops the lock the moment that session
/// ends, also when the process holding it is killed or its machine goes away (after the TCP keepalive below).
internal static class AdvisoryRunLock
{
    /// One key for the whole installation, as the file lock is one per database: "statsreporting.run".
    public const long Key = 0x5354_4154_5352_554E;

    public static IDisposable? TryAcquire(string connectionString)
    {
        var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 10 }.ConnectionString);
        try
        {
            c.Open();
            using var cmd = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", c);
            cmd.Parameters.AddWithValue("key", Key);
            if (cmd.ExecuteScalar() is true) return new Held(c);
        }
        catch
        {
            c.Dispose();
            throw;
        }
        c.Dispose();
        return null;
    }

    private sealed class Held(NpgsqlConnection c) : IDisposable
    {
        public void Dispose()
        {
            try
            {
                using var cmd = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", c);
                cmd.Parameters.AddWithValue("key", Key);
                cmd.ExecuteScalar();
            }
            catch (NpgsqlException) { } // the session is gone, and the lock with it
            finally { c.Dispose(); }
        }
    }
}
