using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using StatsReporting.Access;
using StatsReporting.Decisions;
using StatsReporting.Jobs;
using StatsReporting.Storage;
using StatsReporting.Organisation;

namespace StatsReporting.Web.Tests.Support;

/// A service with two nämnder, a (Socialnämnden) and b (Vård- och omsorgsnämnden), each with the sample in its own
/// inbox and its 2025Q2 run done, and keys of a, of b and of all nämnder in every role.
public sealed class NamndHost : WebApplicationFactory<Program>
{
    public static readonly string[] Scopes = ["a", "b", "*"];
    public string Dir { get; } = Directory.CreateTempSubdirectory("statsreporting-namnder-").FullName;
    public Db Db { get; }
    public Dictionary<string, string?> Config { get; }
    public Installation Settings { get; }
    /// (scope, role) → key; scope "*" is all nämnder.
    public Dictionary<(string Scope, Role Role), string> Keys { get; } = new();

    public NamndHost()
    {
        (Config, Settings, Db) = NamndData.Create(Dir);
        var store = new KeyStore(Db);
        foreach (var scope in Scopes)
            foreach (var role in Enum.GetValues<Role>())
                Keys[(scope, role)] = store.Add(role, $"{role} {scope}", ServiceHost.Now, scope == "*" ? null : [scope]).Key;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(Config));
        builder.ConfigureServices(s => s.AddSingleton<TimeProvider>(new FixedClock(ServiceHost.Now)));
    }

    public HttpClient As(string scope, Role role)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("X-Api-Key", Keys[(scope, role)]);
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) try { Directory.Delete(Dir, recursive: true); } catch (IOException) { }
    }
}

/// The data folder of a two-nämnd installation after its 2025Q2 runs (`bOnly`: quarters only b has reported as well).
public static class NamndData
{
    public static (Dictionary<string, string?> Config, Installation Settings, Db Db) Create(string dir, params Period[] bOnly)
    {
        var config = new Dictionary<string, string?>
        {
            ["StatsReporting:Paths:Database"] = Path.Combine(dir, "data", "statsreporting.db"),
            ["StatsReporting:Paths:Inbox"] = Path.Combine(dir, "inkorg"),
            ["StatsReporting:Paths:Reports"] = Path.Combine(dir, "reports"),
            ["StatsReporting:Paths:Ivo"] = Path.Combine(dir, "ivo"),
            ["StatsReporting:Organisation:Namnder:0:Code"] = "a",
            ["StatsReporting:Organisation:Namnder:0:Name"] = "Socialnämnden",
            ["StatsReporting:Organisation:Namnder:0:Kommun"] = "Exempelkommunen",
            ["StatsReporting:Organisation:Namnder:1:Code"] = "b",
            ["StatsReporting:Organisation:Namnder:1:Name"] = "Vård- och omsorgsnämnden",
            ["StatsReporting:Organisation:Namnder:1:Kommun"] = "Exempelkommunen",
        };
        var settings = Installation.From(new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"))
            .AddInMemoryCollection(config).Build());
        var db = new Db(config["StatsReporting:Paths:Database"]!);
        db.Migrate();
        Namnder.Sync(db, settings.Organisation);
        foreach (var n in settings.Organisation.All())
        {
            var inbox = Path.Combine(dir, "inkorg", n.Code);
            Directory.CreateDirectory(inbox);
            File.Copy(ServiceData.SampleCsv, Path.Combine(inbox, "beslut.csv"));
            var job = new QuarterJob(settings.For(n, db), TimeProvider.System);
            foreach (var q in n.Code == "b" ? [.. bOnly, ServiceData.Q2] : new[] { ServiceData.Q2 })
                job.Run(q, q.End, Path.Combine(dir, "inkorg"), Path.Combine(dir, "reports"));
        }
        return (config, settings, db);
    }

    /// The configuration as the service's environment variables (StatsReporting__Organisation__Namnder__0__Code=a).
    public static Dictionary<string, string> Environment(Dictionary<string, string?> config) =>
        config.ToDictionary(e => e.Key.Replace(":", "__", StringComparison.Ordinal), e => e.Value!);
}

[CollectionDefinition("Namnder")]
public sealed class NamndCollection : ICollectionFixture<NamndHost>;
