using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace StatsReporting.Web.Endpoints;

/// On Linux, what a name or an opened descriptor really is, by statx(2): only a regular file with one name (link count
/// 1) is served. A hard link put under reports/ to the individrapport is the same file under a second name, which the
/// /proc/self/fd check cannot see; a FIFO or a device swapped in would block or never end a download.
internal static class PlainFile
{
    private const int ONonBlock = 0x800, OCloexec = 0x80000, ONoctty = 0x100;
    private const int AtFdCwd = -100, AtEmptyPath = 0x1000, AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 1, StatxNlink = 4;
    private const ushort TypeMask = 0xF000, Regular = 0x8000;

    /// Opens read-only without blocking (a FIFO opens at once instead of waiting for a writer), then keeps the
    /// descriptor only when it is a regular file with a single link. Null otherwise, or when it cannot be opened.
    public static SafeFileHandle? Open(string path)
    {
        var fd = OpenFd(path, OCloexec | ONonBlock | ONoctty);
        if (fd < 0) return null;
        var handle = new SafeFileHandle(fd, ownsHandle: true);
        if (IsPlain(fd, "", AtEmptyPath)) return handle;
        handle.Dispose();
        return null;
    }

    /// The name itself (a symbolic link is not followed) is a regular file with a single link.
    public static bool IsPlain(string path) => IsPlain(AtFdCwd, path, AtSymlinkNoFollow);

    private static bool IsPlain(int dirFd, string path, int flags)
    {
        var buffer = new byte[256]; // struct statx, the same layout on every architecture
        if (Statx(dirFd, path, flags, StatxType | StatxNlink, buffer) != 0) return false;
        var nlink = BitConverter.ToUInt32(buffer, 16);
        var mode = BitConverter.ToUInt16(buffer, 28);
        return (mode & TypeMask) == Regular && nlink == 1;
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int OpenFd([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int dirFd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
}
