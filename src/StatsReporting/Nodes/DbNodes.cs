namespace StatsReporting.Storage;

public sealed partial class Db
{
    /// The PostgreSQL connection string (password included: never shown), for the run lock's own session; null on SQLite.
    internal string? PostgresConnection => _pg?.ConnectionString;
}
