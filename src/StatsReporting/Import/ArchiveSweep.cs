using System.Data.Common;
using System.Text.RegularExpressions;
using Dapper;
using StatsReporting.FileSystem;
using StatsReporting.Storage;

namespace StatsReporting.Import;

/// Removes from the archive what a killed import left behind: temporary copies of dead processes and copies without
/// their imports row (an import that died before its commit).
public static partial class ArchiveSweep
{
    /// Under the database's write lock (BEGIN IMMEDIATE), which an import holds from writing its archive copy to its
    /// commit: a copy seen there without its row belongs to no import that is still running. The lock is only taken
    /// when a first look (a plain read) finds something to remove, so a start during a long import does not wait.
    public static int Sweep(Db db, string archive)
    {
        if (!Directory.Exists(archive)) return 0;
        try
        {
            using var c = db.Open();
            if (Leftovers(c, archive, null).Count == 0) return 0;
            using var tx = c.BeginTransaction();
            if (!db.TryWriteLock(c, tx)) return 0; // Postgres: an import holds the lock: next start
            var leftovers = Leftovers(c, archive, tx);
            foreach (var file in leftovers) File.Delete(file);
            tx.Commit();
            return leftovers.Count;
        }
        catch (Microsoft.Data.Sqlite.SqliteException e) when (e.SqliteErrorCode is 5 or 6) { return 0; } // an import holds the lock: next start
    }

    /// Archive copies without their imports row, and temporary copies of dead processes.
    private static List<string> Leftovers(DbConnection c, string archive, DbTransaction? tx)
    {
        var known = c.Query<string>("SELECT sha256 FROM imports", transaction: tx).ToHashSet(StringComparer.Ordinal);
        return Directory.EnumerateFiles(archive).Where(file =>
        {
            var name = Path.GetFileName(file);
            return ArchiveCopy().Match(name) is { Success: true } m ? !known.Contains(m.Groups[1].Value) : name.StartsWith('.') && TempNames.IsStale(name);
        }).ToList();
    }

    [GeneratedRegex("^([0-9a-f]{64})\\.(csv|xlsx)$")]
    private static partial Regex ArchiveCopy();
}
