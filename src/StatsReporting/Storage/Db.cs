using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using StatsReporting.FileSystem;

namespace StatsReporting.Storage;

/// Which database holds the records: the embedded SQLite file (default) or a PostgreSQL server (several nodes).
public enum DbProvider { Sqlite, Postgres }

/// Opens connections to the database; one connection per operation. SQLite: the file at Path. Postgres: the server
/// of a connection string (PostgresDb), every connection from one pooled data source.
public sealed partial class Db
{
    /// The SQLite database file.
    public Db(string path, string namnd = DefaultNamnd) : this(System.IO.Path.GetFullPath(path), null, namnd) { }

    private Db(string path, PostgresDb? postgres, string namnd)
    {
        Path = path;
        _pg = postgres;
        Namnd = namnd;
    }

    /// A PostgreSQL database. `filesAnchor` is Paths.Database: never opened on Postgres, but its folder stays the
    /// default root of the files (archive/ and ivo/ beside it, the run lock), so both providers lay files out alike.
    public static Db Postgres(string connectionString, string filesAnchor, string namnd = DefaultNamnd) =>
        new(System.IO.Path.GetFullPath(filesAnchor), PostgresDb.For(connectionString), namnd);

    private readonly PostgresDb? _pg;

    public DbProvider Provider => _pg is null ? DbProvider.Sqlite : DbProvider.Postgres;
    public bool IsPostgres => _pg is not null;

    /// SQLite: the database file. Postgres: Paths.Database, whose folder is the default root for files (see Postgres).
    public string Path { get; }

    /// The database as a user knows it, for messages: the file, or the server's host, port and database (no password).
    public string Describe => _pg?.Describe ?? $"'{UserText.Escape(Path)}'";

    /// The nämnd whose records this Db reads and writes (migration 0009). Every query on nämnd-owned tables compares
    /// with the SQL function namnd(), which each connection opened here answers with this code.
    public string Namnd { get; }

    /// The nämnd every record stored before migration 0009 belongs to: the one-nämnd installation.
    public const string DefaultNamnd = "standard";

    /// The same database, scoped to another nämnd.
    public Db For(string code) => new(Path, _pg, code);

    /// How long a statement waits for another process's lock before it gives up. SQLite's busy_timeout and
    /// Microsoft.Data.Sqlite's own command timeout (30 s by default, which retries SQLITE_BUSY on top of SQLite's
    /// wait) are both set from this, so a locked database answers after this long and not after 30 s.
    public const int BusyTimeoutSeconds = 5;

    public DbConnection Open() => _pg is { } pg ? pg.Open(Namnd) : OpenSqlite();

