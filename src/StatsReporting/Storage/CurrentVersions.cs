using Microsoft.Data.Sqlite;
using StatsReporting.Decisions;

namespace StatsReporting.Storage;

/// The newest version of every decision as the records stood after an import, in beslut_id order (DecisionStore.Current,
/// QuarterRecords), read in two queries without a sub-query per row (migration 0006): a version still in its law's
/// snapshot at `upToImport` is the decision's newest one then, because making a new version ends the old one's span;
/// the few versions that had left their snapshot are looked up through their own index, and kept when nothing newer
/// was made by then. `v.namnd || ''` (standard SQL) keeps the planner off the (namnd, beslut_id, version) index:
/// walking it visits every row in beslut_id order, one random page read each, where a plain scan reads the table once
/// in file order (the first query), and it would hide ix_decision_versions_gone from the second (issue 13). Rows are
/// read through DecisionRows, straight from SQLite's statement.
internal static class CurrentVersions
{
    private const string Done = "COALESCE(v.verkstallt_datum, v.avslutat_datum)";

    /// `doneFrom`: leaves out the versions done before that day. `lateBy`: leaves out, too, the versions no quarter
    /// ending by that day can report (ReportingRule.IsReportable): not late by then, or done before their first late
    /// day (migration 0011's first_late_day; a version stored before it has none and is always read).
    public static IReadOnlyList<Decision> Read(SqliteConnection c, long? upToImport, DateOnly? doneFrom, DateOnly? lateBy)
    {
        const string filter = $"""
            ({Done} IS NULL OR {Done} >= ?2)
              AND (?3 IS NULL OR v.first_late_day IS NULL OR (v.first_late_day <= ?3 AND ({Done} IS NULL OR {Done} >= v.first_late_day)))
            """;
        const string open = $"""
            SELECT {DecisionStore.Columns} FROM decision_versions v
            WHERE v.namnd || '' = namnd() AND v.import_id <= ?1 AND (v.gone_import IS NULL OR v.gone_import > ?1) AND {filter}
            """;
        const string left = $"""
            SELECT {DecisionStore.Columns} FROM decision_versions v
            WHERE v.namnd || '' = namnd() AND v.gone_import IS NOT NULL AND v.gone_import <= ?1 AND {filter}
              AND NOT EXISTS (SELECT 1 FROM decision_versions w
                              WHERE w.namnd = v.namnd AND w.beslut_id = v.beslut_id AND w.version > v.version AND w.import_id <= ?1)
            """;
        var list = new List<Decision>();
        var rows = new DecisionRows(c);
        object?[] parameters = [upToImport ?? long.MaxValue, DecisionStore.Iso(doneFrom) ?? "", DecisionStore.Iso(lateBy)];
        foreach (var sql in new[] { open, left }) rows.Read(sql, parameters, list);
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
