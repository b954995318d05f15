using System.Runtime.InteropServices;
using SQLitePCL;

namespace StatsReporting.Records;

/// sqlite3_bind_* and sqlite3_reset called straight into the e_sqlite3 library that SQLitePCL loaded, for the
/// importer's one statement, run a million times: SQLitePCL's own calls take a reference on the statement's
/// SafeHandle and make a full managed-to-native transition each time, which cost more than the binding itself.
/// These functions only copy a value into the statement, never block and never call back, so they may skip the
/// transition (SuppressGCTransition). The caller keeps the statement alive (its SafeHandle) while it binds.
internal static unsafe class SqliteBind
{
    private const nint Transient = -1; // SQLITE_TRANSIENT: SQLite copies the bytes before the call returns
    private static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, byte*, int, nint, int> BindText;
    private static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, long, int> BindInt64;
    private static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, int> BindNull;
    private static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int> Reset;

    static SqliteBind()
    {
        var lib = NativeLibrary.Load("e_sqlite3", typeof(SQLite3Provider_e_sqlite3).Assembly, null);
        BindText = (delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, byte*, int, nint, int>)NativeLibrary.GetExport(lib, "sqlite3_bind_text");
        BindInt64 = (delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, long, int>)NativeLibrary.GetExport(lib, "sqlite3_bind_int64");
        BindNull = (delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, int>)NativeLibrary.GetExport(lib, "sqlite3_bind_null");
        Reset = (delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int>)NativeLibrary.GetExport(lib, "sqlite3_reset");
    }

    public static int Text(nint stmt, int at, ReadOnlySpan<byte> utf8)
    {
        fixed (byte* p = utf8) return BindText(stmt, at, p, utf8.Length, Transient);
    }

    public static int Int64(nint stmt, int at, long value) => BindInt64(stmt, at, value);

    public static int Null(nint stmt, int at) => BindNull(stmt, at);

    public static int ResetStatement(nint stmt) => Reset(stmt);
}
