using System.Diagnostics;
using Xunit.Abstractions;
using StatsReporting.Tests.Support;
using static StatsReporting.Tests.Faults.FaultSupport;

namespace StatsReporting.Tests.Faults;

/// SIGKILL of the real CLI's `run` at seeded random moments, over a quarter already reported once: afterwards the
/// database is whole, reports/2025Q2/ and the IVO quarter folder each hold one complete set (every file from the
/// earlier run or every file from the killed one), and the next run leaves no temporary file and gives the same
/// numbers as a run that was never interrupted.
[Collection("Faults")]
public class RunKillTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("statsreporting-runkill-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string[] RunArgs(string work) =>
        ["run", "--period", "2025Q2", "--as-of", "2025-07-15", "--db", Path.Combine(work, "data", "statsreporting.db"), "--inbox", Path.Combine(work, "inkorg")];

    [Fact]
    public void Run_killed_at_ten_random_points_leaves_one_whole_set_per_folder_and_the_next_run_gives_the_same_numbers()
    {
        // The earlier run: the sample imported and 2025Q2 reported as of its last day.
        var template = Path.Combine(_dir, "template");
        Directory.CreateDirectory(Path.Combine(template, "inkorg"));
        File.Copy(TestEnv.SampleCsv, Path.Combine(template, "inkorg", "beslut.csv"));
        Assert.True(RunAndKill(template, TimeSpan.FromMinutes(2), "run", "--period", "2025Q2", "--db", Path.Combine(template, "data", "statsreporting.db"),
            "--inbox", Path.Combine(template, "inkorg")));
        // The killed runs have a new snapshot to import too: 20 decisions verkställda in July.
        File.WriteAllLines(Path.Combine(template, "inkorg", "beslut-juli.csv"), Later(File.ReadAllLines(TestEnv.SampleCsv)), new System.Text.UTF8Encoding(true));
        var kfFiles = Files(Kf(template));
        var ivoFiles = Files(Ivo(template));
        Assert.Equal(3, ivoFiles.Count); // individrapport xlsx and csv, and the särskild avgift list

        var clean = Copy(template, "ostord");
        var watch = Stopwatch.StartNew();
        Assert.True(RunAndKill(clean, TimeSpan.FromMinutes(2), RunArgs(clean)));
        var full = watch.Elapsed;
        var expected = Numbers(clean);

        var random = new Random(2025);
        var outcomes = new List<string>();
        // At least ten real kills: on a busy machine a run sometimes finishes before its moment comes.
        for (var (i, kills) = (0, 0); kills < 10; i++)
        {
            Assert.True(i < 30, $"bara {kills} av {i} försök hann dödas: {string.Join("; ", outcomes)}");
            var work = Copy(template, $"kill{i}");
            var start = DateTime.UtcNow; // the copied set is an hour old (Copy)
            var at = TimeSpan.FromSeconds(0.3 + random.NextDouble() * 0.9 * full.TotalSeconds);
            var ended = RunAndKill(work, at, RunArgs(work));
            if (!ended) kills++;
            Assert.Equal("ok", IntegrityCheck(Path.Combine(work, "data", "statsreporting.db")));
            var kf = OneSet(Kf(work), kfFiles, start);
            var ivo = OneSet(Ivo(work), ivoFiles, start);
            outcomes.Add($"{at.TotalSeconds:F1} s: {(ended ? "klar före" : "dödad")}, KF {kf}, IVO {ivo}");

            Assert.True(RunAndKill(work, TimeSpan.FromMinutes(2), RunArgs(work)));
            foreach (var folder in new[] { "reports", "data" }) Assert.Empty(Hidden(Path.Combine(work, folder)));
            Assert.Equal(2, Files(Path.Combine(work, "data", "archive")).Count);
            Assert.Equal(expected, Numbers(work));
            Directory.Delete(work, recursive: true);
        }
        output.WriteLine($"Oavbruten körning: {full.TotalSeconds:F1} s. SIGKILL under run: " + string.Join("; ", outcomes));
    }

    private static string Kf(string work) => Path.Combine(work, "reports", "2025Q2");
    private static string Ivo(string work) => Path.Combine(work, "data", "ivo", "2025Q2");

    /// "förra" or "nya": every file of the folder is there, and all are older than the killed run or all newer.
    private static string OneSet(string folder, IReadOnlyList<string> names, DateTime start)
    {
        Assert.Equal(names, Files(folder));
        Assert.Empty(Hidden(folder));
        var newer = names.Select(n => File.GetLastWriteTimeUtc(Path.Combine(folder, n)) > start).Distinct().ToList();
        Assert.Single(newer);
        return newer[0] ? "nya" : "förra";
    }

    /// What a person reads: every row of both laws' Sammanställning and every line of the IVO csv.
    private static string Numbers(string work)
    {
        var rows = new[] { "sol", "lss" }.Select(l => Xlsx.Read(Path.Combine(Kf(work), $"evb-{l}-2025Q2.xlsx"))["Sammanställning"])
            .SelectMany(sheet => sheet.Select(r => string.Join(";", r)));
        return string.Join("\n", rows) + "\n" + File.ReadAllText(Path.Combine(Ivo(work), "ivo-individrapport-2025Q2.csv"));
    }

    /// The sample as a later export: the first 20 open decisions now verkställda on 2025-07-10.
    private static IEnumerable<string> Later(string[] lines)
    {
        var changed = 0;
        yield return lines[0].TrimStart('\uFEFF');
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split(';');
            if (changed < 20 && cells[9] == "" && cells[10] == "") { cells[9] = "2025-07-10"; changed++; }
            yield return string.Join(';', cells);
        }
    }

    private string Copy(string template, string name)
    {
        var work = Path.Combine(_dir, name);
        CopyTree(template, work);
        foreach (var f in Directory.EnumerateFiles(work, "*", SearchOption.AllDirectories)) File.SetLastWriteTimeUtc(f, DateTime.UtcNow.AddHours(-1));
        return work;
    }
}
