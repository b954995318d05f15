using System.Collections.Concurrent;
using System.Data.Common;
using System.Net.Sockets;
using Dapper;
using Npgsql;
using StatsReporting.FileSystem;

namespace StatsReporting.Storage;

/// One PostgreSQL database: a pooled NpgsqlDataSource per connection string, shared by every Db (every nämnd) on it.
/// Each connection handed out answers the SQL function namnd() (migration 0009) with its Db's code, through the
/// session setting statsreporting.namnd, so every query is the same text on both providers. One writer at a time is
/// a transaction-scoped advisory lock, the run lock a session-scoped one (PostgresRunLock); several nodes share it.
internal sealed class PostgresEngine : Engine
{
    private static readonly ConcurrentDictionary<string, PostgresEngine> Known = new(StringComparer.Ordinal);

    private readonly NpgsqlDataSource _source;
    private readonly NpgsqlConnectionStringBuilder _target;

    private PostgresEngine(string connectionString)
    {
        _target = new NpgsqlConnectionStringBuilder(connectionString);
        _source = NpgsqlDataSource.Create(connectionString);
    }

    public static PostgresEngine For(string connectionString)
    {
        try { return Known.GetOrAdd(connectionString, cs => new PostgresEngine(cs)); }
        catch (ArgumentException)
        {
            // The builder's message may quote the string, password and all: neither shown nor kept.
            throw new InvalidOperationException("ConnectionStrings:Postgres är ingen giltig anslutningssträng (skriv t.ex. Host=…;Port=5432;Database=…;Username=…;Password=…).");
        }
    }

    public override DbProvider Kind => DbProvider.Postgres;
    public override bool SharedByNodes => true;
    public override string ScanNamnd(string column) => column;

    /// The connection string, password included (never shown): Hangfire's job store on the same database, and a
    /// connection of the run lock's own outside the pool.
    public string ConnectionString => _target.ConnectionString;

    /// Host, port and database: never the password.
    public override string Describe => $"PostgreSQL-databasen '{UserText.Escape(_target.Database ?? "")}' på {UserText.Escape(_target.Host ?? "localhost")}:{_target.Port}";

    internal override DbConnection Open(string namnd)
    {
        NpgsqlConnection c;
        try { c = _source.OpenConnection(); }
        catch (Exception e) when (e is NpgsqlException or TimeoutException) { throw Unusable(e); }
        try
        {
            c.Execute("SELECT set_config('statsreporting.namnd', @namnd, false)", new { namnd });
            return c;
        }
        catch
        {
            c.Dispose();
            throw;
        }
    }

    /// The server answers, the login and the database are right, and text sorts as in SQLite: by bytes (C collation;
    /// glibc's C.UTF-8 is code-point order, the same for UTF-8), so that every ORDER BY, MIN and < on text, and with
    /// them every list and workbook, comes out as on SQLite without a COLLATE in each query.
    internal override void Check()
    {
        using var c = Open(Db.DefaultNamnd);
        // datlocprovider (PostgreSQL 15+): 'i' is an ICU locale, whatever datcollate says.
        var (collate, encoding, provider) = c.QuerySingle<(string, string, string)>("""
            SELECT datcollate, pg_encoding_to_char(encoding), COALESCE(to_jsonb(d) ->> 'datlocprovider', 'c')
            FROM pg_database d WHERE datname = current_database()
            """);
        if (collate is not ("C" or "POSIX" or "C.UTF-8" or "C.utf8") || provider != "c" || encoding != "UTF8")
            throw new InvalidOperationException(
                $"{Describe} kan inte användas: den sorterar text som '{UserText.Escape(provider == "c" ? collate : "ICU")}' (kodning {UserText.Escape(encoding)}), " +
                "men StatsReporting kräver sorteringen C och kodningen UTF8, så att ordningen blir densamma som med SQLite. " +
                "Skapa databasen med CREATE DATABASE … ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0. Inget har ändrats.");
    }

