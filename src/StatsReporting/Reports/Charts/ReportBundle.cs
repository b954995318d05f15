using System.IO.Compression;
using StatsReporting.Decisions;
using StatsReporting.Storage;

namespace StatsReporting.Reports.Charts;

/// reports/<period>/evb-<period>.zip: what a controller sends on — both KF workbooks, both tjänsteskrivelser, the charts and
/// the findings.
public static class ReportBundle
{
    public static string FileName(Period p) => $"evb-{p}.zip";

    /// Written last, from the files already in the period folder; kontroller-<period>.json is taken when it exists.
    public static WrittenFile Write(string periodDir, Period p)
    {
        var files = new[] { ReportService.WorkbookFileName(Lag.SoL, p), ReportService.WorkbookFileName(Lag.LSS, p),
                Document.Tjansteskrivelse.FileName(Lag.SoL, p), Document.Tjansteskrivelse.FileName(Lag.LSS, p), $"kontroller-{p}.json" }
            .Select(name => Path.Combine(periodDir, name))
            .Concat(Directory.Exists(Path.Combine(periodDir, ChartFiles.Folder))
                ? Directory.EnumerateFiles(Path.Combine(periodDir, ChartFiles.Folder)).Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal)
                : [])
            .Where(File.Exists)
            .ToList();
        var path = Path.Combine(periodDir, FileName(p));
        AtomicFile.Write(path, stream =>
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Create);
            foreach (var file in files)
                zip.CreateEntryFromFile(file, Path.GetRelativePath(periodDir, file).Replace('\\', '/'), CompressionLevel.Optimal);
        });
        return new WrittenFile("Paket att skicka vidare (zip)", path);
    }
}
