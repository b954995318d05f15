using System.Text.RegularExpressions;
using Dapper;
using System.Data.Common;
using StatsReporting.Decisions;

namespace StatsReporting.Storage;

/// Removes what a killed process left behind, at start-up (every CLI verb, the service) and before each run: hidden
/// temporary files and staging folders of dead processes in the report and IVO folders, and in the archive both
/// temporary copies and copies without their imports row (an import that died before its commit). Only names this
/// program makes are touched; anything else in those folders stays.
public static partial class StaleFiles
{
    public static int Sweep(Db db, AppSettings settings, string? reportsRoot = null, string? ivoRoot = null)
    {
        var removed = 0;
        foreach (var root in new[] { reportsRoot ?? settings.Paths.Reports, ivoRoot ?? settings.Paths.IvoFor(db.Path) })
        {
            if (!Directory.Exists(root)) continue;
            removed += SweepFolder(root, depth: 3);
        }
        return removed + SweepArchive(db, settings.Paths.ArchiveFor(db.Path));
    }

    /// Staging folders of `name` (".2025Q2.<pid>.<hex>.new"/".old") left in `parent` by a dead process. If the
    /// process died in the middle of a swap without RENAME_EXCHANGE, the previous set is put back.
    public static int SweepSiblings(string parent, string name)
    {
        var removed = 0;
        foreach (var dir in Directory.EnumerateDirectories(parent, $".{name}.*"))
        {
            var entry = Path.GetFileName(dir);
            if (!TempNames.TryParse(entry, out var stem, out var ext, out _) || stem != name || !TempNames.IsStale(entry)) continue;
            var final = Path.Combine(parent, name);
            if (ext == OutputSet.OldSuffix && !Directory.Exists(final)) Directory.Move(dir, final);
            else Directory.Delete(dir, recursive: true);
            removed++;
        }
        return removed;
    }

    private static int SweepFolder(string dir, int depth)
    {
        var removed = 0;
        foreach (var sub in Directory.EnumerateDirectories(dir).Where(d => new DirectoryInfo(d).LinkTarget is null).ToList())
        {
            if (TempNames.TryParse(Path.GetFileName(sub), out var stem, out _, out _)) removed += SweepSiblings(dir, stem);
            else if (depth > 1) removed += SweepFolder(sub, depth - 1);
        }
        foreach (var file in Directory.EnumerateFiles(dir, ".*").Where(f => TempNames.IsStale(Path.GetFileName(f))))
        {
            File.Delete(file);
            removed++;
        }
        return removed;
    }

    /// Under the database's write lock (BEGIN IMMEDIATE), which an import holds from writing its archive copy to its
    /// commit: a copy seen there without its row belongs to no import that is still running. The lock is only taken
    /// when a first look (a plain read) finds something to remove, so a start during a long import does not wait.
    private static int SweepArchive(Db db, string archive)
    {
        if (!Directory.Exists(archive)) return 0;
        try
        {
            using var c = db.Open();
            if (Leftovers(c, archive, null).Count == 0) return 0;
            using var tx = c.BeginTransaction();
            if (!Db.TryWriteLock(c, tx)) return 0; // Postgres: an import holds the lock: next start
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
