using System.Net.Sockets;
using Npgsql;

namespace StatsReporting.Storage;

/// A database that cannot be reached right now, as opposed to one that answered with an error: the server is down,
/// restarting or refusing connections, or the connection broke mid-statement. Such a failure says nothing about the
/// request or the run; the same thing can work a moment later (README "Flera noder": 503 and Retry-After, a run
/// finished as failed and retried).
public static class DatabaseOutage
{
    /// PostgreSQL's SQLSTATEs for "not now": connection exceptions (08…), too many connections, and the server
    /// shutting down, crashing or starting (57P01–57P03).
    private static bool NotNow(string state) => state.StartsWith("08", StringComparison.Ordinal) || state is "53300" or "57P01" or "57P02" or "57P03";

    public static bool Is(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is PostgresException p) return NotNow(p.SqlState);
            // Npgsql's own: the socket failed or timed out, or the stream ended (the server went away mid-statement).
            if (e is NpgsqlException) return true;
        }
        return false;
    }

    /// Why, in Swedish, without the password or anything a statement carried.
    public static string Reason(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
            if (x is PostgresException p) return p.SqlState switch
            {
                "57P01" or "57P02" => "servern stängdes av",
                "57P03" => "servern startar eller stängs av",
                "53300" => "servern tar inte emot fler anslutningar",
                _ => $"anslutningen bröts (PostgreSQL-fel {p.SqlState})",
            };
        return Find<SocketException>(e) is not null || Find<TimeoutException>(e) is not null
            ? "servern svarar inte" : "anslutningen till servern bröts";
    }

    /// The database answers a trivial statement now.
    public static bool Reachable(Db db)
    {
        try
        {
            using var c = db.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT 1";
            cmd.ExecuteScalar();
            return true;
        }
        catch (Exception e) when (Is(e)) { return false; }
    }

    private static T? Find<T>(Exception? e) where T : Exception
    {
        for (; e is not null; e = e.InnerException) if (e is T t) return t;
        return null;
    }
}
