using System.Data.Common;
using System.Runtime.CompilerServices;
using Dapper;
using Microsoft.Data.Sqlite;
using StatsReporting.Decisions;

namespace StatsReporting.Records;

/// Decision versions on SQLite. An import streams through prepared statements: one scan of the newest stored versions
/// (LatestVersions), then the diff row by row as the file comes, new and changed decisions INSERTed 64 to a statement
/// (DecisionVersions) and one UPDATE per version leaving its law's snapshot (migration 0006). Reads go straight through
/// SQLite's statement (DecisionRows). The page cache grows with the unique index (PageCache), so that keys arriving
/// in any order (an export sorted by person, or by date) find their index page in memory.
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
        var cache = new PageCache(c, tx, latest.Count);
        using (var store = new DecisionVersions(c, tx, importId, namnd))
        {
            foreach (var row in rows)
            {
                read++;
                cache.Rows(read);
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

    /// The page cache of the import's connection, sized for the unique index on (namnd, beslut_id, version) as it
    /// grows: about 48 bytes a version once keys arrive out of order (pages 2/3 full), plus 16 MB for the table's own
    /// pages on their way to disk, at most 512 MB. With SQLite's default (2 MB) an out-of-order key finds its page
    /// evicted, and every insert reads and writes a page through the operating system. (The statement journal is kept
    /// in memory as well: SqliteEngine's temp_store.) The cache is filled only as pages are used, so a small import
    /// uses little; the setting ends with the connection.
    internal sealed class PageCache(SqliteConnection c, SqliteTransaction tx, int stored)
    {
        private const int Step = 1 << 16;
        private const long MostKb = 512 * 1024;

        public void Rows(int read)
        {
            if (read % Step != 1) return;
            using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = $"PRAGMA cache_size = -{Kb(stored + read + Step)}";
            cmd.ExecuteNonQuery();
        }

        internal static long Kb(long versions) => Math.Min(MostKb, 16 * 1024 + versions * 48 / 1024);
    }

    public void Read(DbConnection c, string sql, IReadOnlyList<(string Name, object Value)> parameters, List<Decision> into) =>
        new DecisionRows((SqliteConnection)c).Read(sql, parameters, into);
}
