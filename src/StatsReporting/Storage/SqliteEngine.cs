using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using StatsReporting.FileSystem;

namespace StatsReporting.Storage;

/// The SQLite file at Path: one connection per operation, unpooled. The one-writer rule is SQLite's own (BEGIN
/// IMMEDIATE, which Microsoft.Data.Sqlite's BeginTransaction takes); the run lock is an exclusive lock on a file beside
/// the database. Only one process writes at a time, so no other node can share it.
internal sealed class SqliteEngine(string path) : Engine
{
    public override DbProvider Kind => DbProvider.Sqlite;
    public override bool SharedByNodes => false;
    public override string Describe => $"'{UserText.Escape(path)}'";
    public override string ScanNamnd(string column) => $"{column} || ''";

    internal override DbConnection Open(string namnd) => OpenSqlite(namnd);

    /// The file holds person codes and kommentarer: it is created owner-only (SQLite gives its journals the same mode).
    private SqliteConnection OpenSqlite(string namnd)
    {
        var isNew = !File.Exists(path);
        // A missing folder is made owner-only; an existing one (/tmp, say) is left as it is.
        RestrictedFiles.Folder(Path.GetDirectoryName(path)!, restrictExisting: false);
        var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = Db.BusyTimeoutSeconds }.ToString());
        try { c.Open(); }
        catch (SqliteException e)
        {
            c.Dispose();
            throw Unusable(e);
        }
        if (isNew && !OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        // temp_store: the statement journal in memory. Each 64-row INSERT of an import keeps there the pages it changes
        // until it ends, so that it could be undone alone; with ids out of order (an export sorted by person) that is
        // a page per row, which SQLite otherwise writes to a temporary file past 64 KB: 50 000 shuffled ids made 91 000
        // writes of a temporary file, the same rows in id order none (issue 25). SQLite reads it when a write
        // transaction begins, so it is set here.
        c.Execute($"PRAGMA foreign_keys = ON; PRAGMA busy_timeout = {Db.BusyTimeoutSeconds * 1000}; PRAGMA temp_store = MEMORY;");
        c.CreateFunction("namnd", () => namnd, isDeterministic: true);
        return c;
    }

    /// BEGIN IMMEDIATE has already waited for the other writers.
    internal override void WriteLock(DbConnection c, DbTransaction tx) { }

    internal override bool TryWriteLock(DbConnection c, DbTransaction tx) => true;

    /// secure_delete: SQLite overwrites with zeros what a change frees (the old cell, an overflow page), on this
    /// connection; the gallring's connection only.
    internal override void Erasing(DbConnection c) => c.Execute("PRAGMA secure_delete = ON");

    /// After the commit: VACUUM writes the file anew, since secure_delete does not reach everything (a row that grew
    /// and moved to another page left its old image in the gap of the page it left: the gallring tests found it);
    /// then the WAL, if the file is in WAL mode, is written into the file and emptied. Null when done; else why not.
    internal override string? Erased(DbConnection c, IReadOnlyList<string> tables)
    {
        c.Execute("VACUUM", commandTimeout: 3600);
        var (busy, _, _) = c.QuerySingle<(long, long, long)>("PRAGMA wal_checkpoint(TRUNCATE)");
        c.Execute("PRAGMA secure_delete = OFF");
        return busy == 0 ? null : "WAL-filen kunde inte tömmas (en annan läsare höll den); kör gallra igen";
    }

    /// Microsoft.Data.Sqlite begins transactions IMMEDIATE: the writer's lock is already held.
    internal override void LogLock(DbConnection c, DbTransaction tx) { }

    internal override IHeldLock? TryRunLock()
    {
        try { return new FileLock(new FileStream(RunLockPath(path), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None)); }
        catch (IOException) { return null; }
    }

    private static string RunLockPath(string databasePath) => databasePath + ".run-lock";

    /// A file lock cannot be lost while its process lives.
    private sealed class FileLock(FileStream file) : IHeldLock
    {
        public bool StillHeld() => true;
        public void Dispose() => file.Dispose();
    }

    private InvalidOperationException Unusable(SqliteException e) => Unusable(Reason(e), e);

    private InvalidOperationException Unusable(string reason, Exception? inner = null) =>
        new($"Databasen '{UserText.Escape(path)}' kan inte användas: {reason}. Inget har ändrats.", inner);

    private static readonly byte[] Header = "SQLite format 3\0"u8.ToArray();

    /// A file that is not a whole SQLite database is refused: an empty file (SQLite would silently take it as a new
    /// database, all history gone), another kind of file, or one that fails PRAGMA quick_check; a missing file is
    /// fine: it becomes a new database.
    internal override void Check()
    {
        if (!File.Exists(path)) return;
        var head = new byte[Header.Length];
        int n;
        using (var f = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite)) n = f.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (n == 0) throw Unusable("filen är tom (0 byte) där en databas väntades; återställ den från en säkerhetskopia");
        if (n < Header.Length || !head.AsSpan().SequenceEqual(Header)) throw Unusable(Reason(26));
        // Opened read-write on purpose: a hot journal left by a killed process is rolled back first, as SQLite should.
        List<string> problems;
        try
        {
            using var c = OpenSqlite(Db.DefaultNamnd);
            problems = c.Query<string>("PRAGMA quick_check").ToList();
        }
        catch (SqliteException e) { throw Unusable(e); }
        if (problems is not ["ok"]) throw Unusable($"{Reason(11)} (PRAGMA quick_check: {problems.Count} fel); återställ den från en säkerhetskopia");
    }

    /// What went wrong, in Swedish, for a user who cannot read SQLite's English.
    public static string Reason(SqliteException e) => Reason(e.SqliteErrorCode, e.Message);

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

    internal override IReadOnlyList<string> Migrate()
    {
        try { return ApplyMigrations(); }
        catch (SqliteException e) { throw Unusable(e); }
    }

    private IReadOnlyList<string> ApplyMigrations()
    {
        using var c = OpenSqlite(Db.DefaultNamnd);
        c.Execute("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)");
        var applied = c.Query<string>("SELECT name FROM schema_migrations").ToHashSet();
        var done = new List<string>();
        foreach (var (name, sql) in Migrations.Scripts(DbProvider.Sqlite).Where(s => !applied.Contains(s.Name)))
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
