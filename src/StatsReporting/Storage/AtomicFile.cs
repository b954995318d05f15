namespace StatsReporting.Storage;

/// Writes a file under a temporary name in the same folder and renames it into place, so nobody sees half a file
/// and a failed write leaves the previous file as it was.
public static class AtomicFile
{
    /// `ownerOnly`: the temporary file is created 600, so personal data is never readable by others, not even briefly.
    public static void Write(string path, Action<Stream> write, bool ownerOnly = false) => WriteVia(path, tmp =>
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.ReadWrite };
        if (ownerOnly && !OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var stream = new FileStream(tmp, options);
        write(stream);
        // A writer may close the stream itself (ZipArchive does); what it closed is already flushed to the file.
        if (stream.CanWrite) stream.Flush(flushToDisk: true);
    });

    /// For writers that need a path rather than a stream (ClosedXML's SaveAs picks the format by the extension, which
    /// the temporary name keeps; OpenXml opens the saved file again to add pictures).
    public static void WriteVia(string path, Action<string> writeTemp)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(dir);
        var tmp = Path.Combine(dir, $".{Path.GetFileNameWithoutExtension(path)}.{Guid.NewGuid():N}{Path.GetExtension(path)}");
        try
        {
            writeTemp(tmp);
            File.Move(tmp, path, overwrite: true);
        }
        finally { if (File.Exists(tmp)) File.Delete(tmp); }
    }
}
