namespace StatsReporting.Storage;

/// Files holding personal data: owner-only folders (700) and files (600), written under a temporary name that is
/// owner-only from its creation and renamed into place, so no reader ever sees a half-written or open file.
public static class RestrictedFiles
{
    private const UnixFileMode OwnerFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// Creates the folder and every missing parent owner-only; an existing folder is made owner-only too.
    public static string Folder(string path)
    {
        var full = Path.GetFullPath(path);
        if (OperatingSystem.IsWindows()) { Directory.CreateDirectory(full); return full; }
        var missing = new Stack<string>();
        for (var d = full; !Directory.Exists(d); d = Path.GetDirectoryName(d)!) missing.Push(d);
        while (missing.TryPop(out var d)) Directory.CreateDirectory(d, OwnerFolder);
        File.SetUnixFileMode(full, OwnerFolder);
        return full;
    }

    public static void Write(string path, Action<Stream> write)
    {
        var dir = Folder(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var tmp = Path.Combine(dir, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.ReadWrite };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerFile;
        try
        {
            using (var stream = new FileStream(tmp, options))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            // The umask can only take rights away, but say it outright.
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(tmp, OwnerFile);
            File.Move(tmp, path, overwrite: true);
        }
        finally { if (File.Exists(tmp)) File.Delete(tmp); }
    }
}
