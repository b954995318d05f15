using StatsReporting.Decisions;

namespace StatsReporting.Ivo;

/// Findings about the rows of an individrapport, for its Kontroller sheet. Pure; they name beslut-id, never a person.
public static class IvoChecks
{
    public static IEnumerable<string> Findings(IReadOnlyList<IvoRow> rows, IReadOnlyDictionary<string, AssignedCode> codes)
    {
        foreach (var r in rows.Where(r => PersonCode.KonOf(r.PersonCode) != r.Kon))
            yield return $"Fel: beslut {r.BeslutId}: personkodens könssiffra stämmer inte med kön i underlaget "
                         + "(personkoden togs fram när pseudonymen första gången rapporterades).";
        foreach (var g in rows.GroupBy(r => r.PersonCode, StringComparer.Ordinal)
                     .Where(g => g.Select(r => r.PersonKey).Distinct(StringComparer.Ordinal).Count() > 1))
            yield return $"Fel: besluten {string.Join(", ", g.Select(r => r.BeslutId))} har samma personkod men olika personer i underlaget.";
        foreach (var r in rows.Where(r => r.Orsak.Length == 0))
            yield return $"Varning: beslut {r.BeslutId} saknar orsak; IVO vill ha en kort förklaring till dröjsmålet.";
        foreach (var r in rows.Where(r => codes.TryGetValue(r.PersonKey, out var a) && !a.BirthDateKnown))
            yield return $"Obs: beslut {r.BeslutId}: personkoden bygger på ersättningsdatum (år 1900) eftersom födelsedatum saknades "
                         + "när koden togs fram; koden behålls så länge ärendet finns.";
    }
}
