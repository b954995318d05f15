using System.Diagnostics;
using System.Globalization;
using StatsReporting.Bench;
using StatsReporting.Storage;
using StatsReporting.Jobs;

namespace StatsReporting.Cli;

/// `bench [--records N[,N…]] [--out MAPP] [--repeat R] [--sample MAPP]`: the performance benchmark (issue 13). Each
/// timed step runs in a child process of this program (`bench --step …`), so its peak RSS is its own.
public static class BenchCommand
{
    public static int Run(Args args)
    {
        if (args.Option("step") is { } step) return Step(step, args);
        args.Allow("bench", "records", "out", "repeat", "sample", "provider");
        var sizes = (args.Option("records") ?? "10000").Split(',').Select(n =>
            int.TryParse(n.Replace("_", ""), NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0 ? v
                : throw new UsageException($"--records '{n}' är inget positivt heltal.")).ToList();
        var repeat = int.TryParse(args.Option("repeat") ?? "3", NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r > 0 ? r
            : throw new UsageException("--repeat ska vara ett positivt heltal.");
        var settings = Installation.Load();
        var postgres = args.Option("provider") switch
        {
            null or "sqlite" => null,
            "postgres" => PostgresBench.ConnectionString(settings.Get<StorageSettings>())
                ?? throw new UsageException("--provider postgres behöver ConnectionStrings:Postgres (eller miljövariabeln STATSREPORTING_TEST_POSTGRES)."),
            var other => throw new UsageException($"--provider '{other}' är okänd (sqlite eller postgres)."),
        };
        var sample = args.Option("sample") ?? settings.Paths.Inbox;
        var keep = args.Option("out") is not null;
        var work = Path.GetFullPath(args.Option("out") ?? Path.Combine(Path.GetTempPath(), $"statsreporting-bench-{Environment.ProcessId}"));
        Directory.CreateDirectory(work);
        try
        {
            var load = BenchTable.Load();
            var sqlite3 = Sqlite3Yardsticks.Version();
            if (sqlite3 is null) Console.Error.WriteLine("sqlite3 finns inte på den här maskinen: bara våra egna siffror skrivs ut (inget installeras).");
            var runner = new BenchRunner(Child, work, repeat, Console.Error);
            SampleRun? run = null;
            if (Directory.Exists(sample)) run = runner.RunSample(sample);
            else Console.Error.WriteLine($"Exempelmappen '{sample}' finns inte: run på exemplet mäts inte.");
            var results = sizes.Select(n => postgres is not null && n > BenchRunner.SqliteUpTo ? runner.PostgresOnly(n) : runner.Size(n, sqlite3 is not null)).ToList();
            var pg = postgres is null ? null
                : sizes.Select(n => new PostgresBench(Child, work, repeat, Console.Error, postgres).Size(n, BenchRunner.FilesOf(work, n))).ToList();
            Console.WriteLine(BenchTable.Format(results, run, BenchTable.Machine(sqlite3, load), pg));
            return 0;
        }
        finally
        {
            if (!keep) Directory.Delete(work, recursive: true);
        }
    }

    private static int Step(string step, Args args)
    {
        var settings = Installation.Load();
        var result = step switch
        {
            "import" => BenchSteps.Import(settings, args.Required("db"), args.Required("file")),
            "parse" => BenchSteps.Parse(settings, args.Required("file")),
            "report" => BenchSteps.Report(settings, args.Required("db"), args.Required("out")),
            _ => throw new UsageException($"okänt steg '{step}'."),
        };
        Console.WriteLine(BenchSteps.Line(result));
        return 0;
    }

    /// This program again, the same way it was started (apphost, or dotnet with the assembly).
    private static ProcessStartInfo Child(IReadOnlyList<string> args)
    {
        var self = Environment.ProcessPath!;
        var psi = new ProcessStartInfo(self);
        // The SQLite figures are SQLite's whatever appsettings.json says; PostgresBench sets Postgres for its own steps.
        psi.Environment["StatsReporting__Storage__Provider"] = "Sqlite";
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") psi.ArgumentList.Add(typeof(BenchCommand).Assembly.Location);
        foreach (var a in args) psi.ArgumentList.Add(a);
        return psi;
    }
}
