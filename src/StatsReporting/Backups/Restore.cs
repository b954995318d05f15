using StatsReporting.FileSystem;
using StatsReporting.Storage;

namespace StatsReporting.Backups;

public sealed record RestoreResult(string Database, BackupManifest Manifest, int ArchiveFiles, IReadOnlyList<string> MovedAside, IReadOnlyList<string> Migrated);

/// `statsreporting restore`: a checked backup (BackupCheck) into a path that holds no database, or, with `replace`,
/// after the current database (with its journal) and archive folder are moved aside under a dated name. Never while
/// the run lock is held (the service running the quarterly job, or the CLI's `run`), and the lock is held throughout,
/// so no run can start against a half-restored installation. The database is copied under a hidden name, checked
/// against the manifest again and renamed into place last; the archive files go in first.
public static class Restore
{
    public static RestoreResult Run(string from, string target, string archive, bool replace, TimeProvider clock)
    {
        var manifest = BackupCheck.Verify(from);
        var source = Path.GetFullPath(from);
        target = Path.GetFullPath(target);
        archive = Path.GetFullPath(archive);
        if (Directory.Exists(target)) throw Refused(target, "sökvägen är en mapp; ange databasens fil med --db");
        var present = Companions(target).Where(File.Exists).ToList();
        if (present.Count > 0 && !replace)
            throw Refused(target, "där finns redan en databas. Återställ till en annan sökväg med --db, eller ange --replace för att flytta den befintliga åt sidan");
        var folder = RestrictedFiles.Folder(Path.GetDirectoryName(target)!, restrictExisting: false);
        using var runLock = new Db(target).TryRunLock()
            ?? throw Refused(target, "körlåset hålls: en körning av kvartalsjobbet (i webbtjänsten eller med run) använder databasen just nu. Vänta tills den är klar, stoppa tjänsten och försök igen");
        var stamp = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var moved = new List<string>();
        if (replace)
        {
            if (present.Count > 0) moved.AddRange(MoveAside(Companions(target), $"{target}.fore-aterstallning-{stamp}"));
            if (Directory.Exists(archive) && Directory.EnumerateFileSystemEntries(archive).Any())
            {
                var aside = $"{archive}.fore-aterstallning-{stamp}";
                Directory.Move(archive, aside);
                moved.Add(aside);
            }
        }
        var archived = 0;
        try
        {
            foreach (var f in manifest.Filer.Where(f => f.Fil != BackupManifest.DatabaseFile))
            {
                var to = Path.Combine(RestrictedFiles.Folder(archive, restrictExisting: false), f.Fil["archive/".Length..]);
                // Content-addressed: a copy already there with the right SHA-256 is the same file.
                if (!File.Exists(to) || BackupManifest.Hash(to).Sha256 != f.Sha256) CopyChecked(Path.Combine(source, f.Fil), to, f, source);
                archived++;
            }
            var db = manifest.Filer.Single(f => f.Fil == BackupManifest.DatabaseFile);
            CopyChecked(Path.Combine(source, db.Fil), target, db, source);
            OutputSet.SyncFolder(folder);
        }
        catch (Exception) when (moved.Count > 0 && !File.Exists(target))
        {
            // Nothing restored after all: what was moved aside goes back where it was.
            PutBack(moved, target, archive, stamp);
            throw;
        }
        // A backup from an older program is brought up to this one's schema now, as any command would at its start.
        var migrated = new Db(target).Migrate();
        return new(target, manifest, archived, moved, migrated);
    }

    private static void PutBack(List<string> moved, string target, string archive, string stamp)
    {
        var archiveAside = $"{archive}.fore-aterstallning-{stamp}";
        if (moved.Contains(archiveAside))
        {
            if (Directory.Exists(archive)) Directory.Delete(archive, recursive: true);
            Directory.Move(archiveAside, archive);
        }
        var dbAside = $"{target}.fore-aterstallning-{stamp}";
        foreach (var file in moved.Where(m => m.StartsWith(dbAside, StringComparison.Ordinal)))
            File.Move(file, target + file[dbAside.Length..]);
    }

    /// The database file and what SQLite keeps beside it: a journal left by a killed writer belongs to its file and
    /// must move with it (beside another database it would be rolled back into that one).
    private static string[] Companions(string db) => [db, db + "-journal", db + "-wal", db + "-shm"];

    private static IEnumerable<string> MoveAside(string[] files, string aside)
    {
        var moved = new List<string>();
        foreach (var (file, i) in files.Select((f, i) => (f, i)).Where(x => File.Exists(x.f)))
        {
            var to = aside + (i == 0 ? "" : file[files[0].Length..]);
            File.Move(file, to);
            moved.Add(to);
        }
        return moved;
    }

    /// Copied under a hidden name in the target's folder, its SHA-256 compared with the manifest's once more (the
    /// backup's disk can fail between the check and the copy), then renamed into place.
    private static void CopyChecked(string from, string to, ManifestFile expected, string backup)
    {
        var tmp = Path.Combine(Path.GetDirectoryName(to)!, TempNames.For(Path.GetFileName(to), ".restore"));
        try
        {
            var (bytes, sha) = BackupManifest.CopyHashed(from, tmp);
            if (bytes != expected.Byte || sha != expected.Sha256)
                throw new BackupRefusedException(backup, [$"{expected.Fil} ändrades under återställningen (SHA-256 stämmer inte längre)"]);
            File.Move(tmp, to, overwrite: false);
        }
        finally { if (File.Exists(tmp)) File.Delete(tmp); }
    }

    private static InvalidOperationException Refused(string target, string reason) =>
        new($"Kan inte återställa till '{UserText.Escape(target)}': {reason}. Inget har ändrats.");
}
