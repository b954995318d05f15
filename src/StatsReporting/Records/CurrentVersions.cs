using StatsReporting.Storage;
using StatsReporting.Decisions;

namespace StatsReporting.Records;

/// The newest version of every decision as the records stood after an import, in beslut_id order (DecisionStore.Current,
/// QuarterRecords), read in two queries without a sub-query per row (migration 0006): a version still in its law's
/// snapshot at `upToImport` is the decision's newest one then, because making a new version ends the old one's span;
/// the few versions that had left their snapshot are looked up through their own index, and kept when nothing newer
/// was made by then. On SQLite the nämnd is compared as `v.namnd || ''` (Engine.ScanNamnd), which keeps the planner off
/// the (namnd, beslut_id, version) index: walking it visits every row in beslut_id order, one random page read each,
/// where a plain scan reads the table once in file order (the first query), and it would hide ix_decision_versions_gone
/// from the second (issue 13). Rows are read through the engine's version store.
internal static class CurrentVersions
{
    private const string Done = "COALESCE(v.verkstallt_datum, v.avslutat_datum)";

    /// `doneFrom`: leaves out the versions done before that day. `lateBy`: leaves out, too, the versions no quarter
    /// ending by that day can report (ReportingRule.IsReportable): not late by then, or done before their first late
    /// day (migration 0011's first_late_day; a version stored without one is always read).
    public static IReadOnlyList<Decision> Read(Db db, long? upToImport, DateOnly? doneFrom, DateOnly? lateBy)
    {
        var namnd = db.Engine.ScanNamnd("v.namnd");
        var filter = $"({Done} IS NULL OR {Done} >= @from)" + (lateBy is null ? ""
            : $" AND (v.first_late_day IS NULL OR (v.first_late_day <= @late AND ({Done} IS NULL OR {Done} >= v.first_late_day)))");
        // SQLite tests a row's terms in the order written: the dates first, which leave out all but a few per cent of
        // the rows, then the snapshot and the nämnd (on SQLite namnd || '' makes a string per row): a third less time per scan.
        var open = $"""
            SELECT {DecisionTable.Select} FROM decision_versions v
            WHERE {filter} AND v.import_id <= @upTo AND (v.gone_import IS NULL OR v.gone_import > @upTo) AND {namnd} = namnd()
            """;
        var left = $"""
            SELECT {DecisionTable.Select} FROM decision_versions v
            WHERE {namnd} = namnd() AND v.gone_import IS NOT NULL AND v.gone_import <= @upTo AND {filter}
              AND NOT EXISTS (SELECT 1 FROM decision_versions w
                              WHERE w.namnd = v.namnd AND w.beslut_id = v.beslut_id AND w.version > v.version AND w.import_id <= @upTo)
            """;
        (string Name, object Value)[] parameters =
            [("@upTo", upToImport ?? long.MaxValue), ("@from", IsoDate.Format(doneFrom) ?? ""), .. lateBy is { } l ? [("@late", (object)IsoDate.Format(l)!)] : Array.Empty<(string, object)>()];
        var list = new List<Decision>();
        var store = VersionStore.For(db);
        using (var c = db.Open())
            foreach (var sql in new[] { open, left }) store.Read(c, sql, parameters, list);
        return ByBeslutId(list);
    }

    /// The rows in beslut_id order. A scan gives them in file order, which for exports sorted by id is a few ascending
    /// runs (the first import's rows, then each later import's new versions): those are merged, in about one pass;
    /// rows in any other order are sorted.
    internal static List<Decision> ByBeslutId(List<Decision> rows)
    {
        const int mostRuns = 16;
        var runs = new List<(int Start, int End)>();
        for (int i = 1, start = 0; i <= rows.Count; i++)
        {
            if (i < rows.Count && string.CompareOrdinal(rows[i - 1].BeslutId, rows[i].BeslutId) <= 0) continue;
            runs.Add((start, i));
            start = i;
            if (runs.Count > mostRuns)
            {
                rows.Sort((a, b) => string.CompareOrdinal(a.BeslutId, b.BeslutId));
                return rows;
            }
        }
        if (runs.Count <= 1) return rows;
        var at = runs.Select(r => r.Start).ToArray();
        var next = new PriorityQueue<int, string>(StringComparer.Ordinal);
        for (var r = 0; r < runs.Count; r++) next.Enqueue(r, rows[at[r]].BeslutId);
        var merged = new List<Decision>(rows.Count);
        while (next.TryDequeue(out var r, out _))
        {
            merged.Add(rows[at[r]]);
            if (++at[r] < runs[r].End) next.Enqueue(r, rows[at[r]].BeslutId);
        }
        return merged;
    }
}