    /// All pending scripts in one transaction under an advisory lock: nodes starting together migrate once; the
    /// others wait, then find every script applied.
    internal override IReadOnlyList<string> Migrate()
    {
        var scripts = Migrations.Scripts(DbProvider.Postgres);
        using var c = Open(Db.DefaultNamnd);
        try
        {
            using var tx = c.BeginTransaction();
            c.Execute("SELECT pg_advisory_xact_lock(@key)", new { key = AdvisoryKeys.Migration }, tx);
            c.Execute("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)", transaction: tx);
            var applied = c.Query<string>("SELECT name FROM schema_migrations", transaction: tx).ToHashSet(StringComparer.Ordinal);
            var done = new List<string>();
            foreach (var (name, sql) in scripts.Where(s => !applied.Contains(s.Name)))
            {
                c.Execute(sql, transaction: tx);
                c.Execute("INSERT INTO schema_migrations (name, applied_at) VALUES (@name, @at)", new { name, at = DateTime.UtcNow.ToString("O") }, tx);
                done.Add(name);
            }
            tx.Commit();
            return done;
        }
        catch (PostgresException e) when (e.SqlState == "42501")
        {
            // PostgreSQL 15 no longer lets every user create tables in the schema public: say which grant is missing.
            var user = _target.Username ?? "…";
            throw new InvalidOperationException($"{Describe}: användaren '{UserText.Escape(user)}' saknar behörighet att skapa tabellerna (PostgreSQL-fel 42501, " +
                $"\"permission denied\"). Ge den rätten som databasens ägare: GRANT USAGE, CREATE ON SCHEMA public TO {UserText.Escape(user)}; " +
                $"eller gör den till ägare av databasen: ALTER DATABASE {UserText.Escape(_target.Database ?? "…")} OWNER TO {UserText.Escape(user)}; Inget har ändrats.", e);
        }
        catch (PostgresException e)
        {
            throw new InvalidOperationException($"{Describe}: migreringen misslyckades ({e.SqlState}: {e.MessageText}). Inget har ändrats.", e);
        }
    }

    internal override void WriteLock(DbConnection c, DbTransaction tx) =>
        c.Execute("SELECT pg_advisory_xact_lock(@key)", new { key = AdvisoryKeys.Write }, tx);

    internal override bool TryWriteLock(DbConnection c, DbTransaction tx) =>
        c.ExecuteScalar<bool>("SELECT pg_try_advisory_xact_lock(@key)", new { key = AdvisoryKeys.Write }, tx);

    internal override void Erasing(DbConnection c) { }

    /// VACUUM FULL writes each touched table anew and removes its old files, with the old row versions in them.
    /// What it cannot reach (the server's WAL segments until recycled, backups, the disk's freed blocks) the README names.
    internal override string? Erased(DbConnection c, IReadOnlyList<string> tables)
    {
        c.Execute($"VACUUM FULL {string.Join(", ", tables)}", commandTimeout: 3600);
        return null;
    }

    internal override void LogLock(DbConnection c, DbTransaction tx) =>
        c.Execute("SELECT pg_advisory_xact_lock(@key)", new { key = AdvisoryKeys.Behandlingslogg }, tx);

    internal override IHeldLock? TryRunLock() => PostgresRunLock.TryAcquire(ConnectionString);

    private InvalidOperationException Unusable(Exception e) =>
        new($"{Describe} kan inte användas: {Reason(e)}. Inget har ändrats.", e);

    /// In Swedish, for the user; Npgsql's messages never carry the password, but none of them is shown anyway.
    public static string Reason(Exception e) => e switch
    {
        PostgresException { SqlState: "28P01" or "28000" } => "inloggningen nekades (fel användarnamn eller lösenord i ConnectionStrings:Postgres)",
        PostgresException { SqlState: "3D000" } => "databasen finns inte på servern (skapa den, eller rätta Database i ConnectionStrings:Postgres)",
        PostgresException { SqlState: "42501" } => "användaren saknar behörighet (ge den rätten att ansluta: GRANT CONNECT ON DATABASE … TO …)",
        PostgresException { SqlState: "53300" } => "servern tar inte emot fler anslutningar just nu; försök igen om en stund",
        PostgresException { SqlState: "57P03" } => "servern startar eller stängs av; försök igen om en stund",
        PostgresException p => $"PostgreSQL-fel {p.SqlState}",
        _ when Find<SocketException>(e) is not null || Find<TimeoutException>(e) is not null
            => "servern svarar inte (kör PostgreSQL, och är Host och Port rätt i ConnectionStrings:Postgres?)",
        _ => "anslutningen misslyckades",
    };

    private static T? Find<T>(Exception? e) where T : Exception
    {
        for (; e is not null; e = e.InnerException) if (e is T t) return t;
        return null;
    }
}
