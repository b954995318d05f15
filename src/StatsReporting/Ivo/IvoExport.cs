using Dapper;
using StatsReporting.Decisions;
using StatsReporting.Reports;
using StatsReporting.Storage;

namespace StatsReporting.Ivo;

public sealed record IvoExportResult(Period Period, string Folder, IReadOnlyList<WrittenFile> Files, IReadOnlyList<IvoRow> Rows,
    IReadOnlyList<ForsvunnetArende> Forsvunna, IReadOnlyList<string> Findings)
{
    public int Count(Rapporttyp t) => Rows.Count(r => r.Rapporttyp == t);

    public string Summary => $"IVO-individrapport {Period}: {Rows.Count} beslut ({Count(Rapporttyp.Ny)} ny, "
        + $"{Count(Rapporttyp.Kvarstar)} kvarstår, {Count(Rapporttyp.Avslutande)} avslutande), {Forsvunna.Count} försvunna ärenden.";

    /// Swedish lines for the terminal and the job's log: beslut-id only, never a person code or a kommentar.
    public IReadOnlyList<string> Warnings => Forsvunna.Count == 0 ? [] :
        [$"Varning: {Forsvunna.Count} {(Forsvunna.Count == 1 ? "försvunnet ärende" : "försvunna ärenden")} — öppna beslut som saknas i den senaste importen: "
         + $"{string.Join(", ", Forsvunna.Select(f => f.BeslutId))}. Se fliken Försvunna ärenden i IVO-individrapporten."];
}

/// Makes a quarter's IVO individrapport from the stored records and records that it was made (spec §5.3).
/// It holds personal data: it goes only to its own owner-only folder, never beside the KF workbooks.
public sealed class IvoExport(Db db, Catalog catalog, AppSettings settings, TimeProvider clock)
{
    /// Writes <root>/<q>/ivo-individrapport-<q>.xlsx and .csv. `kfRoot` is where this run's KF reports go, if not
    /// the configured folder: the IVO folder may lie inside neither.
    public IvoExportResult Write(Period q, string root, string? kfRoot = null)
    {
        foreach (var kf in new[] { settings.Paths.Reports, kfRoot }.OfType<string>())
            if (IsWithin(root, kf))
                throw new ArgumentException($"IVO-mappen '{root}' ligger i rapportmappen '{kf}': individrapporten innehåller personuppgifter och ska ligga i en egen mapp.");

        IReadOnlyList<Decision> decisions;
        IReadOnlyList<ForsvunnetArende> forsvunna;
        long? importId;
        using (var c = db.Open())
        {
            decisions = DecisionStore.Current(c);
            forsvunna = ForsvunnetArende.Find(c, catalog, q);
            importId = DecisionStore.LatestImportId(c);
        }
        var reportable = decisions.Where(d => ReportingRule.IsReportable(d, q)).ToList();
        var codes = PseudonymCodes.Assign(db, reportable, clock.GetUtcNow());
        var rows = IvoRules.Rows(decisions, q, catalog, d => codes.TryGetValue(d.PersonId, out var a) ? a.Code : d.PersonId);
        var findings = forsvunna.Select(f => $"Fel: beslut {f.BeslutId}: {f.Message}")
            .Concat(IvoChecks.Findings(rows, codes)).ToList();

        var folder = RestrictedFiles.Folder(Path.Combine(RestrictedFiles.Folder(root), q.ToString()));
        var xlsx = Path.Combine(folder, IvoFiles.FileName(q, "xlsx"));
        var csv = Path.Combine(folder, IvoFiles.FileName(q, "csv"));
        IvoFiles.WriteXlsx(rows, forsvunna, findings, q, xlsx);
        IvoFiles.WriteCsv(rows, csv);
        var result = new IvoExportResult(q, folder, [new("IVO-individrapport (xlsx)", xlsx), new("IVO-individrapport (csv)", csv)],
            rows, forsvunna, findings);
        Record(result, importId);
        return result;
    }

    /// The reporting calendar as of `today`, from the stored records and the exports recorded so far.
    public IvoStatus Status(DateOnly today)
    {
        const string sql = "SELECT period AS Period, MAX(exported_at) AS ExportedAt FROM ivo_exports GROUP BY period";
        using var c = db.Open();
        var exports = c.Query<(string Period, string ExportedAt)>(sql)
            .ToDictionary(e => Period.Parse(e.Period), e => DateTimeOffset.Parse(e.ExportedAt, System.Globalization.CultureInfo.InvariantCulture));
        Period? first = string.IsNullOrEmpty(settings.Report.RecordsFrom) ? null : Period.Parse(settings.Report.RecordsFrom);
        return IvoCalendar.Compute(settings.Ivo, today, first, DecisionStore.Current(c), exports, catalog);
    }

    private void Record(IvoExportResult r, long? importId)
    {
        const string sql = """
            INSERT INTO ivo_exports (period, exported_at, import_id, ny, kvarstar, avslutande, forsvunna, folder)
            VALUES (@period, @at, @importId, @ny, @kvarstar, @avslutande, @forsvunna, @folder)
            """;
        using var c = db.Open();
        c.Execute(sql, new
        {
            period = r.Period.ToString(), at = clock.GetUtcNow().ToString("O"), importId, ny = r.Count(Rapporttyp.Ny),
            kvarstar = r.Count(Rapporttyp.Kvarstar), avslutande = r.Count(Rapporttyp.Avslutande), forsvunna = r.Forsvunna.Count,
            folder = r.Folder,
        });
    }

    private static bool IsWithin(string path, string folder)
    {
        var p = Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var f = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return p.StartsWith(f, StringComparison.Ordinal);
    }
}
