using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using StatsReporting.Access;
using StatsReporting.Decisions;
using StatsReporting.Jobs;
using StatsReporting.Storage;

namespace StatsReporting.Web.Tests.Support;

/// A service with two nämnder, a (Socialnämnden) and b (Vård- och omsorgsnämnden), each with the sample in its own
/// inbox and its 2025Q2 run done, and keys of a, of b and of all nämnder in every role.
public sealed class NamndHost : WebApplicationFactory<Program>
{
    public static readonly string[] Scopes = ["a", "b", "*"];
    public string Dir { get; } = Directory.CreateTempSubdirectory("statsreporting-namnder-").FullName;
    public Db Db { get; }
    public Dictionary<string, string?> Config { get; }
    public AppSettings Settings { get; }
    /// (scope, role) → key; scope "*" is all nämnder.
    public Dictionary<(string Scope, Role Role), string> Keys { get; } = new();

    public NamndHost()
    {
        Config = new()
        {
            ["StatsReporting:Paths:Database"] = Path.Combine(Dir, "data", "statsreporting.db"),
            ["StatsReporting:Paths:Inbox"] = Path.Combine(Dir, "inkorg"),
            ["StatsReporting:Paths:Reports"] = Path.Combine(Dir, "reports"),
            ["StatsReporting:Paths:Ivo"] = Path.Combine(Dir, "ivo"),
            ["StatsReporting:Organisation:Namnder:0:Code"] = "a",
            ["StatsReporting:Organisation:Namnder:0:Name"] = "Socialnämnden",
            ["StatsReporting:Organisation:Namnder:0:Kommun"] = "Exempelkommunen",
            ["StatsReporting:Organisation:Namnder:1:Code"] = "b",
            ["StatsReporting:Organisation:Namnder:1:Name"] = "Vård- och omsorgsnämnden",
            ["StatsReporting:Organisation:Namnder:1:Kommun"] = "Exempelkommunen",
        };
        Settings = AppSettings.From(new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"))
            .AddInMemoryCollection(Config).Build());
        Db = new Db(Config["StatsReporting:Paths:Database"]!);
        Db.Migrate();
        Namnder.Sync(Db, Settings.Organisation);
        foreach (var n in Settings.Organisation.All())
        {
            var inbox = Path.Combine(Dir, "inkorg", n.Code);
            Directory.CreateDirectory(inbox);
            File.Copy(ServiceData.SampleCsv, Path.Combine(inbox, "beslut.csv"));
            new QuarterJob(Db.For(n.Code), new Catalog(Settings.Catalog), Settings.ForNamnd(n), TimeProvider.System)
                .Run(ServiceData.Q2, ServiceData.Q2.End, Path.Combine(Dir, "inkorg"), Path.Combine(Dir, "reports"));
        }
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

[CollectionDefinition("Namnder")]
public sealed class NamndCollection : ICollectionFixture<NamndHost>;
