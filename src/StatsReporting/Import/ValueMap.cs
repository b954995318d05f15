using StatsReporting.Decisions;

namespace StatsReporting.Import;

/// Import:Varden: the case system's own words for kön, lag and verksamhet, listed under our value once
/// (`"lag": { "SoL": ["Socialtjänstlagen (SoL)"], "LSS": ["LSS (1993:387)"] }`, as Kolumner lists header names under
/// our column; a word cannot be a key, since ':' separates keys in .NET's configuration), so nobody replaces them in
/// Excel every quarter. Insats and orsak have their own aliases in the catalog. A word not listed is read as it is.
public sealed class ValueMap
{
    public static readonly string[] Columns = ["kon", "lag", "verksamhet"];
    public static readonly ValueMap None = new(new Dictionary<string, Dictionary<string, string[]>>());

    // column → Text.Key(word) → our value
    private readonly Dictionary<string, Dictionary<string, string>> _map = new(StringComparer.Ordinal);

    public ValueMap(IReadOnlyDictionary<string, Dictionary<string, string[]>> varden)
    {
        foreach (var (column, values) in varden)
        {
            var words = _map[column.Trim().ToLowerInvariant()] = new(StringComparer.Ordinal);
            foreach (var (ours, theirs) in values)
                foreach (var word in theirs) words[Text.Key(word)] = ours.Trim();
        }
    }

    public static ValueMap For(ImportLimits limits) => limits.Varden.Count == 0 ? None : new(limits.Varden);

    public string Translate(string column, string text) =>
        _map.Count > 0 && _map.TryGetValue(column, out var words) && words.TryGetValue(Text.Key(text), out var ours) ? ours : text;

    /// Checked at start: a known column, every value one of ours (kön K or M, lag SoL or LSS), no word under two values.
    public static void Validate(IReadOnlyDictionary<string, Dictionary<string, string[]>> varden)
    {
        foreach (var (column, values) in varden)
        {
            var where = $"appsettings.json: StatsReporting:Import:Varden:{column}";
            var c = column.Trim().ToLowerInvariant();
            if (c is "insats" or "orsak")
                throw new InvalidOperationException($"{where}: {c} har egna alias i katalogen (Catalog:InsatsAliases, Catalog:Orsaker:Aliases); ange dem där.");
            if (!Columns.Contains(c))
                throw new InvalidOperationException($"{where}: '{column}' kan inte översättas (ange kon, lag eller verksamhet).");
            var seen = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (ours, words) in values)
            {
                var ok = c switch
                {
                    "kon" => Catalog.ResolveKon(ours) is not null,
                    "lag" => Catalog.ResolveLag(ours) is not null,
                    _ => !string.IsNullOrWhiteSpace(ours),
                };
                if (!ok)
                    throw new InvalidOperationException($"{where}:{ours}: '{ours}' är inget värde för {c} (ange {(c == "kon" ? "K eller M" : c == "lag" ? "SoL eller LSS" : "en verksamhet i Catalog:SoL")}).");
                foreach (var word in words ?? [])
                {
                    var key = Text.Key(word ?? "");
                    if (key.Length == 0) throw new InvalidOperationException($"{where}:{ours}: ett ord är tomt.");
                    if (seen.TryGetValue(key, out var other) && other != ours)
                        throw new InvalidOperationException($"{where}: ordet '{word}' står under både {other} och {ours}; ett ord kan bara betyda en sak.");
                    seen[key] = ours;
                }
            }
        }
    }
}
