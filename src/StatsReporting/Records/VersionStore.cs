using System.Data.Common;
using StatsReporting.Decisions;
using StatsReporting.Storage;

namespace StatsReporting.Records;

/// One imported file as the imports table records it.
public sealed record ImportFile(string Name, string Sha256, string ArchivePath, DateTimeOffset At);

/// What storing a file's decisions did: its import number, the rows read, and the decisions new, changed and the same
/// as their newest stored version. The counts mean something only when the whole file was valid.
public sealed record StoredImport(long ImportId, int Rows, int Added, int Changed, int Unchanged);

/// How one database engine writes and reads decision versions: the snapshot diff of an import, in the import's
/// transaction, and the rows of a query as decisions. SqliteVersionStore and PostgresVersionStore stand side by side;
/// VersionStore.For picks the one of a Db's engine.
public interface IVersionStore
{
    /// Records `file` in imports and stores its decisions as one snapshot of their laws: new and changed decisions
    /// become new versions (an earlier one is never overwritten), and the versions of those laws the file no longer
    /// holds leave the snapshot (gone_import). After an error (fileOk() false) the rest is only read, for its errors.
    StoredImport Store(DbConnection c, DbTransaction tx, ImportFile file, IEnumerable<VersionRow> rows, Func<bool> fileOk);

    /// Runs `sql`, whose columns are DecisionTable.Select's, with the named parameters (long or string values), and
    /// adds each row's decision to `into`.
    void Read(DbConnection c, string sql, IReadOnlyList<(string Name, object Value)> parameters, List<Decision> into);
}

public static class VersionStore
{
    /// The store of the Db's engine: the one place that turns the engine into a way of storing decisions.
    public static IVersionStore For(Db db) => db.Engine.Kind switch
    {
        DbProvider.Sqlite => new SqliteVersionStore(db.Namnd),
        DbProvider.Postgres => new PostgresVersionStore(),
        var other => throw new NotSupportedException($"Internt fel: ingen lagring av beslut för {other}."),
    };

    /// The laws of a file as imports.laws stores them ("LSS,SoL"), on both providers.
    internal static string Laws(IEnumerable<Lag> laws) => string.Join(",", laws.Select(DecisionTable.LagCode).Order(StringComparer.Ordinal));

    internal const string Counted = "UPDATE imports SET row_count = @rows, laws = @laws WHERE id = @importId";
}
