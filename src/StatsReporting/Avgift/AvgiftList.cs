using StatsReporting.Decisions;
using StatsReporting.Workbooks;
using StatsReporting.FileSystem;

namespace StatsReporting.Avgift;

/// The estimate per decision (beslut_id), for ivo and admin only: written owner-only beside the individrapport, as
/// a text sheet (TextWorkbook, like the individrapport): the notes under the table, landscape A4 one page wide with
/// the header row on every page and a page header saying the access is restricted.
public static class AvgiftList
{
    public const string SheetName = "Uppskattning per beslut";

    public static string FileName(Period q) => $"sarskild-avgift-{q}.xlsx";

    public static readonly string[] Columns =
    [
        "Beslut-id", "Lag", "Insats", "Första försenade dag", "Verkställt/avslutat", "Månader försening", "Kr per månad",
        "Uppskattning kr", "Anmärkning",
    ];

    private static readonly double[] Widths = [11, 5, 32, 11, 11, 10, 11, 13, 21];

    public static WrittenFile Write(IReadOnlyList<AvgiftReport> reports, Period q, string folder)
    {
        var rows = reports.SelectMany(a => a.Items).Select(i => new[]
        {
            i.BeslutId, i.Row.Lag.ToString(), i.Row.Label, IsoDate.Format(i.FirstLateDay)!, IsoDate.Format(i.Done) ?? "",
            AvgiftText.Months(i.Months), i.MonthlyCostKr is { } cost ? AvgiftText.Kr(cost) : AvgiftText.Saknas,
            i.Kr is { } kr ? AvgiftText.Kr(kr) : AvgiftText.Saknas, Remark(i),
        }).ToList();
        var notes = reports.SelectMany(a => AvgiftText.Notes(a).Take(1).Prepend($"{a.Lag}: {AvgiftText.Kr(a.TotalKr)} för {a.WithCost} av {a.Items.Count} beslut. {AvgiftText.ExcludedLine(a)}"))
            .Append(AvgiftText.NoClaim).Concat(reports.Any(a => a.Exempel) ? [AvgiftText.ExampleCosts] : []).ToList();
        var sheet = new TextWorkbook.Sheet(SheetName, Columns, Widths, rows, "Inga beslut att redovisa") { Notes = notes, Filter = false };
        var page = new TextWorkbook.PageTexts(_ => "", _ => $"Särskild avgift (uppskattning) per beslut {q.Swedish} – begränsad åtkomst", _ => "", "");
        var path = Path.Combine(folder, FileName(q));
        RestrictedFiles.Write(path, target => TextWorkbook.Write(target, [sheet], page, DateOnly.FromDateTime(DateTime.Now)));
        return new("Särskild avgift, uppskattning per beslut (xlsx)", path);
    }

    private static string Remark(AvgiftItem i) => i.Clamp switch
    {
        _ when i.Kr is null => "ingår inte i summan",
        Clamp.UpToMin => "höjd till intervallets lägsta belopp",
        Clamp.DownToMax => "sänkt till intervallets högsta belopp",
        _ => "",
    };
}
