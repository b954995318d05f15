namespace StatsReporting.Import;

/// Which visible sheet holds the decisions: the first visible sheet whose header (one of its first ten rows, below any
/// title rows) has every required decision column, so an "Info" sheet before it does not count; with none such, the
/// first visible sheet (and the validator names what its header lacks). Two or more such sheets are refused with their
/// names: which of them is the export is a guess we do not make.
public static class XlsxSheetChoice
{
    public static string Choose(XlsxPackage package, IReadOnlyList<(string Name, string Part)> sheets, ImportLimits limits, List<string?> strings,
        HeaderMap header)
    {
        if (sheets.Count == 1) return sheets[0].Part;
        var lists = sheets.Where(s => LooksLikeDecisions(package, s.Part, limits, strings, header)).ToList();
        if (lists.Count > 1)
            throw new NotATableException($"arbetsboken har {lists.Count} synliga blad som ser ut som beslutslistor ("
                + string.Join(", ", lists.Select(s => $"'{Shown(s.Name)}'")) + "); dölj eller ta bort de andra bladen så att bara ett blad med beslut är synligt.");
        return (lists.Count == 1 ? lists[0] : sheets[0]).Part;
    }

    private static bool LooksLikeDecisions(XlsxPackage package, string part, ImportLimits limits, List<string?> strings, HeaderMap header)
    {
        using var r = package.Open(part);
        if (r is null) return false;
        for (var number = 0; XlsxRows.NextRow(r, number) is { } next && next <= RowSource.HeaderSearchRows;)
        {
            number = next;
            if (!r.IsEmptyElement && header.HoldsRequired(XlsxRows.ReadRow(r, number, limits, [], strings, false).Cells)) return true;
        }
        return false;
    }

    private static string Shown(string name)
    {
        var clean = string.Concat(name.Where(c => !char.IsControl(c)));
        return clean.Length > 40 ? clean[..40] + "…" : clean;
    }
}
