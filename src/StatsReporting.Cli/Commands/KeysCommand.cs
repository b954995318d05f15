using StatsReporting.Organisation;
using System.Text.Encodings.Web;
using System.Text.Json;
using StatsReporting.Access;

namespace StatsReporting.Cli;

/// API keys for the web service: `keys add --role admin` makes the first key on a fresh installation.
/// The key is printed once, alone on standard output; only its salted hash is kept.
public static class KeysCommand
{
    public static int Run(Args args)
    {
        args.Allow("keys", "role", "name", "config", "namnder");
        var ctx = new CliContext(args);
        var store = new KeyStore(ctx.InstallationDb, ctx.Installation.Get<AccessSettings>());
        switch (args.Positional.FirstOrDefault())
        {
            case "add": return Add(args, store, ctx);
            case "list":
                foreach (var k in store.List())
                    Console.WriteLine($"{k.Id}  {k.Role,-10}  {k.CreatedAt[..10]}  {(k.RevokedAt is null ? "aktiv" : "spärrad")}  {(k.Namnder == "*" ? "alla nämnder" : k.Namnder)}  {k.Name}");
                return 0;
            case "revoke":
                var id = args.Positional.ElementAtOrDefault(1) ?? throw new UsageException("ange nyckelns id (se `keys list`).");
                if (!store.Revoke(id, DateTimeOffset.UtcNow)) throw new UsageException($"ingen aktiv nyckel med id '{id}' i databasen.");
                Console.WriteLine($"Nyckeln {id} är spärrad; inloggningar med den upphör vid nästa anrop.");
                return 0;
            default: throw new UsageException("keys tar add, list eller revoke.");
        }
    }

    private static int Add(Args args, KeyStore store, CliContext ctx)
    {
        // --namnder a,b: the nämnder the key may see; without it, all (an installation admin when the role is admin).
        var namnder = args.Option("namnder")?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        try { namnder?.ForEach(code => ctx.Installation.Organisation.Resolve(code)); }
        catch (ArgumentException e) { throw new UsageException($"--namnder: {e.Message}"); }
        var roleText = args.Required("role");
        if (!Roles.TryParse(roleText, out var role)) throw new UsageException($"okänd roll '{roleText}' (controller, ivo eller admin).");
        var name = args.Option("name") ?? $"{role.Name()} {DateTime.Now:yyyy-MM-dd}";
        if (args.Flag("config"))
        {
            var (entry, configKey) = KeyStore.ForConfiguration(role, name, namnder);
            // The key alone on stdout (key=$(statsreporting keys add …) works); the line for appsettings.json on stderr.
            Console.Error.WriteLine("Nyckeln (på standard output) visas bara nu. Lägg den här raden i StatsReporting:Access:Keys i appsettings.json:");
            Console.Error.WriteLine(JsonSerializer.Serialize(entry, new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
            Console.WriteLine(configKey);
            return 0;
        }
        var (holder, key) = store.Add(role, name, DateTimeOffset.UtcNow, namnder);
        Console.Error.WriteLine($"Ny nyckel {holder.Id} med rollen {role.Name()} ('{name}'). Den visas bara nu; spara den:");
        Console.WriteLine(key);
        return 0;
    }
}
