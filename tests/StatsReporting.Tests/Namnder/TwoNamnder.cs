using Microsoft.Extensions.Configuration;
using StatsReporting.Decisions;
using StatsReporting.Import;
using StatsReporting.Reports;
using StatsReporting.Storage;
using StatsReporting.Tests.Support;
using StatsReporting.FileSystem;
using StatsReporting.Organisation;
using StatsReporting.Jobs;

namespace StatsReporting.Tests.Namnder;

/// An installation with two nämnder of one kommun, a (Socialnämnden) and b (Vård- och omsorgsnämnden), in one database.
public sealed class TwoNamnder : IDisposable
{
    public static readonly Period Q2 = Period.Parse("2025Q2");
    public TestEnv Env { get; } = new();
    public Installation Settings { get; } = Load();
    public NamndSettings A => Settings.Organisation.Resolve("a");
    public NamndSettings B => Settings.Organisation.Resolve("b");
    public string Out => Env.PathOf("reports");

    public TwoNamnder() => StatsReporting.Organisation.Namnder.Sync(Env.Db, Settings.Organisation);

    public static Installation Load(params (string Key, string Value)[] more)
    {
        var values = new Dictionary<string, string?>
        {
            ["StatsReporting:Organisation:Namnder:0:Code"] = "a",
            ["StatsReporting:Organisation:Namnder:0:Name"] = "Socialnämnden",
            ["StatsReporting:Organisation:Namnder:0:Kommun"] = "Exempelkommunen",
            ["StatsReporting:Organisation:Namnder:1:Code"] = "b",
            ["StatsReporting:Organisation:Namnder:1:Name"] = "Vård- och omsorgsnämnden",
            ["StatsReporting:Organisation:Namnder:1:Kommun"] = "Exempelkommunen",
        };
        foreach (var (k, v) in more) values[k] = v;
        return Installation.From(new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"))
            .AddInMemoryCollection(values).Build());
    }

    public Importer Importer(NamndSettings n) => new(Env.Db.For(n.Code), TestEnv.Catalog, Env.PathOf("archive"), Env.Clock);

    public ReportService Reports(NamndSettings n) => new(Settings.For(n, Env.Db));

    public IReadOnlyList<WrittenFile> Report(NamndSettings n) => Reports(n).Write(Q2, Q2.End, Out);

    /// The Sammanställning's total row of a nämnd's workbook, read back from the file.
    public int[] Total(NamndSettings n, Lag lag)
    {
        var path = Path.Combine(Out, n.Code, "2025Q2", ReportService.WorkbookFileName(lag, Q2, n.Name));
        return Xlsx.Numbers(Xlsx.Read(path)["Sammanställning"], lag == Lag.SoL ? "Totalt samtliga verksamheter" : "Summa total");
    }

    public void Dispose() => Env.Dispose();
}
