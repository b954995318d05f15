using System.Globalization;
using StatsReporting.Decisions;
using StatsReporting.Import;

namespace StatsReporting.Checks;

/// Reads a published table (CSV with ; or , in UTF-8/Windows-1252, or the first sheet of an XLSX) for checking.
/// Only Read touches the disk; Parse is pure. Cells that are not counts become findings, never exceptions.
public static class TableReader
{
    /// A published table has tens of rows: far tighter bounds than a decision file's, under the same reader.
    public static readonly ImportLimits Limits = ImportLimits.Default with { MaxRows = 100_000, MaxCells = 2_000_000, MaxUnzippedBytes = 256L * 1024 * 1024 };

    public static ReadTable Read(string path)
    {
        var name = Path.GetFileName(path);
        if (Directory.Exists(path)) throw new TableReadException($"'{path}' är en mapp, inte en fil.");
        if (!File.Exists(path)) throw new TableReadException($"Filen '{path}' finns inte.");
        RawTable raw;
        try { raw = RawTableReader.Read(path, name, Limits); }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var row = e is NotATableException { Row: > 1 } n ? $"rad {n.Row}: " : "";
            throw new TableReadException($"{name}: {row}{RawTableReader.WhyUnreadable(e) ?? "filen kan inte läsas som CSV eller XLSX; spara den på nytt från Excel."}");
        }
        // An XLSX row has no cell for an empty count, so only a CSV row can show that it stopped early.
        if (!RowSource.IsXlsx(path) && TableShape.WhyCutOff(raw) is { } cut) throw new TableReadException(cut);
        return Parse(raw);
    }

    public static ReadTable Parse(RawTable raw)
    {
        var width = Width(raw);
        if (width < 2 || raw.Rows.Count == 0)
            throw new TableReadException($"{raw.FileName}: ingen tabell att kontrollera (rubrikrad, en radetikett och minst en kolumn med tal behövs).");
        if (TableShape.WhyNotATable(raw, width) is { } why) throw new TableReadException(why);
        if (TwiceNamed(raw, width) is { } twice) throw new TableReadException(twice);
        var cells = new List<Finding>();
        var result = IsBreakdown(raw, width)
            ? new ReadTable(null, ParseBreakdown(raw, width, cells), cells)
            : new ReadTable(ParseTable(raw, width, cells), null, cells);
        if (result.Table is { } t && t.Rows.All(r => r.Values.All(v => v is null)))
            throw new TableReadException($"{raw.FileName}: ingen cell i tabellen kan läsas som ett antal.");
        return result;
    }

    /// A count as people type it: '-' (any dash) or empty is 0, spaces may group thousands. Null when unreadable.
    public static int? ParseCount(string text, out string? problem)
    {
        problem = null;
        var t = text.Trim();
        if (t is "" or "-" or "–" or "—") return 0;
        // Eight digits are no count in a KF table but a birth date (or a person code): never summed, never shown.
        var compact = t.Replace(" ", "").Replace("\u00a0", "").Replace("\u202f", "").Replace('−', '-');
        // A number of more digits than any person code has is neither a count nor personal: too big, said so.
        if (compact.TrimStart('-').Length > 13 && !compact.TrimStart('-').AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            problem = $"talet är för stort för ett antal ({compact.TrimStart('-').Length} siffror)";
            return null;
        }
        if (TableShape.Shown(t) != t) { problem = $"'{TableShape.Shown(t)}' kan inte läsas som ett antal"; return null; }
        if (!int.TryParse(compact, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
        {
            problem = $"'{t}' kan inte läsas som ett antal";
            return null;
        }
        if (n < 0) problem = $"negativt antal {n}";
        return n;
    }

    private static CheckTable ParseTable(RawTable raw, int width, List<Finding> cells)
    {
        var columns = Enumerable.Range(1, width - 1).Select(i => Cell(raw.Header, i)).ToList();
        var table = new CheckTable(raw.FileName, Cell(raw.Header, 0), columns, []);
        var rows = new List<TableRow>();
        foreach (var r in raw.Rows)
        {
            var label = Cell(r.Cells, 0) is { Length: > 0 } l ? TableShape.Shown(l) : "(utan radetikett)";
            var values = new List<int?>();
            for (var i = 1; i < width; i++)
            {
                values.Add(ParseCount(Cell(r.Cells, i), out var problem));
                if (problem is not null)
                    cells.Add(new(raw.FileName, label, table.ColumnName(i - 1), null, null, Finding.Error,
                        $"{label} (rad {r.Number}), {table.ColumnName(i - 1)}: {problem}.", Kind: FindingKind.Cell, Line: r.Number));
            }
            rows.Add(new TableRow(label, values, r.Number));
        }
        return table with { Rows = rows };
    }

    /// Insats, status, antal. An empty insats continues the one above; an empty status is the insats' count.
    private static Breakdown ParseBreakdown(RawTable raw, int width, List<Finding> cells)
    {
        var lines = new List<BreakdownLine>();
        var insats = "";
        foreach (var r in raw.Rows)
        {
            if (Cell(r.Cells, 0) is { Length: > 0 } i) insats = TableShape.Shown(i);
            var status = Cell(r.Cells, 1) is { Length: > 0 } s ? TableShape.Shown(s) : "Totalt";
            var count = ParseCount(Cell(r.Cells, width - 1), out var problem);
            if (problem is not null)
                cells.Add(new(raw.FileName, insats, Cell(raw.Header, width - 1), null, null, Finding.Error,
                    $"{insats} (rad {r.Number}), {status}: {problem}.", Kind: FindingKind.Cell, Line: r.Number));
            lines.Add(new BreakdownLine(insats, status, count, r.Number));
        }
        return new Breakdown(raw.FileName, lines);
    }

    /// A breakdown names a status or orsak in its second column (by header, or because no cell there is a number).
    private static bool IsBreakdown(RawTable raw, int width)
    {
        if (width < 3) return false;
        var header = Text.Key(Cell(raw.Header, 1));
        if (header.Contains("status") || header.Contains("orsak")) return true;
        return raw.Rows.All(r => ParseCount(Cell(r.Cells, 1), out _) is null && ParseCount(Cell(r.Cells, width - 1), out _) is not null);
    }

    /// Two columns under one header (Män twice): which of them is the published count is a guess, as in a decision file.
    private static string? TwiceNamed(RawTable raw, int width)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < width; i++)
        {
            var h = Cell(raw.Header, i);
            if (h.Length == 0) continue;
            if (seen.TryGetValue(Text.Key(h), out var first))
                return $"{raw.FileName}: rad 1: rubriken '{TableShape.Shown(h)}' finns i både kolumn {first + 1} och kolumn {i + 1}; "
                    + "ta bort eller byt namn på den ena så att det är entydigt vilken kolumn som gäller.";
            seen[Text.Key(h)] = i;
        }
        return null;
    }

    /// Columns up to the last one that has a header or any cell: trailing empty columns (Excel's ;;;) are not data.
    private static int Width(RawTable raw)
    {
        var width = raw.Rows.Select(r => r.Cells.Count).Append(raw.Header.Count).Max();
        while (width > 0 && Cell(raw.Header, width - 1).Length == 0 && raw.Rows.All(r => Cell(r.Cells, width - 1).Length == 0)) width--;
        return width;
    }

    private static string Cell(IReadOnlyList<string> cells, int i) => i < cells.Count ? cells[i].Trim() : "";
}
