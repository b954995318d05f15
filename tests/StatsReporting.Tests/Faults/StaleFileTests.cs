using StatsReporting.Storage;
using StatsReporting.Tests.Support;
using StatsReporting.Jobs;
using StatsReporting.FileSystem;

namespace StatsReporting.Tests.Faults;

/// What a killed process leaves is swept at the next start; what anyone else put in the folders stays.
[Collection("Console")] // one test runs the CLI in-process
public class StaleFileTests : IDisposable
{
    private readonly TestEnv _env = new();
    public void Dispose() => _env.Dispose();

    // No process has this id (Linux caps ids at 2^22).
    private const int Dead = 99_999_999;
    private static string Hex => Guid.NewGuid().ToString("N");

    [Fact]
    public void Sweep_removes_temporary_files_staging_folders_and_orphan_archive_copies_of_dead_processes_only()
    {
        var outcome = _env.Importer().Import(TestEnv.SampleCsv);
        var archive = _env.PathOf("archive");
        var kept = Directory.GetFiles(archive).Single();
        var orphan = Path.Combine(archive, new string('a', 64) + ".csv");
        var archiveTemp = Path.Combine(archive, $".{new string('b', 64)}.{Dead}.{Hex}.csv");
        var reports = Directory.CreateDirectory(_env.PathOf("reports/2025Q2/diagram")).Parent!.Parent!.FullName;
        var chartTemp = Path.Combine(reports, "2025Q2", "diagram", $".sol-kon.{Dead}.{Hex}.png");
        var staging = Path.Combine(reports, $".2025Q2.{Dead}.{Hex}.new");
        var live = Path.Combine(reports, $".2025Q2.{Environment.ProcessId}.{Hex}.new");
        var someoneElse = Path.Combine(reports, "2025Q2", ".anteckningar.txt");
        foreach (var f in new[] { orphan, archiveTemp, chartTemp, someoneElse }) File.WriteAllText(f, "x");
        Directory.CreateDirectory(Path.Combine(staging, "diagram"));
        Directory.CreateDirectory(live);

        var removed = Leftovers.Sweep(_env.Db, TestEnv.Settings.Paths, reportsRoot: reports, ivoRoot: _env.PathOf("ivo"));

        Assert.Equal(4, removed);
        Assert.Equal([kept], Directory.GetFiles(archive));
        Assert.EndsWith($"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(TestEnv.SampleCsv)))}.csv", kept);
        Assert.Equal(1, outcome.ImportId);
        Assert.False(File.Exists(chartTemp));
        Assert.False(Directory.Exists(staging));
        Assert.True(Directory.Exists(live)); // this process is alive: its staging folder is still being written
        Assert.True(File.Exists(someoneElse));
    }

    [Fact]
    public void A_set_killed_mid_swap_without_exchange_gets_the_earlier_set_back()
    {
        var reports = Directory.CreateDirectory(_env.PathOf("reports")).FullName;
        var old = Directory.CreateDirectory(Path.Combine(reports, $".2025Q2.{Dead}.{Hex}.old")).FullName;
        File.WriteAllText(Path.Combine(old, "evb-sol-2025Q2.xlsx"), "förra");
        var unfinished = Directory.CreateDirectory(Path.Combine(reports, $".2025Q2.{Dead}.{Hex}.new")).FullName;

        Assert.Equal(2, StaleFiles.SweepSiblings(reports, "2025Q2"));

        Assert.Equal("förra", File.ReadAllText(Path.Combine(reports, "2025Q2", "evb-sol-2025Q2.xlsx")));
        Assert.False(Directory.Exists(unfinished));
        Assert.Equal(["2025Q2"], Directory.EnumerateFileSystemEntries(reports).Select(Path.GetFileName));
    }

    [Fact]
    public void Writing_a_set_twice_replaces_every_file_and_drops_what_the_new_set_does_not_have()
    {
        var folder = _env.PathOf("reports/2025Q2");
        OutputSet.Write(folder, dir => { File.WriteAllText(Path.Combine(dir, "a.txt"), "1"); File.WriteAllText(Path.Combine(dir, "b.txt"), "1"); return []; });
        var written = OutputSet.Write(folder, dir =>
        {
            var a = Path.Combine(dir, "a.txt");
            File.WriteAllText(a, "2");
            return [new("a", a)];
        });
        Assert.Equal(Path.Combine(folder, "a.txt"), written.Single().Path);
        Assert.Equal("2", File.ReadAllText(Path.Combine(folder, "a.txt")));
        Assert.False(File.Exists(Path.Combine(folder, "b.txt")));
        Assert.Equal(["2025Q2"], Directory.EnumerateFileSystemEntries(_env.PathOf("reports")).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("beslut\u001b[2J.csv", "beslut\\u001B[2J.csv")]
    [InlineData("beslut\nFel: falsk rad.csv", "beslut\\nFel: falsk rad.csv")]
    [InlineData("beslut\u202Evsc.exe", "beslut\\u202Evsc.exe")]
    [InlineData("Beslut för Åsa.csv", "Beslut för Åsa.csv")]
    public void Control_characters_in_a_name_are_shown_escaped(string name, string shown) =>
        Assert.Equal(shown, UserText.Escape(name));

    [Fact]
    public void A_file_name_with_an_escape_sequence_is_echoed_escaped_by_import()
    {
        var path = _env.PathOf("beslut\u001b]0;x\u0007.csv");
        File.WriteAllText(path, "beslut_id;person_id\nA-1;x\n");
        var r = CliInProcess.Run("import", path, "--db", _env.Db.Path);
        Assert.Equal(1, r.Code);
        Assert.DoesNotContain('\u001b', r.Err);
        Assert.Contains("beslut\\u001B]0;x\\u0007.csv", r.Err);
    }
}
