using StatsReporting.Decisions;
using StatsReporting.Jobs;
using StatsReporting.Storage;

namespace StatsReporting.Web.Tests.Support;

/// A temporary data folder as a service would have it after the real 2025Q2 run: the sample in the inbox, imported
/// into a migrated SQLite file, the KF workbooks, charts, findings and the individrapport written.
public sealed class ServiceData : IDisposable
{
    public static readonly Installation Settings = Installation.Load(AppContext.BaseDirectory);
    public static string SampleCsv => Path.Combine(AppContext.BaseDirectory, "Fixtures", "beslut.csv");
    public static readonly Period Q2 = new(2025, 2);
    public const string Secret = "HEMLIGT-INNEHÅLL-4711";

    public string Dir { get; } = Directory.CreateTempSubdirectory("statsreporting-web-").FullName;
    public Db Db { get; }
    public string Inbox => Path.Combine(Dir, "inkorg");
    public string Reports => Path.Combine(Dir, "reports");
    public string Ivo => Path.Combine(Dir, "ivo");
    public string ChartPath(string name) => Path.Combine(Reports, Q2.ToString(), "diagram", name + ".png");
    public string IvoPath => Path.Combine(Ivo, Q2.ToString(), $"ivo-individrapport-{Q2}.xlsx");
    public string FindingsPath => Path.Combine(Reports, Q2.ToString(), $"kontroller-{Q2}.json");

    public ServiceData()
    {
        Db = new Db(Path.Combine(Dir, "data", "statsreporting.db"));
        Db.Migrate();
        Directory.CreateDirectory(Inbox);
        File.Copy(SampleCsv, Path.Combine(Inbox, "beslut.csv"));
        var settings = Settings;
        new QuarterJob(settings.For(Db), TimeProvider.System).Run(Q2, Q2.End, Inbox, Reports, ivoRoot: Ivo);
        // A file outside every served folder: traversal tests try to reach it.
        File.WriteAllText(Path.Combine(Dir, "hemlig.txt"), Secret);
    }

    public void Dispose()
    {
        try { Directory.Delete(Dir, recursive: true); } catch (IOException) { }
    }
}
