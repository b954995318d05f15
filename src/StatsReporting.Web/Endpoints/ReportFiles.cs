using StatsReporting.Web.Auth;
using StatsReporting.Storage;
using System.Text.RegularExpressions;
using StatsReporting.Decisions;
using StatsReporting.Jobs;
using StatsReporting.Reports;
using StatsReporting.Reports.Charts;
using StatsReporting.Organisation;

namespace StatsReporting.Web.Endpoints;

/// Where a quarter's files lie. Every path is built from a parsed Period (its canonical "2025Q2", never the
/// request's text) and a name that passed a whitelist, then checked to lie under its root folder: no request can
/// name a file anywhere else, whatever it encodes (../, %2e%2e, %2f, backslashes, absolute paths).
///
/// One nämnd's files (the request's, Auth/RequestNamnd): with several nämnder its roots are reports/<code> and
/// ivo/<code>, and the files carry its name. For a nämnd the key may not see, nothing exists (every address 404).
public sealed partial class ReportFiles(RequestNamnd request, Installation installation)
{
    private readonly bool _none = request.Namnd is null;
    private readonly string? _named = request.Context?.Report.NamedOutputs;
    private string Code => request.Db.Namnd;
    private string ReportsRoot => Path.GetFullPath(Namnder.Folder(installation.Paths.Reports, installation.Organisation, Code));
    private string IvoRoot => Path.GetFullPath(Namnder.Folder(installation.Paths.IvoFor(request.Db.Path), installation.Organisation, Code));

    /// The name of the nämnd in file names (null with one nämnd), for the download names too.
    public string? NamedOutputs => _named;

    /// Where the nämnd's quarters are addressed: /api/periods with one nämnd, /api/namnder/<code>/periods with several.
    public string UrlBase => _named is null ? "/api/periods" : $"/api/namnder/{Code}/periods";

    public string Workbook(Lag lag, Period p) => Under(ReportsRoot, p.ToString(), ReportService.WorkbookFileName(lag, p, _named));

    public string Document(Lag lag, Period p) => Under(ReportsRoot, p.ToString(), Reports.Document.Tjansteskrivelse.FileName(lag, p, _named));

    public string Ivo(Period p) => Under(IvoRoot, p.ToString(), $"ivo-individrapport-{p}.xlsx");

    public string Avgift(Period p) => Under(IvoRoot, p.ToString(), StatsReporting.Avgift.AvgiftList.FileName(p));

    public string Findings(Period p) => Under(ReportsRoot, p.ToString(), $"kontroller-{p}.json");

    public string Summary(Period p) => Under(ReportsRoot, p.ToString(), SummaryFile.FileName(p));

    public string Zip(Period p) => Under(ReportsRoot, p.ToString(), ReportBundle.FileName(p, _named));

    /// Written by the report step beside the workbooks when the tjänsteskrivelse is made (issue 9).

    /// Null for a name outside the pattern (e.g. "sol-kon"): such a name is simply not found.
    public string? Chart(Period p, string name) => ChartName().IsMatch(name) ? Under(ReportsRoot, p.ToString(), "diagram", name + ".png") : null;

    public IReadOnlyList<string> Charts(Period p)
    {
        var dir = Under(ReportsRoot, p.ToString(), "diagram");
        if (!Directory.Exists(dir)) return [];
        return Directory.EnumerateFiles(dir, "*.png").Where(Exists).Select(f => Path.GetFileNameWithoutExtension(f))
            .Where(n => ChartName().IsMatch(n)).Order(StringComparer.Ordinal).ToList();
    }

    /// Listed only when it is a file reached without a symbolic link below its root: a link put into reports/ (by a
    /// script, an unzip, a colleague) could otherwise hand a controller any file the service may read, the
    /// individrapport included. The configured roots themselves are the operator's choice and may be links.
    /// For listing only: a download goes through Open, which checks what it actually opened.
    public bool Exists(string path)
    {
        if (_none || !File.Exists(path)) return false;
        var root = RootOf(path);
        for (var p = path; p.Length > root.Length; p = Path.GetDirectoryName(p)!)
            if (new FileInfo(p).LinkTarget is not null) return false;
        return !OperatingSystem.IsLinux() || PlainFile.IsPlain(path);
    }

    /// Opens first, then checks the opened handle: on Linux the file the handle really is (/proc/self/fd/N) must lie at
    /// exactly `path` below the root's real location, and be a regular file with one link (PlainFile: no hard link to the
    /// individrapport, no FIFO or device). Checking the path and then opening it would leave a moment in which a link
    /// swapped in is followed; the handle cannot change. Null (a 404) when missing or not what was asked.
    public FileStream? Open(string path)
    {
        if (_none) return null;
        if (!OperatingSystem.IsLinux())
        {
            if (!Exists(path)) return null;
            try { return new FileStream(File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read), FileAccess.Read); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
        }
        // A set swapped in (a run, or another node's set written here: Nodes/SharedOutputs) between the open and the
        // check moves the opened file to the hidden staging name: then the path is opened again and checked again.
        // A link stays a link, so it is refused every time.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (PlainFile.Open(path) is not { } handle) return null;
            var stream = new FileStream(handle, FileAccess.Read);
            var root = RootOf(path);
            var expected = Path.Join(RealPath.Of(root), Path.GetRelativePath(root, path));
            if (new FileInfo($"/proc/self/fd/{stream.SafeFileHandle.DangerousGetHandle()}").LinkTarget == expected) return stream;
            stream.Dispose();
        }
        return null;
    }

    private string RootOf(string path) => path.StartsWith(IvoRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? IvoRoot : ReportsRoot;

    /// The quarters with a folder under reports/, newest first.
    public IReadOnlyList<Period> Periods()
    {
        if (_none || !Directory.Exists(ReportsRoot)) return [];
        return Directory.EnumerateDirectories(ReportsRoot).Where(d => new DirectoryInfo(d).LinkTarget is null).Select(Path.GetFileName)
            .Select(n => Period.TryParse(n, out var p) && p.ToString() == n ? p : (Period?)null)
            .OfType<Period>().OrderDescending().ToList();
    }

    private static string Under(string root, params string[] parts)
    {
        var full = Path.GetFullPath(Path.Combine([root, .. parts]));
        if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new InvalidOperationException("En sökväg utanför rapportmappen begärdes."); // unreachable with the whitelists: a bug if seen
        return full;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex ChartName();
}
