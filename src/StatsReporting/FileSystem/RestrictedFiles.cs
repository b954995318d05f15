namespace StatsReporting.FileSystem;

/// Files holding personal data: owner-only folders (700) and files (600), written under a temporary name that is
/// owner-only from its creation and renamed into place, so no reader ever sees a half-written or open file.
public static class RestrictedFiles
{
    private const UnixFileMode OwnerFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// Creates the folder and every missing parent owner-only. An existing folder is made owner-only too when
    /// `restrictExisting`: only for a folder that holds nothing but this program's restricted files, never for one a
    /// user named that may be shared (/tmp, a home folder); the files in it are owner-only either way.
    public static string Folder(string path, bool restrictExisting = true)
    {
        var full = Path.GetFullPath(path);
        if (OperatingSystem.IsWindows()) { Directory.CreateDirectory(full); return full; }
        var existed = Directory.Exists(full);
        var missing = new Stack<string>();
        for (var d = full; !Directory.Exists(d); d = Path.GetDirectoryName(d)!) missing.Push(d);
        while (missing.TryPop(out var d)) Directory.CreateDirectory(d, OwnerFolder);
        if (!existed || restrictExisting) File.SetUnixFileMode(full, OwnerFolder);
        return full;
    }

    /// Writes a file owner-only into `path`'s folder, creating it owner-only if missing (an existing folder keeps its mode).
    public static void Write(string path, Action<Stream> write)
    {
        Folder(Path.GetDirectoryName(Path.GetFullPath(path))!, restrictExisting: false);
        AtomicFile.Write(path, write, ownerOnly: true);
    }
}
