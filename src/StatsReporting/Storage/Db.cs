using System.Data.Common;
using Microsoft.Data.Sqlite;
using StatsReporting.FileSystem;

namespace StatsReporting.Storage;

/// Opens connections to the database; one connection per operation. The engine (SQLite: the file at Path; Postgres:
/// the server of a connection string, every connection from one pooled data source) is chosen here, once: everything
/// that differs between the two is the Engine's.
public sealed class Db
{
    /// The SQLite database file.
    public Db(string path, string namnd = DefaultNamnd) : this(new SqliteEngine(System.IO.Path.GetFullPath(path)), System.IO.Path.GetFullPath(path), namnd) { }

    private Db(Engine engine, string path, string namnd)
    {
        Engine = engine;
        Path = path;
        Namnd = namnd;
    }

    /// A PostgreSQL database. `filesAnchor` is Paths.Database: never opened on Postgres, but its folder stays the
    /// default root of the files (archive/ and ivo/ beside it, the run lock), so both providers lay files out alike.
    public static Db Postgres(string connectionString, string filesAnchor, string namnd = DefaultNamnd) =>
        new(PostgresEngine.For(connectionString), System.IO.Path.GetFullPath(filesAnchor), namnd);

    public Engine Engine { get; }

    /// SQLite: the database file. Postgres: Paths.Database, whose folder is the default root for files (see Postgres).
    public string Path { get; }

    /// The database as a user knows it, for messages: the file, or the server's host, port and database (no password).
    public string Describe => Engine.Describe;

    /// Several nodes can share this database (Engine.SharedByNodes).
    public bool SharedByNodes => Engine.SharedByNodes;

    /// The nämnd whose records this Db reads and writes (migration 0009). Every query on nämnd-owned tables compares
    /// with the SQL function namnd(), which each connection opened here answers with this code.
    public string Namnd { get; }

    /// The nämnd every record stored before migration 0009 belongs to: the one-nämnd installation.
    public const string DefaultNamnd = "standard";

    /// The same database, scoped to another nämnd.
    public Db For(string code) => new(Engine, Path, code);

    /// How long a statement waits for another process's lock before it gives up. SQLite's busy_timeout and
    /// Microsoft.Data.Sqlite's own command timeout (30 s by default, which retries SQLITE_BUSY on top of SQLite's
    /// wait) are both set from this, so a locked database answers after this long and not after 30 s.
    public const int BusyTimeoutSeconds = 5;

    public DbConnection Open() => Engine.Open(Namnd);

    /// One writer at a time inside `tx`, as SQLite's BEGIN IMMEDIATE gives: on Postgres a transaction-scoped advisory
    /// lock (released at commit or rollback). Importers, the archive sweep and the IVO codes take it.
    public void WriteLock(DbConnection c, DbTransaction tx) => Engine.WriteLock(c, tx);

    /// WriteLock without waiting: false when another transaction holds it (SQLite: BEGIN IMMEDIATE already waited).
    public bool TryWriteLock(DbConnection c, DbTransaction tx) => Engine.TryWriteLock(c, tx);

    /// Gallring on connection `c`: before its transaction, so that overwritten bytes are overwritten in the file too
    /// (SQLite secure_delete), and after its commit (SQLite: the WAL emptied; PostgreSQL: VACUUM FULL of `tables`).
    /// Erased returns null when done, else why not, in Swedish.
    public void Erasing(DbConnection c) => Engine.Erasing(c);

    public string? Erased(DbConnection c, IReadOnlyList<string> tables) => Engine.Erased(c, tables);

    /// One appender at a time to the behandlingslogg's hash chain inside `tx` (Logg/Behandlingslogg).
    public void LogLock(DbConnection c, DbTransaction tx) => Engine.LogLock(c, tx);

    /// The quarterly run's lock on this database (Jobs/RunLock); null while another process holds it.
    public IHeldLock? TryRunLock() => Engine.TryRunLock();

    /// Applies the numbered .sql files of /migrations (embedded in this assembly) that are not yet applied.
    /// Every verb and the service start here, so a database that cannot be used is reported here, in Swedish.
    public IReadOnlyList<string> Migrate()
    {
        Check();
        // The files' root (archive, ivo, the run lock) exists as it does beside a SQLite file: owner-only if made here.
        RestrictedFiles.Folder(System.IO.Path.GetDirectoryName(Path)!, restrictExisting: false);
        return Engine.Migrate();
    }

    /// Refuses, before anything is written, a database that cannot be used. SQLite: a file that is not a whole SQLite
    /// database (a missing file is fine: it becomes a new database). Postgres: a server that cannot be reached or
    /// refuses the login, a missing database, or one whose text order is not SQLite's.
    public void Check() => Engine.Check();

    /// What went wrong, in Swedish, for a user who cannot read SQLite's English.
    public static string Reason(SqliteException e) => SqliteEngine.Reason(e);

    /// The same for PostgreSQL's errors (never with the password).
    public static string Reason(Npgsql.NpgsqlException e) => PostgresEngine.Reason(e);
}
