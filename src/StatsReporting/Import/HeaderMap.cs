using StatsReporting.Decisions;

namespace StatsReporting.Import;

/// Which column of the file holds which field. A field named twice (twice the same, or a name and its alias such as
/// beslutsdatum and "Datum för beslut") is refused: one of the two would silently win.
public static class HeaderMap
{
    public static readonly (string Column, bool Required, string[] Aliases)[] Columns =
    [
        ("beslut_id", true, ["beslutsid", "beslutid", "beslutsnummer"]),
        ("person_id", true, ["personid", "personkod", "ivokod", "pseudonym"]),
        ("kon", true, ["kön"]),
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

    /// The field each known column holds, by column index; problems get the header's errors (row 1).
    public static Dictionary<string, int> Map(string file, IReadOnlyList<string> header, List<ImportError> problems)
    {
        var index = new Dictionary<string, int>();
        for (var i = 0; i < header.Count; i++)
        {
            var key = Text.Key(FieldText.Clean(header[i]));
            var col = Columns.FirstOrDefault(c => Text.Key(c.Column) == key || c.Aliases.Any(a => Text.Key(a) == key)).Column;
            if (col is null) continue;
            if (index.TryGetValue(col, out var first))
                problems.Add(new(file, 1, col, $"rubrikerna '{Shown(header[first])}' (kolumn {first + 1}) och '{Shown(header[i])}' (kolumn {i + 1}) "
                    + $"är samma kolumn {col}; ta bort den ena så att det är entydigt vilket värde som gäller."));
            else index[col] = i;
        }
        foreach (var c in Columns.Where(c => c.Required && !index.ContainsKey(c.Column)))
            problems.Add(new(file, 1, c.Column, $"kolumnen '{c.Column}' saknas i rubrikraden."));
        return index;
    }

    private static string Shown(string header) => header.Trim().Length > 40 ? header.Trim()[..40] + "…" : header.Trim();
}
