using Npgsql;

namespace StatsReporting.Storage;

/// The run lock on PostgreSQL (Jobs/RunLock): a session-level advisory lock held on a connection of its own (not pooled, so that
/// closing it really ends the session) for as long as the run goes. The server drops the lock the moment that session
/// ends: at once when the process holding it is killed, and when its machine goes away after the server's TCP
/// keepalive gives up on the session (set below for this session: about a minute instead of the system's two hours).
internal static class PostgresRunLock
{
    /// One key for the whole installation, as the file lock is one per database.
    private const long Key = AdvisoryKeys.Run;

    public static IHeldLock? TryAcquire(string connectionString)
    {
        var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 10 }.ConnectionString);
        try
        {
            c.Open();
            using (var keepalive = new NpgsqlCommand("SET tcp_keepalives_idle = 30; SET tcp_keepalives_interval = 10; SET tcp_keepalives_count = 3", c))
                keepalive.ExecuteNonQuery();
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

    private sealed class Held(NpgsqlConnection c) : IHeldLock
    {
        /// The lock is the session's: while its connection answers and the server lists the lock as this session's, no
        /// other run can hold it. A dropped or terminated session has given the lock away (another node may take it).
        public bool StillHeld()
        {
            try
            {
                using var cmd = new NpgsqlCommand("""
                    SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid = pg_backend_pid()
                    AND classid::bigint = @hi AND objid::bigint = @lo AND objsubid = 1
                    """, c);
                cmd.Parameters.AddWithValue("hi", (long)(Key >> 32));
                cmd.Parameters.AddWithValue("lo", Key & 0xFFFF_FFFF);
                return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 1;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException) { return false; }
        }

        public void Dispose()
        {
            try
            {
                using var cmd = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", c);
                cmd.Parameters.AddWithValue("key", Key);
                cmd.ExecuteScalar();
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException) { } // the session is gone (broken: "not open"), and the lock with it
            finally { c.Dispose(); }
        }
    }
}