    /// The file holds person codes and kommentarer: it is created owner-only (SQLite gives its journals the same mode).
    private SqliteConnection OpenSqlite()
    {
        var isNew = !File.Exists(Path);
        // A missing folder is made owner-only; an existing one (/tmp, say) is left as it is.
        RestrictedFiles.Folder(System.IO.Path.GetDirectoryName(Path)!, restrictExisting: false);
        var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false, DefaultTimeout = BusyTimeoutSeconds }.ToString());
        try { c.Open(); }
        catch (SqliteException e)
        {
            c.Dispose();
            throw Unusable(e);
        }
        if (isNew && !OperatingSystem.IsWindows()) File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        c.Execute($"PRAGMA foreign_keys = ON; PRAGMA busy_timeout = {BusyTimeoutSeconds * 1000};");
        var code = Namnd;
        c.CreateFunction("namnd", () => code, isDeterministic: true);
        return c;
    }

    /// One writer at a time inside `tx`, as SQLite's BEGIN IMMEDIATE gives: on Postgres a transaction-scoped advisory
    /// lock (released at commit or rollback). Importers and the archive sweep take it.
    public static void WriteLock(DbConnection c, DbTransaction tx)
    {
        if (c is Npgsql.NpgsqlConnection) c.Execute("SELECT pg_advisory_xact_lock(@key)", new { key = AdvisoryKeys.Write }, tx);
    }

    /// WriteLock without waiting: false when another transaction holds it (SQLite: BEGIN IMMEDIATE already waited).
    public static bool TryWriteLock(DbConnection c, DbTransaction tx) => c is not Npgsql.NpgsqlConnection
        || c.ExecuteScalar<bool>("SELECT pg_try_advisory_xact_lock(@key)", new { key = AdvisoryKeys.Write }, tx);

    /// Applies the numbered .sql files of /migrations (embedded in this assembly) that are not yet applied.
    /// Every verb and the service start here, so a database that cannot be used is reported here, in Swedish.
    public IReadOnlyList<string> Migrate()
    {
        Check();
        if (_pg is { } pg)
        {
            // The files' root (archive, ivo, the run lock) exists as it does beside a SQLite file: owner-only if made here.
            RestrictedFiles.Folder(System.IO.Path.GetDirectoryName(Path)!, restrictExisting: false);
            return pg.Migrate(Scripts(DbProvider.Postgres));
        }
        try { return ApplyMigrations(); }
        catch (SqliteException e) { throw Unusable(e); }
    }

    private InvalidOperationException Unusable(SqliteException e) => Unusable(Reason(e), e);

    private InvalidOperationException Unusable(string reason, Exception? inner = null) =>
        new($"Databasen '{UserText.Escape(Path)}' kan inte användas: {reason}. Inget har ändrats.", inner);

    private static readonly byte[] Header = "SQLite format 3\0"u8.ToArray();

    /// Refuses, before anything is written, a database that cannot be used. SQLite: a file that is not a whole SQLite
    /// database: an empty file (SQLite would silently take it as a new database, all history gone), another kind of
    /// file, or one that fails PRAGMA quick_check; a missing file is fine: it becomes a new database. Postgres: a server
    /// that cannot be reached or refuses the login, a missing database, or one whose text order is not SQLite's.
    public void Check()
    {
        if (_pg is { } pg) { pg.Check(); return; }
        if (!File.Exists(Path)) return;
        var head = new byte[Header.Length];
        int n;
        using (var f = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite)) n = f.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (n == 0) throw Unusable("filen är tom (0 byte) där en databas väntades; återställ den från en säkerhetskopia");
        if (n < Header.Length || !head.AsSpan().SequenceEqual(Header)) throw Unusable(Reason(26));
        // Opened read-write on purpose: a hot journal left by a killed process is rolled back first, as SQLite should.
        List<string> problems;
        try
        {
            using var c = OpenSqlite();
            problems = c.Query<string>("PRAGMA quick_check").ToList();
        }
        catch (SqliteException e) { throw Unusable(e); }
        if (problems is not ["ok"]) throw Unusable($"{Reason(11)} (PRAGMA quick_check: {problems.Count} fel); återställ den från en säkerhetskopia");
    }

    /// What went wrong, in Swedish, for a user who cannot read SQLite's English.
    public static string Reason(SqliteException e) => Reason(e.SqliteErrorCode, e.Message);

    /// The same for PostgreSQL's errors (never with the password).
    public static string Reason(Npgsql.NpgsqlException e) => PostgresDb.Reason(e);

    private static string Reason(int code, string? message = null) => code switch
    {
        5 or 6 => "den är låst av en annan process; försök igen om en stund",
        8 => "den är skrivskyddad",
        11 => "filen är skadad",
        13 => "disken är full",
        14 => "filen kan inte öppnas eller skapas (är sökvägen en mapp, eller saknas skrivrätt i mappen?)",
        26 => "filen är ingen SQLite-databas",
        _ => $"SQLite-fel {code} ({message})",
    };

    private IReadOnlyList<string> ApplyMigrations()
    {
        using var c = OpenSqlite();
        c.Execute("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)");
        var applied = c.Query<string>("SELECT name FROM schema_migrations").ToHashSet();
        var done = new List<string>();
        foreach (var (name, sql) in Scripts().Where(s => !applied.Contains(s.Name)))
        {
            using var tx = c.BeginTransaction();
            c.Execute(sql, transaction: tx);
            c.Execute("INSERT INTO schema_migrations (name, applied_at) VALUES (@name, @at)",
                new { name, at = DateTime.UtcNow.ToString("O") }, tx);
            tx.Commit();
            done.Add(name);
        }
        return done;
    }
}
