using System.Diagnostics;
using Dapper;
using Microsoft.Data.Sqlite;
using StatsReporting.Tests.Support;

namespace StatsReporting.Tests.Faults;

/// The real CLI as its own process, killed with SIGKILL when asked, and what the folders hold afterwards.
public static class FaultSupport
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "statsreporting.dll");

    /// Runs the CLI in `workDir` and kills it (SIGKILL: Process.Kill on Linux) after `after`; true if it ended by itself first.
    public static bool RunAndKill(string workDir, TimeSpan after, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = workDir, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        p.OutputDataReceived += (_, _) => { };
        p.ErrorDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        if (p.WaitForExit(after)) return true;
        p.Kill();
        p.WaitForExit();
        return false;
    }

    /// The sample's 309 rows repeated under new beslut-ids: `rows` valid decisions, the same every time.
    public static string LargeCsv(string path, int rows)
    {
        var lines = File.ReadAllText(TestEnv.SampleCsv).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var body = lines.Skip(1).ToArray();
        using var w = new StreamWriter(path, false, new System.Text.UTF8Encoding(true));
        w.Write(lines[0] + "\r\n");
        for (var i = 0; i < rows; i++)
        {
            var template = body[i % body.Length];
            w.Write($"G-{i:D6}{template[template.IndexOf(';')..]}\r\n");
        }
        return path;
    }

    public static string IntegrityCheck(string dbPath)
    {
        using var c = new SqliteConnection($"Data Source={dbPath};Pooling=False");
        c.Open();
        return string.Join(",", c.Query<string>("PRAGMA integrity_check"));
    }

    public static T Scalar<T>(string dbPath, string sql)
    {
        using var c = new SqliteConnection($"Data Source={dbPath};Pooling=False");
        c.Open();
        return c.ExecuteScalar<T>(sql)!;
    }

    /// Every hidden entry (all of this program's temporary names are hidden) under `dir`, relative to it.
    public static IReadOnlyList<string> Hidden(string dir) => !Directory.Exists(dir) ? [] :
        Directory.EnumerateFileSystemEntries(dir, "*", SearchOption.AllDirectories)
            .Where(e => Path.GetFileName(e).StartsWith('.')).Select(e => Path.GetRelativePath(dir, e)).ToList();

    /// The files of a set, relative to its folder, in order.
    public static IReadOnlyList<string> Files(string dir) => !Directory.Exists(dir) ? [] :
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(dir, f)).Order(StringComparer.Ordinal).ToList();

    public static void CopyTree(string from, string to)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }
}
