using StatsReporting.Workbooks;
using StatsReporting.FileSystem;
using StatsReporting.Decisions;

namespace StatsReporting.Bevakning;

/// bevakning-<today>.xlsx: one text sheet per section (TextWorkbook), grouped by enhet with a subtotal each, laid out
/// for A4 landscape at 100 % (the widths add up to less than the printable width, so the 10 pt text is never shrunk),
/// the header row on every page and "Sida N av M" in the footer.
public static class BevakningWorkbook
{
    public const string SnartSheet = "Närmar sig tre månader", SenaSheet = "Försenade, ej rapporterade";
    public const string NoEnhet = "(utan enhet)";

    public static string FileName(DateOnly today) => $"bevakning-{IsoDate.Format(today)}.xlsx";

    public static string[] Columns(bool snart) =>
        ["Beslut-id", "Lag", "Verksamhet", "Insats", "Enhet", "Klockstart", "Från", "Sista dag", snart ? "Dagar kvar" : "Dagar sena", "Orsak"];

    private static readonly double[] Widths = [11, 5, 12, 26, 16, 11, 7, 11, 6, 24];
    private const int DaysColumn = 8;

    public static void Write(BevakningList list, string path)
    {
        var titles = new Dictionary<string, string>
        {
            [SnartSheet] = $"Bevakningslista {IsoDate.Format(list.Today)}: beslut som når tre månader inom {list.Days} dagar",
            [SenaSheet] = $"Bevakningslista {IsoDate.Format(list.Today)}: redan försenade beslut som kommer med i nästa kvartalsrapport",
        };
        var page = new TextWorkbook.PageTexts(_ => "", name => titles[name], _ => "", "Utan personuppgifter: beslut-id hittar ärendet i verksamhetssystemet.");
        AtomicFile.Write(path, s => TextWorkbook.Write(s, [Sheet(SnartSheet, true, list.Snart), Sheet(SenaSheet, false, list.Sena)], page, list.Today));
    }

    private static TextWorkbook.Sheet Sheet(string name, bool snart, IReadOnlyList<BevakningItem> items)
    {
        var rows = new List<string[]>();
        var totals = new HashSet<int>();
        void Total(string text)
        {
            totals.Add(rows.Count);
            rows.Add([text]);
        }
        if (items.Count == 0) rows.Add(["Inga beslut."]);
        foreach (var group in items.GroupBy(i => i.Enhet).OrderBy(g => g.Key is null).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            rows.AddRange(group.Select(Cells));
            Total($"Summa {group.Key ?? NoEnhet}: {Beslut(group.Count())}");
        }
        Total($"Totalt: {Beslut(items.Count)}");
        return new(name, Columns(snart), Widths, rows, "") { Totals = totals, Numbers = new HashSet<int> { DaysColumn }, Filter = false };
    }

    private static string[] Cells(BevakningItem i) =>
    [
        i.BeslutId, i.Lag.ToString(), i.Verksamhet ?? "", i.Insats, i.Enhet ?? "", IsoDate.Format(i.Klockstart)!, i.KlockstartAv,
        IsoDate.Format(i.SistaDag)!, i.Dagar.ToString(System.Globalization.CultureInfo.InvariantCulture), Capitalised(i.Orsak ?? ""),
    ];

    private static string Beslut(int n) => $"{n} beslut";

    /// The Orsak column is a label, written with a capital like every other column ("Det saknas plats …").
    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpper(text[0], Language.Wording.Swedish) + text[1..];
}
