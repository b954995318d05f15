using StatsReporting.Decisions;
using StatsReporting.Ivo;
using StatsReporting.Tests.Support;

namespace StatsReporting.Tests.Reports.Document;

/// The sample's 2025Q2 outputs as the program writes them: both KF workbooks, both tjänsteskrivelser and the IVO
/// individrapport (in its own folder), written once per test class.
public sealed class SampleOutputs : IDisposable
{
    public TestEnv Env { get; } = new();
    public string PeriodDir { get; }
    public string IvoXlsx { get; }
    public string AvgiftXlsx { get; }

    public SampleOutputs()
    {
        Env.Importer().Import(TestEnv.SampleCsv);
        Env.Reports().Write(Period.Parse("2025Q2"), new DateOnly(2025, 6, 30), Env.PathOf("reports"));
        PeriodDir = Env.PathOf("reports/2025Q2");
        var ivo = new IvoExport(TestEnv.Settings.For(Env.Db), Env.Clock).Write(Period.Parse("2025Q2"), Env.PathOf("ivo"), Env.PathOf("reports"));
        IvoXlsx = ivo.Files.Single(f => Path.GetFileName(f.Path) == "ivo-individrapport-2025Q2.xlsx").Path;
        AvgiftXlsx = ivo.Files.Single(f => Path.GetFileName(f.Path) == "sarskild-avgift-2025Q2.xlsx").Path;
    }

    public string Workbook(string law) => Path.Combine(PeriodDir, $"evb-{law}-2025Q2.xlsx");
    public string Docx(string law) => Path.Combine(PeriodDir, $"tjansteskrivelse-{law}-2025Q2.docx");

    public IEnumerable<string> AllOpenXmlFiles => [Workbook("sol"), Workbook("lss"), Docx("sol"), Docx("lss"), IvoXlsx, AvgiftXlsx];

    public void Dispose() => Env.Dispose();
}
