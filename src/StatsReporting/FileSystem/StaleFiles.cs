
namespace StatsReporting.FileSystem;

/// Removes what a killed process left behind in the folders it writes: hidden temporary files and staging folders
/// of dead processes (TempNames). Only names this program makes are touched; anything else in those folders stays.
/// The import archive has its own sweep (Import/ArchiveSweep), which needs the database.
public static class StaleFiles
{
    /// Hidden temporary files and staging folders of dead processes under each root (report and IVO folders).
    public static int Sweep(IEnumerable<string> roots) =>
        roots.Where(Directory.Exists).Sum(root => SweepFolder(root, depth: 3));

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

    /// Only the hidden temporary files of dead processes directly in `dir` (the database's folder: a restore's copy).
    public static int SweepFiles(string dir)
    {
        if (!Directory.Exists(dir)) return 0;
        var stale = Directory.EnumerateFiles(dir, ".*").Where(f => TempNames.IsStale(Path.GetFileName(f))).ToList();
        foreach (var file in stale) File.Delete(file);
        return stale.Count;
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
}
