namespace StatsReporting.FileSystem;

/// Writes a file under a temporary name in the same folder and renames it into place, so nobody sees half a file
/// and a failed write leaves the previous file as it was. A temporary file a killed process left is removed by
/// StaleFiles; an error names the file's folder, not the temporary name.
public static class AtomicFile
{
    /// `ownerOnly`: the temporary file is created 600, so personal data is never readable by others, not even briefly.
    public static void Write(string path, Action<Stream> write, bool ownerOnly = false) => WriteVia(path, tmp =>
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.ReadWrite };
        if (ownerOnly && !OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var stream = new FileStream(tmp, options);
        write(stream);
        // A writer may close the stream itself (ZipArchive does); what it closed is already flushed to the file. In a
        // set of files (OutputSet) the set syncs every file before it takes the old set's place.
        if (stream.CanWrite) stream.Flush(flushToDisk: !OutputSet.SyncsFiles);
    });

    /// For writers that need a path rather than a stream (ClosedXML's SaveAs picks the format by the extension, which
    /// the temporary name keeps; OpenXml opens the saved file again to add pictures).
    public static void WriteVia(string path, Action<string> writeTemp)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var tmp = Path.Combine(dir, TempNames.For(Path.GetFileNameWithoutExtension(path), Path.GetExtension(path)));
        try
        {
            Directory.CreateDirectory(dir);
            writeTemp(tmp);
            File.Move(tmp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException && e is not OutputFailedException)
        {
            throw new OutputFailedException(dir, e);
        }
        finally { if (File.Exists(tmp)) File.Delete(tmp); }
    }
}
