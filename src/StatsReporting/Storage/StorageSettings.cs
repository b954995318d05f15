using StatsReporting.Configuration;

namespace StatsReporting.Storage;

/// StatsReporting:Storage: which database holds the records. Sqlite (default) is the file at Paths:Database; Postgres
/// is the server of the top-level ConnectionStrings:Postgres (several nodes share it).
public sealed class StorageSettings : ISettingsSection
{
    public static string Section => "StatsReporting:Storage";

    public string Provider { get; set; } = nameof(DbProvider.Sqlite);

    /// ConnectionStrings:Postgres, the .NET convention, set when the settings are bound (not a key of Storage).
    public string? PostgresConnection { get; set; }

    public DbProvider Kind => Enum.Parse<DbProvider>(Provider, ignoreCase: true);

    public void Validate()
    {
        if (!Enum.TryParse<DbProvider>(Provider, ignoreCase: true, out var kind) || int.TryParse(Provider, out _))
            throw new InvalidOperationException($"appsettings.json: StatsReporting:Storage:Provider '{Provider}' är okänd (skriv Sqlite eller Postgres).");
        if (kind == DbProvider.Postgres && string.IsNullOrWhiteSpace(PostgresConnection))
            throw new InvalidOperationException("appsettings.json: StatsReporting:Storage:Provider är Postgres, men ConnectionStrings:Postgres saknas (t.ex. \"ConnectionStrings\": { \"Postgres\": \"Host=…;Port=5432;Database=…;Username=…;Password=…\" }, eller miljövariabeln ConnectionStrings__Postgres).");
    }

    /// The database of these settings: the SQLite file at `databasePath` (Paths:Database, or the CLI's --db); on
    /// Postgres the server, with `databasePath`'s folder as the root of the files.
    public Db Open(string databasePath) => Kind == DbProvider.Postgres ? Db.Postgres(PostgresConnection!, databasePath) : new Db(databasePath);
}
