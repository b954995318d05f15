using System.Data.Common;
using System.Runtime.CompilerServices;
using Dapper;
using Microsoft.Data.Sqlite;
using StatsReporting.Decisions;

namespace StatsReporting.Records;

/// Decision versions on SQLite. An import streams through prepared statements: one scan of the newest stored versions
/// (LatestVersions), then the diff row by row as the file comes, new and changed decisions INSERTed 64 to a statement
/// (DecisionVersions) and one UPDATE per version leaving its law's snapshot (migration 0006). Reads go straight through
/// SQLite's statement (DecisionRows).
internal sealed class SqliteVersionStore(string namnd) : IVersionStore
{
    private const string InsertImport = """
        INSERT INTO imports (namnd, file_name, sha256, archive_path, imported_at, row_count, laws)
        VALUES (namnd(), @name, @sha, @archive, @at, 0, '') RETURNING id
        """;

    public StoredImport Store(DbConnection connection, DbTransaction transaction, ImportFile file, IEnumerable<VersionRow> rows, Func<bool> fileOk)
    {
        var (c, tx) = ((SqliteConnection)connection, (SqliteTransaction)transaction);
        var importId = c.ExecuteScalar<long>(InsertImport, new { name = file.Name, sha = file.Sha256, archive = file.ArchivePath, at = file.At.ToString("O") }, tx);
        var latest = LatestVersions.Load(c, tx);
        var laws = new HashSet<Lag>();
        int read = 0, added = 0, changed = 0, same = 0;
        using (var store = new DecisionVersions(c, tx, importId, namnd))
        {
            foreach (var row in rows)
            {
                read++;
                // After an error the file is refused: the rest is only read, for the errors it holds.
                if (!fileOk()) continue;
                laws.Add(row.Decision.Lag);
                ref var prev = ref latest.Find(row.Decision.BeslutId);
                if (Unsafe.IsNullRef(ref prev)) { store.Insert(row, 1); added++; continue; }
                prev.Seen = true;
                if (prev.Hash == row.Hash) same++; else changed++;
                if (prev.Open && prev.Hash == row.Hash) continue;
                // Changed, or back unchanged after missing from a snapshot: a new version; the old one is never overwritten.
                if (prev.Open) store.Gone(prev.Id);
                store.Insert(row, prev.Version + 1);
            }
            store.Flush();
            foreach (var id in latest.OpenNotSeen(laws)) store.Gone(id);
        }
        c.Execute(VersionStore.Counted, new { rows = read, laws = VersionStore.Laws(laws), importId }, tx);
        return new(importId, read, added, changed, same);
    }

    public void Read(DbConnection c, string sql, IReadOnlyList<(string Name, object Value)> parameters, List<Decision> into) =>
        new DecisionRows((SqliteConnection)c).Read(sql, parameters, into);
}
