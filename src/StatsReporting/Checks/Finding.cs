using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace StatsReporting.Checks;

/// What a finding is about; the JSON carries it so a reader can filter without parsing Swedish text.
public static class FindingKind
{
    public const string Cell = "cell", Structure = "struktur", RowSum = "radsumma", GroupSum = "delsumma", GrandTotal = "totalsumma",
        Compare = "jamforelse", Breakdown = "orsaker", Duplicate = "dubblett", Vanished = "forsvunnet", LongRunning = "fjarde-kvartalet",
        MissingOrsak = "orsak-saknas", History = "historik";
}

/// One consistency finding (spec §6). Printed is the value the table shows, Computed the one the checker derives
/// (in a comparison: the first table's value and the other table's). Never carries person codes or kommentar:
/// a decision is named by its beslut_id only.
public sealed record Finding(
    string Table, string Row, string? Column, long? Printed, long? Computed, string Severity, string Message, string Kind,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RootCause = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Line = null)
{
    public const string Error = "fel", Warning = "varning";

    /// SoL or LSS for a report's findings; null for a table checked on its own.
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Law { get; init; }

    /// One line for a controller: "sol-2025Q2-tabell.csv: Total IFO (rad 18), Kvinnor: angivet 3, beräknat 5 …".
    [JsonIgnore]
    public string Text => $"{Table}: {Message}";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        // Keep å/ä/ö and § readable in the file; the JSON is read by people as well as programs.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string ToJson(IEnumerable<Finding> findings) => JsonSerializer.Serialize(findings.ToList(), Json);

    public static IReadOnlyList<Finding> FromJson(string json) => JsonSerializer.Deserialize<List<Finding>>(json, Json) ?? [];
}
