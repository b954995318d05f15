namespace StatsReporting.Storage;

/// StatsReporting:Storage: which database holds the records. Sqlite (default) is the file at Paths:Database; Postgres
/// is the server of the top-level ConnectionStrings:Postgres (several nodes share it).
public sealed class StorageSettings
{
    public string Provider { get; set; } = nameof(DbProvider.Sqlite);

    /// ConnectionStrings:Postgres, set when the settings are loaded (not a key of Storage).
    internal string? PostgresConnection { get; set; }

    public DbProvider Kind => Enum.Parse<DbProvider>(Provider, ignoreCase: true);

    internal void Validate()
    {
        if (!Enum.TryParse<DbProvider>(Provider, ignoreCase: true, out var kind) || int.TryParse(Provider, out _))
            throw new InvalidOperationException($"appsettings.json: StatsReporting:Storage:Provider '{Provider}' är okänd (skriv Sqlite eller Postgres).");
        if (kind == DbProvider.Postgres && string.IsNullOrWhiteSpace(PostgresConnection))
            throw new InvalidOperationException("appsettings.json: StatsReporting:Storage:Provider är Postgres, men ConnectionStrings:Postgres saknas (t.ex. \"ConnectionStrings\": { \"Postgres\": \"Host=…;Port=5432;Database=…;Username=…;Password=…\" }, eller miljövariabeln ConnectionStrings__Postgres).");
    }

    /// The database of these settings: `sqlitePath` (the CLI's --db) or Paths:Database on SQLite; on Postgres the
    /// server, with Paths:Database's folder as the root of the files.
    public static Db Open(Decisions.AppSettings s, string? sqlitePath = null) => s.Storage.Kind == DbProvider.Postgres
        ? Db.Postgres(s.Storage.PostgresConnection!, sqlitePath ?? s.Paths.Database)
        : new Db(sqlitePath ?? s.Paths.Database);
}
