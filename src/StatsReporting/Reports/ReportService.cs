using Dapper;
using System.Data.Common;
using StatsReporting.Checks;
using StatsReporting.Decisions;
using StatsReporting.Reports.Charts;
using StatsReporting.Reports.Document;
using StatsReporting.Storage;
using StatsReporting.FileSystem;
using StatsReporting.Records;
using StatsReporting.Language;
using StatsReporting.Organisation;
using StatsReporting.Avgift;

namespace StatsReporting.Reports;

/// One row's count for a quarter; null = "uppgift saknas".
public sealed record RowCount(string Label, RowKind Kind, int? Count);

/// A generated table does not add up: a bug in this program, so nothing is written.
public sealed class InconsistentReportException(IReadOnlyList<Finding> findings)
    : InvalidOperationException("Rapporten skrevs inte: en framräknad tabell summerar inte, vilket är ett programfel.\n"
                                + string.Join("\n", findings.Select(f => f.Text)))
{
    public IReadOnlyList<Finding> Findings { get; } = findings;
}

/// Makes the quarter's outputs from the stored records: the same service the CLI and the scheduled job call.
public sealed class ReportService(NamndContext n)
{
    private readonly Db db = n.Db;
    private readonly Catalog catalog = n.Catalog;

    public IReadOnlyList<KfReport> Build(Period period, DateOnly asOf)
    {
        using var c = db.Open();
        return Build(c, DecisionStore.Current(db, doneFrom: QuarterRecords.NeededFrom(period)), period, asOf);
    }

    /// Both laws' reports from records already read (QuarterRecords): the aggregation alone.
    public IReadOnlyList<KfReport> Build(IReadOnlyList<Decision> decisions, Period period, DateOnly asOf)
    {
        using var c = db.Open();
        return Build(c, decisions, period, asOf);
    }

    private IReadOnlyList<KfReport> Build(DbConnection c, IReadOnlyList<Decision> decisions, Period period, DateOnly asOf)
    {
        var agg = new KfAggregation(catalog, n.Report);
        return [agg.Build(decisions, Lag.SoL, period, asOf, History(c, Lag.SoL)), agg.Build(decisions, Lag.LSS, period, asOf, History(c, Lag.LSS))];
    }

    /// The per-row counts of a law at the end of a quarter, as the Jämförelse shows them: from the records where they
    /// cover the quarter, else from a stored published table; null when neither has the quarter.
    public IReadOnlyList<RowCount>? QuarterCounts(Lag lag, Period q)
    {
        using var c = db.Open();
        var history = History(c, lag);
        if (!n.Report.RecordsCover(q) && !history.ContainsKey(q)) return null;
        var table = new KfAggregation(catalog, n.Report).Jamforelse(DecisionStore.Current(db, doneFrom: q.Start), lag, [q], history);
        return table.Rows.Select(r => new RowCount(r.Label, r.Kind, r.Values[0])).ToList();
    }

    /// Every finding for the quarter that is not a bug: record-level findings and the stored tables' disagreements.
    public IReadOnlyList<Finding> Findings(IReadOnlyList<KfReport> reports, Period period, DateOnly asOf)
    {
        using var c = db.Open();
        return Findings(c, DecisionStore.Current(db, doneFrom: QuarterRecords.NeededFrom(period)), reports, period, asOf, Snapshots.VanishedByLaw(db));
    }

    private IReadOnlyList<Finding> Findings(DbConnection c, IReadOnlyList<Decision> decisions, IReadOnlyList<KfReport> reports,
        Period period, DateOnly asOf, IReadOnlyDictionary<Lag, IReadOnlyList<VanishedDecision>> vanished) =>
        reports.SelectMany(r => RecordChecks.For(decisions, r.Lag, period, asOf, vanished[r.Lag])
            .Concat(PublishedHistory.Findings(r, PublishedTableStore.Latest(c, r.Lag), n.Report))
            .Select(f => f with { Law = r.LawName })).ToList();

