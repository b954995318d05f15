using StatsReporting.Decisions;

namespace StatsReporting.Import;

/// Which column of the file holds which field: our column names, their built-in aliases and the kommun's own header
/// names (Import:Kolumner). A field named twice (twice the same, or a name and its alias such as beslutsdatum and
/// "Datum för beslut") is refused: one of the two would silently win.
public sealed class HeaderMap
{
    /// kon is not required: without it, kön is read from the person code's kön digit.
    public static readonly (string Column, bool Required, string[] Aliases)[] Columns =
    [
        ("beslut_id", true, ["beslutsid", "beslutid", "beslutsnummer"]),
        ("person_id", true, ["personid", "personkod", "ivokod", "pseudonym", "personnummer", "personnr", "pnr", "persnr"]),
        ("kon", false, ["kön"]),
        ("lag", true, []),
        ("verksamhet", false, []),
        ("insats", true, []),
        ("enhet", false, ["utförare"]),
        ("beslutsdatum", true, ["beslutdatum", "datum för beslut"]),
        ("avbrottsdatum", false, ["avbrott", "avbrottdatum"]),
        ("verkstallt_datum", false, ["verkställt", "verkställtdatum", "verkställighetsdatum"]),
        ("avslutat_datum", false, ["avslutat", "avslutsdatum"]),
        ("orsak", false, []),
        ("kommentar", false, []),
        ("fodelsedatum", false, ["födelsedag"]),
        // The nämnd's code: optional, and when present it must be the nämnd the file is imported under (--namnd).
        ("namnd", false, ["nämnd"]),
    ];

    public static readonly HeaderMap BuiltIn = new(null);

    // Text.Key of every name a header may have → the column it names.
    private readonly Dictionary<string, string> _columnOf = new(StringComparer.Ordinal);

    public HeaderMap(IReadOnlyDictionary<string, string[]>? kolumner)
    {
        foreach (var (column, _, aliases) in Columns)
            foreach (var name in aliases.Prepend(column)) _columnOf[Text.Key(name)] = column;
        foreach (var (key, names) in kolumner ?? new Dictionary<string, string[]>())
            foreach (var name in names) _columnOf.TryAdd(Text.Key(name), ColumnNamed(key)!);
    }

    public static HeaderMap For(ImportLimits limits) => limits.Kolumner.Count == 0 ? BuiltIn : new(limits.Kolumner);

    public string? ColumnOf(string header) => _columnOf.GetValueOrDefault(Text.Key(FieldText.Clean(header)));

    /// Whether a row could be the header: it names every required column.
    public bool HoldsRequired(IReadOnlyList<string> row)
    {
        var found = row.Select(ColumnOf).ToHashSet();
        return Columns.Where(c => c.Required).All(c => found.Contains(c.Column));
    }

    /// The field each known column holds, by column index; problems get the header's errors (on its row).
    public Dictionary<string, int> Map(string file, int row, IReadOnlyList<string> header, List<ImportError> problems)
    {
        var index = new Dictionary<string, int>();
        for (var i = 0; i < header.Count; i++)
        {
            if (ColumnOf(header[i]) is not { } col) continue;
            if (index.TryGetValue(col, out var first))
                problems.Add(new(file, row, col, $"rubrikerna '{Shown(header[first])}' (kolumn {first + 1}) och '{Shown(header[i])}' (kolumn {i + 1}) "
                    + $"är samma kolumn {col}; ta bort den ena så att det är entydigt vilket värde som gäller."));
            else index[col] = i;
        }
        foreach (var c in Columns.Where(c => c.Required && !index.ContainsKey(c.Column)))
            problems.Add(new(file, row, c.Column, $"kolumnen '{c.Column}' saknas i rubrikraden."));
        return index;
    }

    /// Import:Kolumner checked at start: each key one of our columns, each name a header of one column only.
    public static void Validate(IReadOnlyDictionary<string, string[]> kolumner)
    {
        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (column, _, aliases) in Columns)
            foreach (var name in aliases.Prepend(column)) owner[Text.Key(name)] = column;
        foreach (var (key, names) in kolumner)
        {
            var where = $"appsettings.json: StatsReporting:Import:Kolumner:{key}";
            if (ColumnNamed(key) is not { } column)
                throw new InvalidOperationException($"{where}: '{key}' är ingen kolumn i beslutsunderlaget (ange en av {string.Join(", ", Columns.Select(c => c.Column))}).");
            foreach (var name in names ?? [])
            {
                var k = Text.Key(name ?? "");
                if (k.Length == 0) throw new InvalidOperationException($"{where}: ett rubriknamn är tomt.");
                if (owner.TryGetValue(k, out var other) && other != column)
                    throw new InvalidOperationException($"{where}: rubriken '{name}' hör redan till kolumnen {other}; en rubrik kan bara höra till en kolumn.");
                owner[k] = column;
            }
        }
    }

    private static string? ColumnNamed(string key) =>
        Columns.Select(c => c.Column).FirstOrDefault(c => string.Equals(c, key.Trim(), StringComparison.OrdinalIgnoreCase));

    private static string Shown(string header) => header.Trim().Length > 40 ? header.Trim()[..40] + "…" : header.Trim();
}
