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
        var dir = System.IO.Path.GetDirectoryName(Path)!;
        // A missing folder is made owner-only; an existing one (/tmp, say) is left as it is.
        if (!Directory.Exists(dir))
        {
            if (OperatingSystem.IsWindows()) Directory.CreateDirectory(dir);
            else Directory.CreateDirectory(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString());
        c.Open();
        if (isNew && !OperatingSystem.IsWindows()) File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        c.Execute("PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;");
        return c;
    }

    /// Applies the numbered .sql files of /migrations (embedded in this assembly) that are not yet applied.
    public IReadOnlyList<string> Migrate()
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
