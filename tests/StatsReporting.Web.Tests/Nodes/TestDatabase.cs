using Dapper;
using Npgsql;

namespace StatsReporting.Web.Tests.Nodes;

/// A fresh PostgreSQL database on the server of STATSREPORTING_TEST_POSTGRES (test.sh exports it), dropped again at
/// the end. Without the variable, or without a server, the test fails: it never skips.
public sealed class TestDatabase : IDisposable
{
    private readonly string _admin;
    public string Name { get; }
    public string ConnectionString { get; }

    public TestDatabase() : this(Environment.GetEnvironmentVariable("STATSREPORTING_TEST_POSTGRES") is { Length: > 0 } cs ? cs
            : throw new InvalidOperationException("STATSREPORTING_TEST_POSTGRES saknas: kör ./test.sh, eller export STATSREPORTING_TEST_POSTGRES=$(scripts/test-postgres start)."))
    { }

    /// A fresh database on the server of `admin` (a role that may create databases): PrivatePostgres's, say.
    public TestDatabase(string admin)
    {
        _admin = admin;
        Name = $"nodes_{Guid.NewGuid():N}"[..30];
        using (var c = new NpgsqlConnection(_admin))
            c.Execute($"CREATE DATABASE {Name} ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0");
        ConnectionString = new NpgsqlConnectionStringBuilder(_admin) { Database = Name, Pooling = false }.ConnectionString;
    }

    public NpgsqlConnection Open()
    {
        var c = new NpgsqlConnection(ConnectionString);
        c.Open();
        return c;
    }

    public long Count(string sql, object? args = null)
    {
        using var c = Open();
        return c.ExecuteScalar<long>(sql, args);
    }

    /// Tried again for a moment: a concurrent CREATE/DROP DATABASE can make the server refuse briefly.
    public void Dispose()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var c = new NpgsqlConnection(_admin);
                c.Execute($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
                return;
            }
            catch (PostgresException e) when (attempt < 10)
            {
                Console.Error.WriteLine($"DROP DATABASE {Name}: {e.SqlState} {e.MessageText}; försöker igen.");
                Thread.Sleep(300);
            }
        }
    }
}
