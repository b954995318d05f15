using Hangfire;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StatsReporting.Access;
using StatsReporting.Web.Jobs;

namespace StatsReporting.Web.Tests.Support;

/// One service for the whole "Service" collection: Hangfire's storage is static, so two hosts in one process would
/// dispose each other's. It runs on its own temporary data folder (database, inbox, reports, ivo), seeded with the
/// sample's 2025Q2 outputs, with the clock on 2025-07-01 08:00 in Stockholm: the morning after the quarter.
public sealed class ServiceHost : WebApplicationFactory<Program>
{
    public const string Cron = "30 5 2 1,4,7,10 *"; // not the appsettings.json default: proves the test setting is read
    public static readonly DateTimeOffset Now = new(2025, 7, 1, 8, 0, 0, TimeSpan.FromHours(2));

    public ServiceData Data { get; } = new();
    public LogSink Log { get; } = new();
    public IReadOnlyDictionary<Role, string> Keys { get; }
    /// A key known only to configuration (StatsReporting:Access:Keys), not the database.
    public string ConfigIvoKey { get; }
    public string RevokedKey { get; }

    public ServiceHost()
    {
        var store = new KeyStore(Data.Db);
        Keys = new Dictionary<Role, string>
        {
            [Role.Controller] = store.Add(Role.Controller, "Test controller", Now).Key,
            [Role.Ivo] = store.Add(Role.Ivo, "Test IVO", Now).Key,
            [Role.Admin] = store.Add(Role.Admin, "Test admin", Now).Key,
        };
        var (holder, revoked) = store.Add(Role.Admin, "Spärrad", Now);
        store.Revoke(holder.Id, Now);
        RevokedKey = revoked;
        (ConfigEntry, ConfigIvoKey) = KeyStore.ForConfiguration(Role.Ivo, "IVO i konfigurationen");
    }

    private ConfiguredKey ConfigEntry { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["StatsReporting:Paths:Database"] = Data.Db.Path,
            ["StatsReporting:Paths:Inbox"] = Data.Inbox,
            ["StatsReporting:Paths:Reports"] = Data.Reports,
            ["StatsReporting:Paths:Ivo"] = Data.Ivo,
            ["StatsReporting:Schedule:Cron"] = Cron,
            ["StatsReporting:Web:MaxUploadBytes"] = "1048576",
            ["StatsReporting:Access:Keys:0:Id"] = ConfigEntry.Id,
            ["StatsReporting:Access:Keys:0:Name"] = ConfigEntry.Name,
            ["StatsReporting:Access:Keys:0:Role"] = ConfigEntry.Role,
            ["StatsReporting:Access:Keys:0:Salt"] = ConfigEntry.Salt,
            ["StatsReporting:Access:Keys:0:Hash"] = ConfigEntry.Hash,
        }));
        builder.ConfigureServices(s =>
        {
            s.AddSingleton<TimeProvider>(new FixedClock(Now));
            s.AddSingleton<ILoggerProvider>(Log);
        });
    }

    /// A client that sends the role's key (none for null) and does not follow redirects.
    public HttpClient As(Role? role)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        if (role is { } r) client.DefaultRequestHeaders.Add("X-Api-Key", Keys[r]);
        return client;
    }

    /// Polls the run history (as the page does) until the run of Hangfire job `jobId` after `afterRunId` has ended.
    public async Task<RunRow> WaitForRun(string jobId, long afterRunId)
    {
        using var admin = As(Role.Admin);
        for (var i = 0; i < 600; i++)
        {
            var runs = await admin.GetFromJsonAsync<List<RunRow>>("/api/runs");
            if (runs!.FirstOrDefault(r => r.JobId == jobId && r.Id > afterRunId && r.Status != RunHistory.Running) is { } done) return done;
            await Task.Delay(100);
        }
        throw new TimeoutException($"Körningen för jobb {jobId} blev inte klar inom 60 s.");
    }

    /// Our run history is written before the exception reaches Hangfire, so its state follows a moment later.
    public static async Task<string> WaitForJobState(string jobId, string state)
    {
        var api = JobStorage.Current.GetMonitoringApi();
        for (var i = 0; i < 600; i++)
        {
            if (api.JobDetails(jobId)?.History.FirstOrDefault()?.StateName == state) return state;
            await Task.Delay(100);
        }
        return api.JobDetails(jobId)?.History.FirstOrDefault()?.StateName ?? "(inget tillstånd)";
    }

    public async Task<long> LastRunId()
    {
        using var admin = As(Role.Admin);
        var runs = await admin.GetFromJsonAsync<List<RunRow>>("/api/runs");
        return runs!.Select(r => r.Id).DefaultIfEmpty(0).Max();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Data.Dispose();
    }
}

[CollectionDefinition("Service")]
public sealed class ServiceCollection : ICollectionFixture<ServiceHost>;

public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}
