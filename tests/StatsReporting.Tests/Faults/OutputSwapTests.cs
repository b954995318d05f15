using StatsReporting.FileSystem;

namespace StatsReporting.Tests.Faults;

/// Why the web's ReportFiles.Open checks the opened handle again after a failed check: a set swapped in between the
/// open and the check (a run, or another node's set written here) leaves the handle on the previous set's file, which
/// now lies under the hidden staging name and is then deleted, so /proc/self/fd/N no longer names the path asked for.
public class OutputSwapTests
{
    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void A_file_opened_before_a_set_is_swapped_in_is_the_old_set_s_and_no_longer_at_its_path()
    {
        var root = Directory.CreateTempSubdirectory("swap-").FullName;
        try
        {
            var folder = Path.Combine(root, "2025Q2");
            Write(folder, "gammal");
            var path = Path.Combine(folder, "evb-sol-2025Q2.xlsx");
            using var old = new FileStream(path, FileMode.Open, FileAccess.Read);
            Assert.Equal(path, new FileInfo($"/proc/self/fd/{old.SafeFileHandle.DangerousGetHandle()}").LinkTarget);

            Write(folder, "ny");

            var target = new FileInfo($"/proc/self/fd/{old.SafeFileHandle.DangerousGetHandle()}").LinkTarget!;
            Assert.NotEqual(path, target);
            Assert.StartsWith(Path.Combine(root, ".2025Q2"), target); // the hidden staging folder, swept after the swap
            Assert.EndsWith("/evb-sol-2025Q2.xlsx (deleted)", target);
            Assert.Equal("gammal", new StreamReader(old).ReadToEnd()); // whole, and the old set's
            Assert.Equal("ny", File.ReadAllText(path)); // opened again: the new set's
        }
        finally { Directory.Delete(root, recursive: true); }
    }

    private static void Write(string folder, string text) => OutputSet.Write(folder, dir =>
    {
        var file = Path.Combine(dir, "evb-sol-2025Q2.xlsx");
        File.WriteAllText(file, text);
        return [new WrittenFile("test", file)];
    });
}
