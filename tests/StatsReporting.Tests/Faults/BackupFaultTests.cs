using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;
using StatsReporting.Backups;
using StatsReporting.Decisions;
using StatsReporting.Ivo;
using StatsReporting.Reports;
using StatsReporting.Storage;
using StatsReporting.Tests.Support;
using Xunit.Abstractions;
using static StatsReporting.Tests.Faults.FaultSupport;

namespace StatsReporting.Tests.Faults;

/// Backups while the real CLI imports 50 000 decisions and runs the quarter, and the real CLI's `backup` killed with
/// SIGKILL: every backup that restore accepts is whole, and what it restores is a state the database really had.
[Collection("Faults")]
public partial class BackupFaultTests(ITestOutputHelper output) : IDisposable
{
    private const int Rows = 50_000;
    private static readonly Period[] Quarters = [new(2024, 3), new(2024, 4), new(2025, 1), new(2025, 2)];
    private readonly string _dir = Directory.CreateTempSubdirectory("statsreporting-backupfault-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Work => Path.Combine(_dir, "work");
    private string DbPath => Path.Combine(Work, "data", "statsreporting.db");
    private string Archive => Path.Combine(Work, "data", "archive");

    [Fact]
    public void Backups_taken_during_an_import_of_50_000_decisions_and_a_run_restore_to_a_state_before_or_after_each_import_with_the_same_outputs()
    {
        Directory.CreateDirectory(Work);
        Assert.Equal(0, CliProcess.Run(Work, "import", TestEnv.SampleCsv, "--db", DbPath).ExitCode);
        var big = LargeCsv(Path.Combine(_dir, "stor.csv"), Rows);
        var inbox = Directory.CreateDirectory(Path.Combine(_dir, "inkorg")).FullName;
        // The run's import: the sample's next snapshot, in which two decisions were verkställda.
        var changed = File.ReadAllText(TestEnv.SampleCsv).Replace("A-0235;19621226-T314;M;LSS;;9 § 9;;2024-08-16;;;", "A-0235;19621226-T314;M;LSS;;9 § 9;;2024-08-16;;2025-03-01;")
            .Replace("A-0119;19830726-T271;M;SoL;OF;Kontaktperson;;2024-10-14;;;", "A-0119;19830726-T271;M;SoL;OF;Kontaktperson;;2024-10-14;;2025-04-02;");
        File.WriteAllText(Path.Combine(inbox, "beslut-2.csv"), changed, new System.Text.UTF8Encoding(true));

        // What the database holds between the steps, copied while nothing writes: the states a backup may show.
        var states = new Dictionary<long, string> { [1] = Snapshot("fore") };
        var backups = new List<(string Folder, TimeSpan Start, TimeSpan End)>();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var root = Path.Combine(_dir, "backups");
        Exception? failed = null;
        var taker = new Thread(() =>
        {
            var db = new Db(DbPath);
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    var start = clock.Elapsed;
                    using (BackupWriter.Lock(db)) backups.Add((BackupWriter.Take(db, Archive, root, TimeProvider.System).Folder, start, clock.Elapsed));
                    Thread.Sleep(1000);
                }
            }
            catch (Exception e) { failed = e; }
        });
        taker.Start();
        Thread.Sleep(500);
        var import = (Start: clock.Elapsed, Result: CliProcess.Run(Work, "import", big, "--db", DbPath), End: clock.Elapsed);
        Assert.True(import.Result.ExitCode == 0, import.Result.Stderr);
        states[2] = Snapshot("import");
        var run = (Start: clock.Elapsed, Result: CliProcess.Run(Work, "run", "--period", "2025Q2", "--inbox", inbox, "--out", Path.Combine(_dir, "reports"), "--db", DbPath), End: clock.Elapsed);
        Assert.True(run.Result.ExitCode == 0, run.Result.Stderr);
        states[3] = Snapshot("run");
        Thread.Sleep(500);
        stop.Cancel();
        taker.Join();
        Assert.Null(failed);
        output.WriteLine($"import {import.Start.TotalSeconds:F1}–{import.End.TotalSeconds:F1} s, run {run.Start.TotalSeconds:F1}–{run.End.TotalSeconds:F1} s; "
            + $"säkerhetskopior: {string.Join(", ", backups.Select(b => $"{b.Start.TotalSeconds:F1}–{b.End.TotalSeconds:F1}"))}");
        Assert.Contains(backups, b => b.Start > import.Start && b.End < import.End);
        Assert.Contains(backups, b => b.Start > run.Start && b.End < run.End);

