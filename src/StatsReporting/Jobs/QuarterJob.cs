using StatsReporting.Decisions;
using StatsReporting.Import;
using StatsReporting.Ivo;
using StatsReporting.Reports;
using StatsReporting.Storage;
using StatsReporting.FileSystem;
using StatsReporting.Organisation;

namespace StatsReporting.Jobs;

/// `Ivo` holds the individrapport's counts and the försvunna ärenden; its Warnings are for the job's output.
public sealed record QuarterJobResult(Period Period, DateOnly AsOf, IReadOnlyList<ImportOutcome> Imports, IReadOnlyList<WrittenFile> Files,
    IvoExportResult Ivo);

/// The quarterly job: import every file of the inbox, then write the quarter's outputs. The CLI's `run` and the
/// scheduled worker both call this; running it again gives the same result (imports are idempotent by SHA-256).
public sealed class QuarterJob(NamndContext n, TimeProvider clock)
{
    private readonly Db db = n.Db;

    /// The IVO individrapport goes to `ivoRoot` (default Paths:Ivo, else beside the database), never into `outRoot`. Försvunna ärenden do not
    /// stop the run: the KF reports are written, and the result lists them. `held`: the run lock the caller holds, checked
    /// before each import and before the output sets go into the shared database (a lost lock fails the run there).
    /// `by`: who runs it, for the behandlingslogg (its imports and IVO export); default this process (user@machine).
    public QuarterJobResult Run(Period period, DateOnly asOf, string inbox, string outRoot, IProgress<string>? progress = null,
        string? ivoRoot = null, RunLock? held = null, Logg.Actor? by = null, Reports.Document.DocumentInput? document = null)
    {
        // With several nämnder each has its own inbox and IVO folder below the configured ones: <inbox>/<code>/.
        inbox = n.Folder(inbox);
        if (!Directory.Exists(inbox)) throw new DirectoryNotFoundException($"Inkorgen '{UserText.Escape(inbox)}' finns inte.");
        // A long-running service checks again before each run: the file may have been damaged since it started.
        db.Check();
        ivoRoot ??= n.IvoRoot;
        Leftovers.Sweep(db, n.Paths, outRoot, ivoRoot);
        var importer = new Importer(db, n.Catalog, n.Archive, clock, n.Get<ImportLimits>());
        var imports = new List<ImportOutcome>();
        foreach (var file in Directory.EnumerateFiles(inbox).Where(IsDataFile).Order(StringComparer.Ordinal))
        {
            progress?.Report($"Importerar {Path.GetFileName(file)} …");
            held?.EnsureHeld();
            imports.Add(importer.Import(file, by: by));
        }
        // Read once: both KF workbooks, their charts, Jämförelse, trend and the IVO export share these records.
        var records = QuarterRecords.Load(db, period);
        var files = new ReportService(n).Write(period, asOf, outRoot, progress, records: records, input: document);
        progress?.Report("Skriver IVO-individrapporten …");
        // The individrapport and the särskild avgift per beslut_id (as of the same day as the KF sheets), one restricted set.
        var ivo = new IvoExport(n, clock).Write(period, ivoRoot, outRoot, records, asOf, by);
        // Several nodes: the sets go into the database, from which every other node serves the same bytes.
        held?.EnsureHeld();
        if (Nodes.SharedOutputs.Enabled(db)) Nodes.SharedOutputs.Store(n, period, outRoot, ivoRoot, clock);
        return new(period, asOf, imports, [.. files, .. ivo.Files], ivo);
    }

    public static bool IsDataFile(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".csv" or ".xlsx" && !Path.GetFileName(path).StartsWith('.');
}
