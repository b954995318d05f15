using StatsReporting.Decisions;
using StatsReporting.Ivo;
using StatsReporting.Tests.Ivo;
using StatsReporting.Tests.Support;

namespace StatsReporting.Tests.Postgres;

/// The same installation twice, on SQLite and on a fresh Postgres database, with the same clock; every step is run
/// on both and the written files are read back and compared cell by cell.
public sealed class Twin : IDisposable
{
    public PostgresDatabase Database { get; } = new();
    public TestEnv Sqlite { get; } = new();
    public TestEnv Postgres { get; }

    public Twin() => Postgres = Database.Env();

    public TestEnv[] Both => [Sqlite, Postgres];

    public void Dispose()
    {
        Sqlite.Dispose();
        Postgres.Dispose();
        Database.Dispose();
    }
}

/// What a quarter's outputs say, read back from the files: every cell of every sheet of every workbook the report
/// (both KF workbooks), the IVO export (individrapport, särskild avgift) and the bevakningslista write, and the IVO
/// rows of its CSV.
public sealed record Outputs(List<string> Cells, List<string[]> IvoRows, IvoExportResult? Ivo)
{
    /// The KF report (`import`: as `report --import N` makes it) and, for the latest records, the IVO export and the
    /// bevakningslista on the quarter's last day.
    public static Outputs Of(TestEnv env, Period q, DateOnly asOf, long? import = null, string tag = "")
    {
        var files = env.Reports().Write(q, asOf, env.PathOf("reports" + tag), upToImport: import).Select(f => f.Path).ToList();
        var ivo = import is null ? IvoHistory.Export(env).Write(q, env.PathOf("ivo" + tag)) : null;
        files.AddRange(ivo?.Files.Select(f => f.Path) ?? []);
        if (import is null)
        {
            var bevakning = new global::StatsReporting.Bevakning.BevakningService(TestEnv.Settings.For(env.Db));
            files.Add(bevakning.WriteWorkbook(bevakning.List(asOf), env.PathOf("bevakning" + tag)));
        }
        var cells = new List<string>();
        foreach (var file in files.Where(f => f.EndsWith(".xlsx", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            foreach (var (sheet, rows) in Xlsx.Read(file).OrderBy(s => s.Key, StringComparer.Ordinal))
                for (var r = 0; r < rows.Count; r++)
                    for (var c = 0; c < rows[r].Length; c++)
                        cells.Add($"{Path.GetFileName(file)} | {sheet} | R{r + 1}C{c + 1}: {rows[r][c]}");
        var csv = ivo is null ? [] : IvoHistory.ReadCsv(ivo.Files.Single(f => f.Path.EndsWith(".csv", StringComparison.Ordinal)).Path);
        return new(cells, csv, ivo);
    }

    public IEnumerable<string> Workbooks => Cells.Select(c => c[..c.IndexOf(" | ", StringComparison.Ordinal)]).Distinct();

    public IEnumerable<string> Vanished => Ivo?.Forsvunna.Select(f => $"{f.Vanished.Decision.BeslutId} {f.Insats} {f.LastSeenIn} {f.MissingFrom} {f.InReportAs}") ?? [];

    /// The two are the same, cell for cell and row for row.
    public static void AssertSame(Outputs sqlite, Outputs postgres)
    {
        Assert.Equal(sqlite.Workbooks, postgres.Workbooks);
        Assert.Equal(sqlite.Cells, postgres.Cells);
        Assert.Equal(sqlite.IvoRows, postgres.IvoRows);
        Assert.Equal(sqlite.Vanished, postgres.Vanished);
    }
}
