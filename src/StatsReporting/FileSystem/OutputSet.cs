using System.Runtime.InteropServices;

namespace StatsReporting.FileSystem;

/// Writes a folder of outputs as one set: reports/<P>/ (KF workbooks, charts, findings, zip) or the IVO quarter
/// folder. Everything goes into a fresh hidden sibling folder, which then takes the old folder's place in one
/// rename (Linux: renameat2 RENAME_EXCHANGE, atomic even when the old folder exists). A fresh folder and a swap
/// rather than a manifest: a reader (the web, a person in a file manager, a script that zips the folder) only ever
/// sees the folder itself and needs to know nothing to see one whole set; a kill at any moment leaves either the
/// old set or the new one in place, never a mix, and the hidden leftovers are swept (StaleFiles).
public static class OutputSet
{
    public const string NewSuffix = ".new", OldSuffix = ".old";

    /// `write` gets the staging folder and writes every file there; the paths it returns are given back as they lie
    /// after the swap. `ownerOnly`: the folder holds personal data and is made 700 from the start.
    public static IReadOnlyList<WrittenFile> Write(string folder, Func<string, IReadOnlyList<WrittenFile>> write, bool ownerOnly = false)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        var (parent, name) = (Path.GetDirectoryName(full)!, Path.GetFileName(full));
        var staging = Path.Combine(parent, TempNames.For(name, NewSuffix));
        if (File.Exists(full)) throw new OutputFailedException(full, "det ligger en fil med det namnet där mappen ska vara");
        try
        {
            if (ownerOnly) RestrictedFiles.Folder(parent, restrictExisting: false);
            else Directory.CreateDirectory(parent);
            StaleFiles.SweepSiblings(parent, name);
            if (ownerOnly) RestrictedFiles.Folder(staging);
            else Directory.CreateDirectory(staging);
            IReadOnlyList<WrittenFile> written;
            Writing.Value = true;
            try { written = write(staging); }
            finally { Writing.Value = false; }
            SyncTree(staging);
            Swap(staging, full);
            SyncFolder(parent);
            return written.Select(f => f with { Path = Path.Join(full, Path.GetRelativePath(staging, f.Path)) }).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file's own error (AtomicFile) named the staging folder: the user's folder is named instead.
            throw e is OutputFailedException { InnerException: { } inner } ? new OutputFailedException(full, inner) : new OutputFailedException(full, e);
        }
        finally
        {
            // After the swap the staging name holds the previous set; after a failure, the unfinished new one.
            try { if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { } // swept at the next start
        }
    }

    private static void Swap(string staging, string full)
    {
        if (!Directory.Exists(full)) { Directory.Move(staging, full); return; }
        if (OperatingSystem.IsLinux() && Exchange(staging, full)) return;
        // Without an atomic exchange: the old set steps aside under a name the sweep restores if we die right here.
        var old = Path.Combine(Path.GetDirectoryName(full)!, TempNames.For(Path.GetFileName(full), OldSuffix));
        Directory.Move(full, old);
        Directory.Move(staging, full);
        Directory.Move(old, staging);
    }

    private static readonly AsyncLocal<bool> Writing = new();

    /// True while a set's files are written (on any thread the writer starts): AtomicFile then leaves a file's fsync
    /// to SyncTree, which syncs every file of the set once, before the swap.
    internal static bool SyncsFiles => Writing.Value;

    /// Power loss: every file and folder of the new set is on the disk before the swap, and the swap after it, so
    /// a machine that loses power never comes back to a set of empty files under the right names. The disk writes of
    /// all files are started first (Linux: sync_file_range), then each file is fsynced: one fsync after another, each
    /// waiting for its own writes, cost ~1.5 ms a file, most of it waiting (issue 13).
    private static void SyncTree(string staging)
    {
        var files = Directory.EnumerateFiles(staging, "*", SearchOption.AllDirectories)
            .Select(file => new FileStream(file, FileMode.Open, FileAccess.ReadWrite)).ToList();
        try
        {
            if (OperatingSystem.IsLinux())
                foreach (var f in files) StartWriting(f.SafeFileHandle);
            foreach (var f in files) f.Flush(flushToDisk: true);
        }
        finally
        {
            foreach (var f in files) f.Dispose();
        }
        foreach (var dir in Directory.EnumerateDirectories(staging, "*", SearchOption.AllDirectories).Prepend(staging)) SyncFolder(dir);
    }

    /// A folder's entries on the disk (Linux: fsync of the folder), after files were created or renamed in it.
    internal static void SyncFolder(string dir)
    {
        if (!OperatingSystem.IsLinux()) return;
        var fd = OpenFolder(dir, ORdOnly | ODirectory);
        if (fd < 0) return;
        FSync(fd);
        Close(fd);
    }

    private const int ORdOnly = 0, ODirectory = 0x10000;
    private const uint SyncFileRangeWrite = 2;

    /// Starts writing the file's dirty pages to the disk without waiting; an error here is the fsync's to report.
    private static void StartWriting(Microsoft.Win32.SafeHandles.SafeFileHandle file)
    {
        try { _ = SyncFileRange((int)file.DangerousGetHandle(), 0, 0, SyncFileRangeWrite); }
        catch (EntryPointNotFoundException) { } // not Linux's libc: the fsync alone does it
    }

    [DllImport("libc", EntryPoint = "sync_file_range")]
    private static extern int SyncFileRange(int fd, long offset, long count, uint flags);

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int OpenFolder([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "fsync")]
    private static extern int FSync(int fd);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int fd);

    private const int AtFdCwd = -100;
    private const uint RenameExchange = 2;

    /// False where the file system or kernel has no RENAME_EXCHANGE (EINVAL, ENOSYS): the caller falls back.
    private static bool Exchange(string a, string b)
    {
        try
        {
            if (RenameAt2(AtFdCwd, a, AtFdCwd, b, RenameExchange) == 0) return true;
        }
        catch (EntryPointNotFoundException) { return false; } // a libc older than glibc 2.28
        var errno = Marshal.GetLastPInvokeError();
        return errno is 22 or 38 ? false : throw new IOException($"renameat2: errno {errno}", errno);
    }

    [DllImport("libc", EntryPoint = "renameat2", SetLastError = true)]
    private static extern int RenameAt2(int oldDirFd, [MarshalAs(UnmanagedType.LPUTF8Str)] string oldPath, int newDirFd,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string newPath, uint flags);
}
