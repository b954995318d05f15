using System.Xml.Linq;
using Dapper;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;
using StatsReporting.Storage;

namespace StatsReporting.Web.Nodes;

/// On PostgreSQL the data-protection key ring (which seals the session cookie and the CSRF token) lives in the shared
/// database (migration 0012), so a cookie issued by one node is good on every node. Without this each machine made
/// its own ring under ~/.aspnet and a login held only on the node that took it. SQLite: unchanged, the ring in ~.
public static class SharedKeyRing
{
    /// Decided when the options are first read (the database is known then, also in a test host): the ring's
    /// repository, and one application name, since the default (the content root) differs between nodes' folders.
    public static WebApplicationBuilder AddSharedKeyRing(this WebApplicationBuilder builder)
    {
        builder.Services.AddDataProtection();
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
        {
            if (sp.GetRequiredService<Db>() is { SharedByNodes: true } db) o.XmlRepository = new DbKeyRepository(db);
        }));
        builder.Services.AddSingleton<IConfigureOptions<DataProtectionOptions>>(sp => new ConfigureOptions<DataProtectionOptions>(o =>
        {
            if (sp.GetRequiredService<Db>().SharedByNodes) o.ApplicationDiscriminator = "StatsReporting";
        }));
        return builder;
    }

    /// Before the first request: one node makes the first key under a database lock; the others find it.
    public static WebApplication UseSharedKeyRing(this WebApplication app)
    {
        var db = app.Services.GetRequiredService<Db>();
        if (!db.SharedByNodes) return app;
        var keys = app.Services.GetRequiredService<IKeyManager>();
        using var c = db.Open();
        using var tx = c.BeginTransaction();
        c.Execute("SELECT pg_advisory_xact_lock(@key)", new { key = AdvisoryKeys.KeyRing }, tx);
        // Read after the lock: a node that waited for it must see the key another node activated meanwhile as active
        // (with the time read before the wait, that key seemed not yet active and a second key was made).
        var now = DateTimeOffset.UtcNow; // data protection's own clock, not the report clock
        if (!keys.GetAllKeys().Any(k => !k.IsRevoked && k.ActivationDate <= now && k.ExpirationDate > now))
            keys.CreateNewKey(now, now.AddDays(90));
        tx.Commit();
        return app;
    }

    private sealed class DbKeyRepository(Db db) : IXmlRepository
    {
        public IReadOnlyCollection<XElement> GetAllElements()
        {
            using var c = db.Open();
            return c.Query<string>("SELECT xml FROM data_protection_keys ORDER BY name").Select(x => XElement.Parse(x)).ToList();
        }

        public void StoreElement(XElement element, string friendlyName)
        {
            using var c = db.Open();
            c.Execute("INSERT INTO data_protection_keys (name, xml, stored_at) VALUES (@name, @xml, @at)",
                new { name = friendlyName, xml = element.ToString(SaveOptions.DisableFormatting), at = DateTimeOffset.UtcNow.ToString("O") });
        }
    }
}
