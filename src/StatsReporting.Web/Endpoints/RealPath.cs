using System.Runtime.InteropServices;

namespace StatsReporting.Web.Endpoints;

/// realpath(3): a folder's location with every symbolic link resolved, as /proc/self/fd shows an opened file's.
internal static class RealPath
{
    public static string Of(string path)
    {
        var p = Resolve(path, IntPtr.Zero);
        if (p == IntPtr.Zero) return path; // missing: then nothing below it opens either
        try { return Marshal.PtrToStringUTF8(p)!; }
        finally { Free(p); }
    }

    [DllImport("libc", EntryPoint = "realpath", SetLastError = true)]
    private static extern IntPtr Resolve([MarshalAs(UnmanagedType.LPUTF8Str)] string path, IntPtr resolved);

    [DllImport("libc", EntryPoint = "free")]
    private static extern void Free(IntPtr p);
}
