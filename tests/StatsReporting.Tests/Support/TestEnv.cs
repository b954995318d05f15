using StatsReporting.Decisions;
using StatsReporting.Import;
using StatsReporting.Reports;
using StatsReporting.Storage;
using StatsReporting.Records;
using StatsReporting.Organisation;
using StatsReporting.Jobs;

namespace StatsReporting.Tests.Support;

/// A fresh temporary folder with a SQLite file migrated by the real migrations; deleted afterwards.
public sealed class TestEnv : IDisposable
{
    public static readonly Installation Settings = Installation.Load(AppContext.BaseDirectory);
    public static readonly Catalog Catalog = Settings.For(new Db("unused.db")).Catalog;
    /// The one nämnd's report settings.
    public static readonly ReportSettings Report = Settings.ReportFor(Settings.Organisation.Resolve(null));
    public static string SampleCsv => Path.Combine(AppContext.BaseDirectory, "Fixtures", "beslut.csv");

    public string Dir { get; } = Directory.CreateTempSubdirectory("statsreporting-test-").FullName;
    public Db Db { get; }
    public FakeClock Clock { get; } = new(new DateTimeOffset(2025, 7, 15, 10, 0, 0, TimeSpan.FromHours(2)));

    public TestEnv() : this(dir => new Db(Path.Combine(dir, "test.db"))) { }

    /// The same with another database (the Postgres tests pass one on their server); the files stay in Dir.
    public TestEnv(Func<string, Db> open)
    {
        Db = open(Dir);
        Db.Migrate();
    }

    public string PathOf(string name) => Path.Combine(Dir, name);

    public const string RecordHeader =
        "beslut_id;person_id;kon;lag;verksamhet;insats;enhet;beslutsdatum;avbrottsdatum;verkstallt_datum;avslutat_datum;orsak;kommentar";

    /// Writes decision records as the case system exports them: UTF-8 with BOM, ';', CRLF.
    public static string WriteRecords(string path, IEnumerable<string> rows, string header = RecordHeader)
    {
        File.WriteAllText(path, string.Join("\r\n", rows.Prepend(header)) + "\r\n", new System.Text.UTF8Encoding(true));
        return path;
    }
    public Importer Importer() => new(Db, Catalog, PathOf("archive"), Clock);
    public ReportService Reports() => new(Settings.For(Db));

    public IReadOnlyList<Decision> Current() => DecisionStore.Current(Db);

    public void Dispose()
    {
        try { Directory.Delete(Dir, recursive: true); } catch (IOException) { }
    }
}

public sealed class FakeClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
