using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace StatsReporting.Logg;

/// The log as a person reads it (`statsreporting logg`, /api/logg): who is the name with the subject or key id in
/// brackets, from where the address with the node after "via".
public sealed record LogLine(
    [property: JsonPropertyName("tid")] string Tid,
    [property: JsonPropertyName("vem")] string Vem,
    [property: JsonPropertyName("handling")] string Handling,
    [property: JsonPropertyName("objekt")] string? Objekt,
    [property: JsonPropertyName("kvartal")] string? Kvartal,
    [property: JsonPropertyName("namnd")] string? Namnd,
    [property: JsonPropertyName("antal_personer")] long? AntalPersoner,
    [property: JsonPropertyName("adress")] string? Adress,
    [property: JsonPropertyName("resultat")] string Resultat)
{
    public static LogLine Of(LogRow r) => new(r.Tid, r.Subjekt is null ? r.Vem : $"{r.Vem} ({r.Subjekt})", r.Handling, r.Objekt, r.Kvartal,
        r.Namnd, r.AntalPersoner, r.Nod is null ? r.Adress : $"{r.Adress ?? "lokalt"} via {r.Nod}", r.Resultat);
}

public static class LogExport
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Json(IEnumerable<LogRow> rows) => JsonSerializer.Serialize(rows.Select(LogLine.Of).ToList(), Options);

    /// Semicolon-separated for Swedish Excel; a cell that a spreadsheet would run as a formula gets a leading apostrophe.
    public static string Csv(IEnumerable<LogRow> rows)
    {
        var sb = new StringBuilder("tid;vem;handling;objekt;kvartal;namnd;antal_personer;adress;resultat\n");
        foreach (var l in rows.Select(LogLine.Of))
            sb.AppendJoin(';', new[] { l.Tid, l.Vem, l.Handling, l.Objekt, l.Kvartal, l.Namnd, l.AntalPersoner?.ToString(), l.Adress, l.Resultat }
                .Select(v => Quote(Neutralise(v ?? "")))).Append('\n');
        return sb.ToString();
    }

    private static string Neutralise(string s) => s.Length > 0 && s[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + s : s;

    private static string Quote(string s) => s.IndexOfAny([';', '"', '\r', '\n']) < 0 ? s : $"\"{s.Replace("\"", "\"\"")}\"";
}