    /// Writes reports/<period>/: the charts, one KF workbook per law (with the charts on its Diagram sheet) and its
    /// tjänsteskrivelse (.docx), kontroller-<period>.json, then the zip of it all, into a fresh folder that then replaces the old one whole. Every generated
    /// table is checked first; if one does not add up, nothing is written. `upToImport` re-makes the quarter from the
    /// records as they stood after that import (history is never overwritten); null takes every import.
    public IReadOnlyList<WrittenFile> Write(Period period, DateOnly asOf, string outRoot, IProgress<string>? progress = null,
        long? upToImport = null, QuarterRecords? records = null, DocumentInput? input = null)
    {
        var document = n.Get<DocumentSettings>().For(n.Namnd, input?.Arendenr, input?.Handlaggare);
        if (asOf < period.End)
            throw new ArgumentException($"Rapportdatum {asOf:yyyy-MM-dd} ligger före kvartalets sista dag {period.End:yyyy-MM-dd}.");
        using var c = db.Open();
        var basis = Basis(c, upToImport);
        // A run passes the records it has read once for all its outputs; they must be the ones this report is made from.
        if (records is not null && (records.Period != period || records.ImportId != basis?.Id))
            throw new ArgumentException("Internt fel: underlaget som skickades in gäller en annan period eller import.");
        records ??= QuarterRecords.Load(db, period, basis?.Id);
        var decisions = records.Decisions;
        // The Text sheet names the records the report was made from, so that it can be made again exactly.
        var reports = Build(c, decisions, period, asOf).Select(r => AvgiftSheet.Attach(r, records.Avgift(r.Lag, r.AsOf, catalog, n.Get<AvgiftSettings>()), n.Get<AvgiftSettings>()))
            .Select(r => r with { Text = [.. r.Text, BasisLine(basis)], Basis = BasisLine(basis) }).ToList();
        var agg = new KfAggregation(catalog, n.Report);
        // The trend takes its quarters where the Jämförelse does: records, else stored published tables, else "uppgift saknas".
        var trends = reports.Select(r => TrendHistory.From(agg.Jamforelse(decisions, r.Lag, period.Window(TrendHistory.Quarters), History(c, r.Lag)), r.Lag, period)).ToList();
        var findings = Findings(c, decisions, reports, period, asOf, records.Vanished);
        // As one set: a fresh folder that takes the old one's place when every file is in it (FileSystem/OutputSet).
        return OutputSet.Write(Path.Combine(n.Folder(outRoot), period.ToString()), dir => Write(reports, trends, findings, dir, catalog, n.Report, progress, document));
    }

    public static IReadOnlyList<WrittenFile> Write(IReadOnlyList<KfReport> reports, IReadOnlyList<TrendInput> trends, IReadOnlyList<Finding> findings,
        string dir, Catalog catalog, ReportSettings settings, IProgress<string>? progress = null, DocumentOptions? document = null)
    {
        progress?.Report("Kontrollerar de framräknade tabellerna …");
        var bugs = reports.SelectMany(r => GeneratedChecks.Check(r, settings)).ToList();
        if (bugs.Count > 0) throw new InconsistentReportException(bugs);

        var made = DateOnly.FromDateTime(DateTime.Now); // the day printed in every page footer
        // Each law's charts, workbook and tjänsteskrivelse share nothing with the other law's: the laws after the first
        // are made on the other core meanwhile (issue 13). The files are listed in law order whatever finishes first;
        // after an error every law is waited for, so nothing still writes into the folder when the set is given up,
        // and the first law's error (in Swedish, as thrown) is the one that surfaces.
        // The caller's progress (a terminal, the run history's row) is told one line at a time.
        var oneAtATime = progress is null ? null : new OneAtATime(progress);
        List<WrittenFile> Law(int i) => WriteLaw(reports[i], trends[i], findings, dir, catalog, settings, made, oneAtATime, document);
        var others = Enumerable.Range(1, reports.Count - 1).Select(i => Task.Run(() => Law(i))).ToList();
        var written = new List<WrittenFile>();
        try
        {
            written.AddRange(Law(0));
        }
        catch
        {
            try { Task.WaitAll(others); } catch (AggregateException) { }
            throw;
        }
        foreach (var other in others) written.AddRange(other.GetAwaiter().GetResult());
        var json = Path.Combine(dir, FindingsFileName(reports[0].Period));
        AtomicFile.Write(json, s => s.Write(System.Text.Encoding.UTF8.GetBytes(Finding.ToJson(findings))));
        written.Add(new($"Kontroller ({findings.Count} {(findings.Count == 1 ? "avvikelse" : "avvikelser")})", json));
        written.Add(SummaryFile.Write(reports, dir));
        // Last: the zip carries every file above, the findings included.
        written.Add(ReportBundle.Write(dir, reports[0].Period, settings.NamedOutputs));
        return written;
    }

