using System.Reflection;
using Dapper;
using Microsoft.Data.Sqlite;

namespace StatsReporting.Storage;

/// Opens connections to the SQLite file; one connection per operation.
public sealed class Db(string path)
{
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// The file holds person codes and kommentarer: it is created owner-only (SQLite gives its journals the same mode).
    public SqliteConnection Open()
    {
        var isNew = !File.Exists(Path);
        // A missing folder is made owner-only; an existing one (/tmp, say) is left as it is.
        RestrictedFiles.Folder(System.IO.Path.GetDirectoryName(Path)!, restrictExisting: false);
        var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString());
        try { c.Open(); }
        catch (SqliteException e)
        {
            c.Dispose();
            throw Unusable(e);
        }
        if (isNew && !OperatingSystem.IsWindows()) File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        c.Execute("PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;");
        return c;
    }

    /// Applies the numbered .sql files of /migrations (embedded in this assembly) that are not yet applied.
    /// Every verb and the service start here, so a path that holds no usable database is reported here, in Swedish.
    public IReadOnlyList<string> Migrate()
    {
        try { return ApplyMigrations(); }
        catch (SqliteException e) { throw Unusable(e); }
    }

    private InvalidOperationException Unusable(SqliteException e) =>
        new($"Databasen '{Path}' kan inte användas: {Reason(e)}.", e);

    /// What went wrong, in Swedish, for a user who cannot read SQLite's English.
    public static string Reason(SqliteException e) => e.SqliteErrorCode switch
    {
        5 or 6 => "den är låst av en annan process; försök igen om en stund",
        8 => "den är skrivskyddad",
        11 => "filen är skadad",
        13 => "disken är full",
        14 => "filen kan inte öppnas eller skapas (är sökvägen en mapp, eller saknas skrivrätt i mappen?)",
        26 => "filen är ingen SQLite-databas",
        _ => $"SQLite-fel {e.SqliteErrorCode} ({e.Message})",
    };

    private IReadOnlyList<string> ApplyMigrations()
    {
        using var c = Open();
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

    public static IReadOnlyList<(string Name, string Sql)> Scripts()
    {
        var asm = Assembly.GetExecutingAssembly();
        return asm.GetManifestResourceNames()
            .Where(n => n.StartsWith("migrations/", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var reader = new StreamReader(asm.GetManifestResourceStream(n)!);
                return (n["migrations/".Length..], reader.ReadToEnd());
            })
            .ToList();
    }
}
