using System.Data.Common;

namespace StatsReporting.Storage;

/// Which database holds the records: the embedded SQLite file (default) or a PostgreSQL server (several nodes).
public enum DbProvider { Sqlite, Postgres }

/// Everything that differs between the two database engines, chosen once, when a Db is made (SqliteEngine,
/// PostgresEngine): how a connection is opened, checked and migrated, the one-writer lock, the run lock, whether
/// several nodes can share the database, and the few words of SQL that only one engine's planner needs. Code above
/// Storage asks the Db; it never tests which connection type it holds.
public abstract class Engine
{
    public abstract DbProvider Kind { get; }

    /// Several `serve` nodes can share this database (PostgreSQL): the output sets, the key ring and the job queue are
    /// kept in it, and a job whose node died is run by another (README "Flera noder").
    public abstract bool SharedByNodes { get; }

    /// The database as a user knows it, for messages: the file, or the server's host, port and database (no password).
    public abstract string Describe { get; }

    internal abstract DbConnection Open(string namnd);

    /// Refuses, before anything is written, a database that cannot be used (Db.Check).
    internal abstract void Check();

    internal abstract IReadOnlyList<string> Migrate();

    /// One writer at a time inside `tx` (Db.WriteLock).
    internal abstract void WriteLock(DbConnection c, DbTransaction tx);

    internal abstract bool TryWriteLock(DbConnection c, DbTransaction tx);

    /// Gallring (Db.Erasing, Db.Erased): what is overwritten must not stay readable in the database's files.
    internal abstract void Erasing(DbConnection c);

    internal abstract string? Erased(DbConnection c, IReadOnlyList<string> tables);

    /// One appender at a time to the behandlingslogg inside `tx` (Db.LogLock).
    internal abstract void LogLock(DbConnection c, DbTransaction tx);

    /// The quarterly run's lock, held until disposed (Jobs/RunLock); null while another process holds it.
    internal abstract IHeldLock? TryRunLock();

    /// `column = namnd()` for a query that reads most of a table. SQLite's planner would walk the (namnd, beslut_id)
    /// index for the plain comparison, one random page read per row, where a scan reads the table once in file order:
    /// there `column || ''` (standard SQL) keeps it off the index. PostgreSQL's planner needs no such help.
    public abstract string ScanNamnd(string column);
}

/// A lock held for a while (the run lock): it can be lost while held, when the session that holds it is dropped.
public interface IHeldLock : IDisposable
{
    bool StillHeld();
}