    private static List<WrittenFile> WriteLaw(KfReport report, TrendInput trend, IReadOnlyList<Finding> findings, string dir,
        Catalog catalog, ReportSettings settings, DateOnly made, IProgress<string>? progress, DocumentOptions? document)
    {
        progress?.Report($"Ritar {report.LawName}-diagrammen …");
        var (images, chartFiles) = ChartFiles.Write(report, trend, catalog, dir);
        var path = Path.Combine(dir, WorkbookFileName(report.Lag, report.Period, settings.NamedOutputs));
        progress?.Report($"Skriver {report.LawName}-arbetsboken …");
        var own = findings.Where(f => f.Law == report.LawName).Select(f => f.Text).ToList();
        KfWorkbook.Write(report, own, path, images, made, settings.Kommun, settings.Namnd);
        var docx = Path.Combine(dir, Tjansteskrivelse.FileName(report.Lag, report.Period, settings.NamedOutputs));
        Tjansteskrivelse.Write(report, images, catalog, settings, made, docx, document);
        return [new($"KF-arbetsbok {report.LawName}", path), new($"Tjänsteskrivelse {report.LawName} (Word)", docx), .. chartFiles];
    }

    private sealed class OneAtATime(IProgress<string> inner) : IProgress<string>
    {
        private readonly Lock _lock = new();

        public void Report(string value)
        {
            lock (_lock) inner.Report(value);
        }
    }

    private sealed record ImportRow(long Id, string ImportedAt);

    private static ImportRow? Basis(DbConnection c, long? upToImport)
    {
        const string sql = """
            SELECT id AS Id, imported_at AS ImportedAt FROM imports
            WHERE id = (SELECT MAX(id) FROM imports WHERE namnd = namnd() AND (@upTo IS NULL OR id <= @upTo))
            """;
        var row = c.QuerySingleOrDefault<ImportRow>(sql, new { upTo = upToImport });
        if (upToImport is { } n && row?.Id != n) throw new ArgumentException($"Import {n} finns inte i databasen.");
        return row;
    }

    private static string BasisLine(ImportRow? basis) =>
        Wording.Basis(basis is null ? null : DateOnly.ParseExact(basis.ImportedAt[..10], "yyyy-MM-dd"));

    private static IReadOnlyDictionary<Period, CheckTable> History(DbConnection c, Lag lag) =>
        PublishedTableStore.Latest(c, lag).ToDictionary(t => t.Period, t => t.Quarter);

    /// `namnd`: the nämnd's name when the installation has several nämnder ("EVB SoL 2025 kv2 Socialnämnden.xlsx");
    /// with one, the name is what it was before nämnder existed (README, "Flera nämnder").
    public static string WorkbookFileName(Lag lag, Period p, string? namnd = null) =>
        namnd is null ? $"evb-{lag.ToString().ToLowerInvariant()}-{p}.xlsx" : $"EVB {lag} {p.Swedish} {namnd}.xlsx";

    public static string FindingsFileName(Period p) => $"kontroller-{p}.json";

    /// The name a controller sees when downloading: "EVB SoL 2025 kv2.xlsx".
    public static string WorkbookDisplayName(Lag lag, Period p, string? namnd = null) => $"EVB {lag} {p.Swedish}{Named(namnd)}.xlsx";

    /// " Socialnämnden" after a download name when the installation has several nämnder.
    public static string Named(string? namnd) => namnd is null ? "" : " " + namnd;
}