        var reference = states.ToDictionary(s => s.Key, s => Outputs(s.Value, $"ref{s.Key}"));
        Assert.NotEqual(reference[1], reference[2]);
        Assert.NotEqual(reference[2], reference[3]);
        var seen = new List<long>();
        foreach (var (b, i) in backups.Select((b, i) => (b, i)))
        {
            var target = Path.Combine(_dir, $"restored{i}", "data", "statsreporting.db");
            Restore.Run(b.Folder, target, Path.Combine(_dir, $"restored{i}", "data", "archive"), replace: false, TimeProvider.System);
            Assert.Equal("ok", IntegrityCheck(target));
            var last = Scalar<long>(target, "SELECT MAX(id) FROM imports");
            Assert.True(states.ContainsKey(last), $"import {last}");
            // Every import whole: the same rows in its snapshot as in the original's, and no version of a later one.
            for (var id = 1; id <= last; id++)
                Assert.Equal(Scalar<long>(states[3], $"SELECT COUNT(*) FROM import_decisions WHERE import_id = {id}"),
                    Scalar<long>(target, $"SELECT COUNT(*) FROM import_decisions WHERE import_id = {id}"));
            Assert.Equal(Scalar<long>(states[3], $"SELECT COUNT(*) FROM decision_versions WHERE import_id <= {last}"),
                Scalar<long>(target, "SELECT COUNT(*) FROM decision_versions"));
            seen.Add(last);
        }
        // The outputs of the first and the last backup that holds each state (of every backup they would take minutes).
        var compared = seen.Select((last, i) => (last, i)).GroupBy(x => x.last).SelectMany(g => new[] { g.First().i, g.Last().i }).Distinct().Order().ToList();
        foreach (var i in compared)
            Assert.Equal(reference[seen[i]], Outputs(Path.Combine(_dir, $"restored{i}", "data", "statsreporting.db"), $"out{i}"));
        output.WriteLine($"utdata jämförda för säkerhetskopiorna {string.Join(", ", compared)}");
        output.WriteLine($"{backups.Count} säkerhetskopior återställda; senaste import i var och en: {string.Join(", ", seen)}");
        Assert.Contains(2, seen);
    }

    /// The database as it is now, copied (nothing writes while this runs), with its archive.
    private string Snapshot(string name)
    {
        var to = Path.Combine(_dir, "states", name, "data");
        Directory.CreateDirectory(to);
        File.Copy(DbPath, Path.Combine(to, "statsreporting.db"));
        Directory.CreateDirectory(Path.Combine(to, "archive"));
        CopyTree(Archive, Path.Combine(to, "archive"));
        return Path.Combine(to, "statsreporting.db");
    }

    /// Every KF and IVO output of every quarter made from the database at `dbPath`, as the quarter's job writes them
    /// (as of the quarter's last day), each file's content by its name.
    private string Outputs(string dbPath, string name)
    {
        var n = TestEnv.Settings.For(new Db(dbPath));
        var (kf, ivo) = (Path.Combine(_dir, name, "reports"), Path.Combine(_dir, name, "ivo"));
        var clock = new FakeClock(new DateTimeOffset(2025, 7, 15, 10, 0, 0, TimeSpan.Zero));
        foreach (var q in Quarters)
        {
            new ReportService(n).Write(q, q.End, kf);
            new IvoExport(n, clock).Write(q, ivo, kf, asOf: q.End);
        }
        return string.Join("\n", new[] { kf, ivo }.SelectMany(root => Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => $"{Path.GetRelativePath(Path.Combine(_dir, name), f)} {Content(File.ReadAllBytes(f), f)}")).Order(StringComparer.Ordinal));
    }

    /// A file's content: its bytes' SHA-256; for a package (xlsx, docx, the zip) what a reader sees: the sheets, shared
    /// strings, styles and document text with the relationship ids OpenXml draws at random taken out, the pictures'
    /// bytes, and the files inside the zip. Document properties (the time of writing) and relationship parts are left out.
    private static string Content(byte[] bytes, string name)
    {
        if (Path.GetExtension(name) is not (".xlsx" or ".docx" or ".zip")) return Convert.ToHexStringLower(SHA256.HashData(bytes));
        using var zip = new ZipArchive(new MemoryStream(bytes));
        var parts = new List<string>();
        foreach (var e in zip.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
        {
            using var s = e.Open();
            var ms = new MemoryStream();
            s.CopyTo(ms);
            var n = e.FullName;
            if (n.EndsWith(".xlsx", StringComparison.Ordinal) || n.EndsWith(".docx", StringComparison.Ordinal) || !n.Contains('/'))
                parts.Add($"{n}:{Content(ms.ToArray(), n)}");
            else if (n.Contains("/media/", StringComparison.Ordinal))
                parts.Add($"media:{Convert.ToHexStringLower(SHA256.HashData(ms.ToArray()))}");
            else if (n.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal) || n is "xl/sharedStrings.xml" or "xl/styles.xml" or "xl/workbook.xml" or "word/document.xml" or "word/styles.xml")
                parts.Add($"{n}:{RelationshipIds().Replace(System.Text.Encoding.UTF8.GetString(ms.ToArray()), "")}");
        }
        return "{" + string.Join(" ", parts.Order(StringComparer.Ordinal)) + "}";
    }

    [System.Text.RegularExpressions.GeneratedRegex("\\b(r:)?(id|embed)=\"[^\"]*\"")]
    private static partial System.Text.RegularExpressions.Regex RelationshipIds();
}
