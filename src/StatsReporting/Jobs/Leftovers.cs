using StatsReporting.FileSystem;
using StatsReporting.Import;
using StatsReporting.Storage;
using StatsReporting.Organisation;

namespace StatsReporting.Jobs;

/// What a killed process left behind, removed at start-up (every CLI verb, the service) and before each run: hidden
/// temporary files and staging folders in the report, IVO and backup folders (FileSystem/StaleFiles), a restore's
/// temporary copy beside the database, and in the archive both temporary copies and copies without their imports row
/// (Import/ArchiveSweep).
public static class Leftovers
{
    public static int Sweep(Db db, PathSettings paths, string? reportsRoot = null, string? ivoRoot = null) =>
        StaleFiles.Sweep([reportsRoot ?? paths.Reports, ivoRoot ?? paths.IvoFor(db.Path), paths.BackupFor(db.Path)])
        + StaleFiles.SweepFiles(Path.GetDirectoryName(db.Path)!) + ArchiveSweep.Sweep(db, paths.ArchiveFor(db.Path));
}
