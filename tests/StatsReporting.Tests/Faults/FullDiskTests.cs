using System.Diagnostics;
using StatsReporting.Tests.Support;

namespace StatsReporting.Tests.Faults;

/// A full disk (a 600 KB tmpfs) and a read-only output folder: `report` ends with a Swedish error that names the
/// user's folder (no hidden temporary path), and the quarter's earlier files are as they were. Needs root for mount.
[Collection("Console")]
public class FullDiskTests : IDisposable
{
    private readonly TestEnv _env = new();
    private readonly string _mount;

    public FullDiskTests()
    {
        _mount = Directory.CreateDirectory(_env.PathOf("ut")).FullName;
        Mount("-t", "tmpfs", "-o", "size=600k,mode=755", "tmpfs", _mount);
        Directory.CreateDirectory(Path.Combine(_mount, "2025Q2"));
        foreach (var name in Earlier) File.WriteAllText(Path.Combine(_mount, "2025Q2", name), $"förra körningens {name}");
        _env.Importer().Import(TestEnv.SampleCsv);
    }

    public void Dispose()
    {
        Mount("-l", _mount); // umount, lazily if a handle is still open
        _env.Dispose();
    }

    private static readonly string[] Earlier = ["evb-sol-2025Q2.xlsx", "evb-lss-2025Q2.xlsx", "kontroller-2025Q2.json"];

    [Fact]
    public void Report_on_a_full_disk_says_so_in_Swedish_names_the_folder_and_keeps_the_earlier_files() =>
        RefusedWith("disken är full");

    [Fact]
    public void Report_into_a_read_only_folder_says_so_in_Swedish_and_keeps_the_earlier_files()
    {
        Mount("-o", "remount,ro", _mount);
        RefusedWith("mappen ligger på ett skrivskyddat filsystem");
    }

    private void RefusedWith(string reason)
    {
        var r = CliInProcess.Run("report", "--period", "2025Q2", "--db", _env.Db.Path, "--out", _mount);
        Assert.Equal(1, r.Code);
        Assert.Equal($"Fel: Kunde inte skriva '{_mount}/2025Q2': {reason}. Inget har ändrats; de tidigare filerna ligger kvar.",
            r.Err.Split('\n').Single(l => l.StartsWith("Fel:")));
        Assert.DoesNotContain("No space", r.Err);
        Assert.DoesNotContain("Read-only", r.Err);
        Assert.Equal(Earlier.Order(), FaultSupport.Files(Path.Combine(_mount, "2025Q2")));
        foreach (var name in Earlier) Assert.Equal($"förra körningens {name}", File.ReadAllText(Path.Combine(_mount, "2025Q2", name)));
        Assert.Empty(FaultSupport.Hidden(_mount));
    }

    private static void Mount(params string[] args)
    {
        var umount = args[0] == "-l";
        using var p = Process.Start(new ProcessStartInfo(umount ? "umount" : "mount", args) { RedirectStandardError = true })!;
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0 && !umount) throw new InvalidOperationException($"mount {string.Join(' ', args)}: {err} (testet behöver root)");
    }
}
