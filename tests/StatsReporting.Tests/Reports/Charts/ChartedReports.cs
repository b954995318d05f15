using StatsReporting.Decisions;
using StatsReporting.Reports;
using StatsReporting.Reports.Charts;
using StatsReporting.Tests.Support;
using StatsReporting.FileSystem;

namespace StatsReporting.Tests.Reports.Charts;

/// The kommun-a sample imported and reported once for 2025Q2 (as of 2025-06-30), with the chart models built from the
/// same reports the workbooks were written from.
public sealed class ChartedReports : IDisposable
{
    public static readonly Period Q = Period.Parse("2025Q2");
    public static readonly DateOnly AsOf = new(2025, 6, 30);

    public TestEnv Env { get; } = new();
    public IReadOnlyList<WrittenFile> Files { get; }
    public string PeriodDir => Env.PathOf(Path.Combine("reports", Q.ToString()));
    public Dictionary<string, List<string[]>> SolBook { get; }
    public Dictionary<string, List<string[]>> LssBook { get; }
    public IReadOnlyList<Chart> Sol { get; }
    public IReadOnlyList<Chart> Lss { get; }

    public ChartedReports()
    {
        Env.Importer().Import(TestEnv.SampleCsv);
        Files = Env.Reports().Write(Q, AsOf, Env.PathOf("reports"));
        SolBook = Xlsx.Read(Workbook(Lag.SoL));
        LssBook = Xlsx.Read(Workbook(Lag.LSS));
        var reports = Env.Reports().Build(Q, AsOf);
        Sol = Charts(reports[0]);
        Lss = Charts(reports[1]);
    }

    public string Workbook(Lag lag) => Path.Combine(PeriodDir, ReportService.WorkbookFileName(lag, Q));

    public string ChartFile(string name) => Path.Combine(PeriodDir, ChartFiles.Folder, name);

    public T Chart<T>(Lag lag, ChartKind kind) where T : Chart => (T)(lag == Lag.SoL ? Sol : Lss).Single(c => c.Kind == kind);

    private IReadOnlyList<Chart> Charts(KfReport r) =>
        KfCharts.For(r, TrendHistory.FromRecords(Env.Current(), r.Lag, Q, TestEnv.Catalog, TestEnv.Report), TestEnv.Catalog);

    public void Dispose() => Env.Dispose();
}
