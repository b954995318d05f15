using StatsReporting.Configuration;

namespace StatsReporting.Access;

/// The "StatsReporting:Access" section: keys kept in configuration instead of the database (hashes only;
/// `statsreporting keys add --role … --config` prints an entry). Keys made with `keys add` live in the database.
public sealed class AccessSettings : ISettingsSection
{
    public static string Section => "StatsReporting:Access";

    public List<ConfiguredKey> Keys { get; set; } = [];

    public void Validate()
    {
        for (var i = 0; i < Keys.Count; i++)
        {
            var k = Keys[i];
            var where = $"appsettings.json: StatsReporting:Access:Keys:{i}";
            if (!Roles.TryParse(k.Role, out _))
                throw new InvalidOperationException($"{where}:Role '{k.Role}' är ingen roll (controller, ivo eller admin).");
            if (!KeySecret.IsHex(k.Id, KeySecret.IdBytes) || !KeySecret.IsHex(k.Salt, KeySecret.SaltBytes) || !KeySecret.IsHex(k.Hash, 32))
                throw new InvalidOperationException($"{where}: Id, Salt och Hash ska vara som `statsreporting keys add --config` skriver dem.");
        }
        if (Keys.GroupBy(k => k.Id).FirstOrDefault(g => g.Count() > 1) is { } dup)
            throw new InvalidOperationException($"appsettings.json: StatsReporting:Access:Keys har nyckeln '{dup.Key}' två gånger.");
    }
}

public sealed class ConfiguredKey
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Role { get; set; } = "";
    public string Salt { get; set; } = "";
    public string Hash { get; set; } = "";
    /// The codes of the nämnder the key may see; absent or empty for all.
    public List<string>? Namnder { get; set; }
}
