namespace StatsReporting.Import;

/// Which visible sheet holds the decisions. One visible sheet is taken as it is; of several, the one whose first row
/// has every required decision column (an "Anteckningar" sheet beside it does not count). Two or more such sheets are
/// refused with their names: which of them is the export is a guess we do not make.
public static class XlsxSheetChoice
{
    public static string Choose(XlsxPackage package, IReadOnlyList<(string Name, string Part)> sheets, ImportLimits limits, List<string?> strings)
    {
        if (sheets.Count == 1) return sheets[0].Part;
        var lists = sheets.Where(s => LooksLikeDecisions(package, s.Part, limits, strings)).ToList();
        if (lists.Count > 1)
            throw new NotATableException($"arbetsboken har {lists.Count} synliga blad som ser ut som beslutslistor ("
                + string.Join(", ", lists.Select(s => $"'{Shown(s.Name)}'")) + "); dölj eller ta bort de andra bladen så att bara ett blad med beslut är synligt.");
        return (lists.Count == 1 ? lists[0] : sheets[0]).Part;
    }

    private static bool LooksLikeDecisions(XlsxPackage package, string part, ImportLimits limits, List<string?> strings)
    {
        using var r = package.Open(part);
        if (r is null) return false;
        if (XlsxRows.NextRow(r, 0) is not { } number || r.IsEmptyElement) return false;
        var header = XlsxRows.ReadRow(r, number, limits, [], strings, false).Cells;
        var index = HeaderMap.Map("", header, []);
        return HeaderMap.Columns.Where(c => c.Required).All(c => index.ContainsKey(c.Column));
    }

    private static string Shown(string name)
    {
        var clean = string.Concat(name.Where(c => !char.IsControl(c)));
        return clean.Length > 40 ? clean[..40] + "…" : clean;
    }
}
