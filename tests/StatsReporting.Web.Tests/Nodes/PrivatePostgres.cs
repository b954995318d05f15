using System.Diagnostics;
using Npgsql;
using StatsReporting.Web.Tests.Support;

namespace StatsReporting.Web.Tests.Nodes;

/// A PostgreSQL server of this test's own (initdb in a temporary folder, pg_ctl on a free port on 127.0.0.1), so that
/// the test can stop it (`-m immediate`, as a crash or a failover does) and start it again without touching the shared
/// test server. Run as the postgres user when the tests run as root (initdb refuses root). Trust authentication on
/// loopback: no password to keep.
public sealed class PrivatePostgres : IDisposable
{
    private static readonly string Bin = Directory.GetDirectories("/usr/lib/postgresql").Order().Last() + "/bin";
    private static bool Root => Environment.UserName == "root";

    public string Dir { get; } = Directory.CreateTempSubdirectory("pg-private-").FullName;
    public int Port { get; } = ChildProcess.FreePort();
    public string Data => Path.Combine(Dir, "data");

    public PrivatePostgres()
    {
        if (Root) Run("chown", "postgres", Dir);
        Pg("initdb", "-D", Data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C", "-N");
        Start();
    }

    /// The superuser's connection string to `database`.
    public string ConnectionString(string database = "postgres", string user = "postgres") =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = user, Database = database, Pooling = false, Timeout = 5 }.ConnectionString;

    public void Start() => Pg("pg_ctl", "-D", Data, "-l", Path.Combine(Dir, "server.log"), "-w", "-t", "60",
        "-o", $"-p {Port} -k {Dir} -c listen_addresses=127.0.0.1 -c fsync=off", "start");

    /// As a crash: every session cut at once, no checkpoint.
    public void StopImmediately() => Pg("pg_ctl", "-D", Data, "-m", "immediate", "-w", "stop");

    public void Execute(string sql, string database = "postgres")
    {
        using var c = new NpgsqlConnection(ConnectionString(database));
        c.Open();
        using var cmd = new NpgsqlCommand(sql, c);
        cmd.ExecuteNonQuery();
    }

    private static void Pg(string tool, params string[] args) =>
        Run(Root ? "runuser" : Path.Combine(Bin, tool), Root ? ["-u", "postgres", "--", Path.Combine(Bin, tool), .. args] : args);

    private static void Run(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)} gav {p.ExitCode}: {stdout.Result} {stderr}");
    }

    public void Dispose()
    {
        try { Pg("pg_ctl", "-D", Data, "-m", "immediate", "-w", "stop"); } catch (InvalidOperationException) { } // already stopped
        try { Directory.Delete(Dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
