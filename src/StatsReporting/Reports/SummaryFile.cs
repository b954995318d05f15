using System.Text.Encodings.Web;
using System.Text.Json;
using StatsReporting.Decisions;
using StatsReporting.FileSystem;

namespace StatsReporting.Reports;

/// reports/<period>/sammanstallning-<period>.json: each law's Sammanställning and its quarter totals from the
/// Jämförelse, taken from the same KfReport the workbooks are written from. The page shows these numbers as they
/// are and counts nothing itself, so it cannot disagree with the workbooks. Not in the zip: it is the page's copy.
public static class SummaryFile
{
    /// `Zero`: the workbook prints the whole row as '-'.
    public sealed record Row(string Label, string Kind, IReadOnlyList<int?> Values, bool Zero);

    /// A quarter's grand total as the Jämförelse shows it; null = "uppgift saknas". `Change` is the report's quarter
    /// minus this one (null for the report's own quarter, or when either is missing).
    public sealed record QuarterTotal(string Period, string Name, int? Total, int? Change);

    public sealed record Law(string Name, string LabelHeader, IReadOnlyList<string> Columns, IReadOnlyList<Row> Rows,
        IReadOnlyList<QuarterTotal> Totals);

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string FileName(Period p) => $"sammanstallning-{p}.json";

    public static WrittenFile Write(IReadOnlyList<KfReport> reports, string dir)
    {
        var path = Path.Combine(dir, FileName(reports[0].Period));
        AtomicFile.Write(path, s => JsonSerializer.Serialize(s, From(reports), Json));
        return new("Sammanställning för webbsidan (JSON)", path);
    }

    public static IReadOnlyList<Law> Read(string path) => JsonSerializer.Deserialize<List<Law>>(File.ReadAllText(path), Json) ?? [];

    public static IReadOnlyList<Law> From(IReadOnlyList<KfReport> reports) => reports.Select(r =>
    {
        var t = r.Sammanstallning;
        var quarters = r.Period.Window(r.Jamforelse.Columns.Count);
        var totals = r.Jamforelse.Rows[^1].Values;
        return new Law(r.LawName, t.LabelHeader, t.Columns,
            t.Rows.Select(row => new Row(row.Label, row.Kind.ToString().ToLowerInvariant(), row.Values, row.IsZero)).ToList(),
            quarters.Select((q, i) => new QuarterTotal(q.ToString(), q.Swedish, totals[i],
                i == quarters.Count - 1 ? null : totals[^1] - totals[i])).ToList());
    }).ToList();
}
