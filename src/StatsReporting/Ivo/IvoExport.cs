using StatsReporting.Avgift;
using StatsReporting.Decisions;
using StatsReporting.Reports;
using StatsReporting.Storage;
using StatsReporting.FileSystem;
using StatsReporting.Records;
using StatsReporting.Organisation;

namespace StatsReporting.Ivo;

public sealed record IvoExportResult(Period Period, string Folder, IReadOnlyList<WrittenFile> Files, IReadOnlyList<IvoRow> Rows,
    IReadOnlyList<ForsvunnetArende> Forsvunna, IReadOnlyList<string> Findings)
{
    public int Count(Rapporttyp t) => Rows.Count(r => r.Rapporttyp == t);

    public string Summary => $"IVO-individrapport {Period}: {Rows.Count} beslut ({Count(Rapporttyp.Ny)} ny, "
        + $"{Count(Rapporttyp.Kvarstar)} kvarstår, {Count(Rapporttyp.Avslutande)} avslutande), {Forsvunnet(Forsvunna.Count)}.";

    /// Swedish lines for the terminal and the job's log: beslut-id only, never a person code or a kommentar.
    public IReadOnlyList<string> Warnings => Forsvunna.Count == 0 ? [] :
        [$"Varning: {Forsvunnet(Forsvunna.Count)} — öppna beslut som saknas i den senaste importen: "
         + $"{string.Join(", ", Forsvunna.Select(f => f.BeslutId))}. Se fliken Försvunna ärenden i IVO-individrapporten."];

    private static string Forsvunnet(int n) => n == 1 ? "1 försvunnet ärende" : $"{n} försvunna ärenden";
}

/// Makes a quarter's IVO individrapport from the stored records and records that it was made (spec §5.3).
/// It holds personal data: it goes only to its own owner-only folder, never beside the KF workbooks.
public sealed class IvoExport(NamndContext n, TimeProvider clock)
{
    private readonly Db db = n.Db;
    private readonly Catalog catalog = n.Catalog;

    /// Writes <root>/<q>/ivo-individrapport-<q>.xlsx and .csv. `kfRoot` is where this run's KF reports go, if not
    /// the configured folder: the IVO folder may lie inside neither. The set also holds the särskild avgift estimate
    /// per beslut_id as of `asOf` (default the quarter's last day), restricted like the individrapport.
    /// `records`: the run's records for q, read once for the KF reports and this export (latest import).
    /// `by`: who exports, for the behandlingslogg; default this process (user@machine).
    public IvoExportResult Write(Period q, string root, string? kfRoot = null, QuarterRecords? records = null, DateOnly? asOf = null, Logg.Actor? by = null)
    {
        foreach (var kf in new[] { n.Paths.Reports, kfRoot }.OfType<string>())
            if (IsWithin(root, kf))
                throw new ArgumentException($"IVO-mappen '{root}' ligger i rapportmappen '{kf}': individrapporten innehåller personuppgifter och ska ligga i en egen mapp.");
        // A KF report folder written elsewhere (report --out) looks the same: its quarter holds the KF workbooks.
        if (Directory.Exists(Path.Combine(root, q.ToString())) && Directory.EnumerateFiles(Path.Combine(root, q.ToString()), "evb-*").Any())
            throw new ArgumentException($"'{Path.Combine(root, q.ToString())}' innehåller KF-rapporter: individrapporten innehåller personuppgifter och ska ligga i en egen mapp.");

        var store = new IvoStore(db);
        if (records is null)
            records = QuarterRecords.Load(db, q);
        if (records.Period != q) throw new ArgumentException("Internt fel: underlaget som skickades in gäller en annan period.");
        var (decisions, importId) = (records.Decisions, records.ImportId);
        var forsvunna = store.Forsvunna(catalog, q, records.Vanished);
        // A quarter whose decisions were gallrade cannot be reported again: the IVO codes are gone for good.
        var gallrade = IvoRules.Rows(decisions, q, catalog, d => d.PersonId).Count(r => PersonCode.IsGallrad(r.PersonCode));
        if (gallrade > 0)
            throw new InvalidOperationException($"IVO-individrapporten för {q.Swedish} kan inte skrivas: {gallrade} av dess beslut är gallrade " +
                "(IVO-kod, födelsedatum och kommentar är borttagna för gott efter StatsReporting:Gallring:Manader), så den skulle bli ofullständig. Inget har skrivits.");
        var codes = store.Codes(decisions.Where(d => ReportingRule.IsReportable(d, q)), clock.GetUtcNow());
        var rows = IvoRules.Rows(decisions, q, catalog, d => codes.TryGetValue(d.PersonId, out var a) ? a.Code : d.PersonId);
        var findings = forsvunna.Select(f => $"Fel: beslut {f.BeslutId}: {f.Message}")
            .Concat(IvoChecks.Findings(rows, codes)).ToList();

        // The quarter's folder is the export's own; the root may be a folder the user shares with other things.
        var folder = Path.Combine(RestrictedFiles.Folder(root, restrictExisting: HoldsOnlyQuarters(root)), q.ToString());
        // The files as one set (FileSystem/OutputSet): never an xlsx of one run beside a csv of another.
        var files = OutputSet.Write(folder, dir =>
        {
            var (xlsx, csv) = (Path.Combine(dir, IvoFiles.FileName(q, "xlsx")), Path.Combine(dir, IvoFiles.FileName(q, "csv")));
            // The avgift list is made on the other core meanwhile (issue 13): it shares nothing but the records, which
            // nobody changes. Its error, if any, is thrown as it is; after an error here it is waited for first, so
            // nothing is still writing into the folder when the set is given up.
            var day = asOf ?? q.End;
            var avgift = Task.Run(() => AvgiftList.Write(
                [records.Avgift(Lag.SoL, day, catalog, n.Get<AvgiftSettings>()), records.Avgift(Lag.LSS, day, catalog, n.Get<AvgiftSettings>())], q, dir));
            try
            {
                IvoFiles.WriteXlsx(rows, forsvunna, findings, q, xlsx);
                IvoFiles.WriteCsv(rows, csv);
            }
            catch
            {
                try { avgift.Wait(); } catch (AggregateException) { }
                throw;
            }
            return [new("IVO-individrapport (xlsx)", xlsx), new("IVO-individrapport (csv)", csv), avgift.GetAwaiter().GetResult()];
        }, ownerOnly: true);
        var result = new IvoExportResult(q, folder, files, rows, forsvunna, findings);
        store.RecordExport(result, importId, clock.GetUtcNow(), by ?? Logg.Actor.ThisProcess);
        return result;
    }

    /// The reporting calendar as of `today`, from the stored records and the exports recorded so far.
    public IvoStatus Status(DateOnly today)
    {
        var decisions = DecisionStore.Current(db);
        Period? first = string.IsNullOrEmpty(n.Report.RecordsFrom) ? null : Period.Parse(n.Report.RecordsFrom);
        return IvoCalendar.Compute(n.Get<IvoSettings>(), today, first, decisions, new IvoStore(db).LastExports(), catalog);
    }

    /// Whether `root` is missing or holds nothing but quarter folders: an IVO folder of its own, safe to make owner-only.
    private static bool HoldsOnlyQuarters(string root) =>
        !Directory.Exists(root) || Directory.EnumerateFileSystemEntries(root).All(e => Directory.Exists(e)
            && (Period.TryParse(Path.GetFileName(e), out _) || TempNames.TryParse(Path.GetFileName(e), out _, out _, out _)));

    private static bool IsWithin(string path, string folder)
    {
        var p = Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var f = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return p.StartsWith(f, StringComparison.Ordinal);
    }
}
