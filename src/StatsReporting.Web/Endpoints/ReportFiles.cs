using StatsReporting.Storage;
using System.Text.RegularExpressions;
using StatsReporting.Decisions;
using StatsReporting.Reports;

namespace StatsReporting.Web.Endpoints;

/// Where a quarter's files lie. Every path is built from a parsed Period (its canonical "2025Q2", never the
/// request's text) and a name that passed a whitelist, then checked to lie under its root folder: no request can
/// name a file anywhere else, whatever it encodes (../, %2e%2e, %2f, backslashes, absolute paths).
public sealed partial class ReportFiles(AppSettings settings, Db db)
{
    private string ReportsRoot => Path.GetFullPath(settings.Paths.Reports);
    private string IvoRoot => Path.GetFullPath(settings.Paths.IvoFor(db.Path));

    public string Workbook(Lag lag, Period p) => Under(ReportsRoot, p.ToString(), ReportService.WorkbookFileName(lag, p));

    public string Document(Lag lag, Period p) => Under(ReportsRoot, p.ToString(), Reports.Document.Tjansteskrivelse.FileName(lag, p));

    public string Ivo(Period p) => Under(IvoRoot, p.ToString(), $"ivo-individrapport-{p}.xlsx");

    public string Findings(Period p) => Under(ReportsRoot, p.ToString(), $"kontroller-{p}.json");

    /// Null for a name outside the pattern (e.g. "sol-kon"): such a name is simply not found.
    public string? Chart(Period p, string name) => ChartName().IsMatch(name) ? Under(ReportsRoot, p.ToString(), "diagram", name + ".png") : null;

    public IReadOnlyList<string> Charts(Period p)
    {
        var dir = Under(ReportsRoot, p.ToString(), "diagram");
        if (!Directory.Exists(dir)) return [];
        return Directory.EnumerateFiles(dir, "*.png").Where(Exists).Select(f => Path.GetFileNameWithoutExtension(f))
            .Where(n => ChartName().IsMatch(n)).Order(StringComparer.Ordinal).ToList();
    }

    /// Served only when it is a file reached without a symbolic link below its root: a link put into reports/ (by a
    /// script, an unzip, a colleague) could otherwise hand a controller any file the service may read, the
    /// individrapport included. The configured roots themselves are the operator's choice and may be links.
    public bool Exists(string path)
    {
        if (!File.Exists(path)) return false;
        var root = path.StartsWith(IvoRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? IvoRoot : ReportsRoot;
        for (var p = path; p.Length > root.Length; p = Path.GetDirectoryName(p)!)
            if (new FileInfo(p).LinkTarget is not null) return false;
        return true;
    }

    /// The quarters with a folder under reports/, newest first.
    public IReadOnlyList<Period> Periods()
    {
        if (!Directory.Exists(ReportsRoot)) return [];
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
