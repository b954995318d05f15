using System.Runtime.InteropServices;

namespace StatsReporting.Import;

/// What a path is, asked before anything opens it: opening a FIFO blocks until someone writes into it, and a device
/// such as /dev/zero never ends. Only a regular file within Import:MaxFileBytes is read.
public static class InputFile
{
    /// Throws NotATableException with the reason (Swedish) when the path must not be read.
    public static void Check(string path, ImportLimits limits)
    {
        long size;
        if (OperatingSystem.IsLinux() && Stat(path) is { } st)
        {
            if (st.Type == TypeDirectory) throw new NotATableException("filen kan inte läsas (det är en mapp, eller läsrätt saknas).");
            if (st.Type != TypeRegular)
                throw new NotATableException("det är ingen vanlig fil (utan en namngiven pipe, en enhet eller en socket); bara vanliga filer läses.");
            size = st.Size;
        }
        else
        {
            var info = new FileInfo(path);
            if (!info.Exists) throw new NotATableException("filen kan inte läsas (det är en mapp, eller läsrätt saknas).");
            size = info.Length;
        }
        if (size > limits.MaxFileBytes)
            throw new NotATableException($"filen är {Mb(size)} och större än gränsen {Mb(limits.MaxFileBytes)} (Import:MaxFileBytes).");
    }

    public static string Mb(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / 1024.0 / 1024.0:0.#} MB".Replace('.', ',') : $"{bytes} byte";

    private const int TypeMask = 0xF000, TypeRegular = 0x8000, TypeDirectory = 0x4000;

    // statx's buffer has the same layout on every Linux architecture (unlike struct stat): stx_mode is the
    // 16-bit field at offset 28, stx_size the 64-bit field at offset 40. glibc has had statx since 2.28.
    private static (int Type, long Size)? Stat(string path)
    {
        var buffer = new byte[256];
        const int atFdCwd = -100, statxType = 0x1, statxSize = 0x200;
        try
        {
            if (statx(atFdCwd, path, 0, statxType | statxSize, buffer) != 0) return null; // missing or no right: let the open say so
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { return null; }
        return (BitConverter.ToUInt16(buffer, 28) & TypeMask, BitConverter.ToInt64(buffer, 40));
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, [Out] byte[] buffer);
}
