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
        args.Allow("keys", "role", "name", "config");
        var ctx = new CliContext(args);
        var store = new KeyStore(ctx.InstallationDb, ctx.Installation.Access);
        switch (args.Positional.FirstOrDefault())
        {
            case "add": return Add(args, store);
            case "list":
                foreach (var k in store.List())
                    Console.WriteLine($"{k.Id}  {k.Role,-10}  {k.CreatedAt[..10]}  {(k.RevokedAt is null ? "aktiv" : "spärrad")}  {k.Name}");
                return 0;
            case "revoke":
                var id = args.Positional.ElementAtOrDefault(1) ?? throw new UsageException("ange nyckelns id (se `keys list`).");
                if (!store.Revoke(id, DateTimeOffset.UtcNow)) throw new UsageException($"ingen aktiv nyckel med id '{id}' i databasen.");
                Console.WriteLine($"Nyckeln {id} är spärrad; inloggningar med den upphör vid nästa anrop.");
                return 0;
            default: throw new UsageException("keys tar add, list eller revoke.");
        }
    }

    private static int Add(Args args, KeyStore store)
    {
        var roleText = args.Required("role");
        if (!Roles.TryParse(roleText, out var role)) throw new UsageException($"okänd roll '{roleText}' (controller, ivo eller admin).");
        var name = args.Option("name") ?? $"{role.Name()} {DateTime.Now:yyyy-MM-dd}";
        if (args.Flag("config"))
        {
            var (entry, configKey) = KeyStore.ForConfiguration(role, name);
            // The key alone on stdout (key=$(statsreporting keys add …) works); the line for appsettings.json on stderr.
            Console.Error.WriteLine("Nyckeln (på standard output) visas bara nu. Lägg den här raden i StatsReporting:Access:Keys i appsettings.json:");
            Console.Error.WriteLine(JsonSerializer.Serialize(entry, new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
            Console.WriteLine(configKey);
            return 0;
        }
        var (holder, key) = store.Add(role, name, DateTimeOffset.UtcNow);
        Console.Error.WriteLine($"Ny nyckel {holder.Id} med rollen {role.Name()} ('{name}'). Den visas bara nu; spara den:");
        Console.WriteLine(key);
        return 0;
    }
}
