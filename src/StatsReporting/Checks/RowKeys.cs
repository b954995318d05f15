using System.Text;
using System.Text.RegularExpressions;

namespace StatsReporting.Checks;

/// A row's identity across tables: a sum row by what it sums ("ifo", "samtligaverksamheter"), a detail row by its
/// group and its name without the group's token ("Kontaktperson, OF" under Totalt OF → ("of", "kontaktperson")).
/// LSS rows are identified by their point of 9 § ("9.6"), whatever the words after it.
public sealed record RowKey(bool IsSum, string Group, string Name, IReadOnlyList<string> Tokens);

public static partial class RowKeys
{
    /// The key of every row of the table, by row index; `groupTokens` are the single-word groups to strip from names.
    public static IReadOnlyList<RowKey> Of(CheckTable t, ISet<string> groupTokens)
    {
        var s = TableStructure.Of(t);
        return t.Rows.Select((row, i) =>
        {
            if (TableStructure.IsSumLabel(row.Label)) return new RowKey(true, "", SumName(row.Label), []);
            var words = Tokens(row.Label);
            // Without a sum row to say so, the group is the group word in the label ("Kontaktperson, OF").
            var g = s.GroupOf(i) is { } group ? SumName(t.Rows[group.SumRow].Label) : words.FirstOrDefault(groupTokens.Contains) ?? "";
            if (Point(row.Label) is { } p) return new RowKey(false, g, p, [p]);
            var tokens = words.Where(x => !groupTokens.Contains(x) && x != g).ToList();
            return new RowKey(false, g, string.Concat(tokens), tokens);
        }).ToList();
    }

    /// The single-word groups of a table's sum rows: "äo", "of", "ifo".
    public static IEnumerable<string> GroupTokens(CheckTable t) =>
        t.Rows.Where(r => TableStructure.IsSumLabel(r.Label)).Select(r => Tokens(r.Label).Skip(1).ToList())
            .Where(ts => ts.Count == 1).Select(ts => ts[0]);

    private static string SumName(string label) => string.Concat(Tokens(label).SkipWhile(x => x is "total" or "summa"));

    /// Lower case, "Totalt" as "total", "vården" as "vård"; space, ',', '/', ';', ':' and brackets split words;
    /// other punctuation ('-', '.') joins them ("skyddat-boende" = "skyddatboende").
    public static List<string> Tokens(string label)
    {
        var tokens = new List<string>();
        var word = new StringBuilder();
        void Flush()
        {
            if (word.Length == 0) return;
            var w = word.ToString();
            word.Clear();
            if (w == "totalt") w = "total";
            if (w.EndsWith("vården", StringComparison.Ordinal)) w = w[..^2];
            tokens.Add(w);
        }
        foreach (var ch in label.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(ch)) word.Append(ch);
            else if (char.IsWhiteSpace(ch) || ch is ',' or '/' or ';' or ':' or '(' or ')') Flush();
        }
        Flush();
        return tokens;
    }

    /// "9.6 …", "9 § 6 …", "9:6", "9 § p. 6" → "9.6".
    private static string? Point(string label) =>
        PointPattern().Match(label) is { Success: true } m ? $"{m.Groups[1].Value}.{m.Groups[2].Value}" : null;

    [GeneratedRegex(@"^\s*(\d+)\s*(?:§\s*(?:p\.?|punkt)?|\.|:)\s*(\d+)(?!\d)")]
    private static partial Regex PointPattern();
}
