using System.Text;
using StatsReporting.Decisions;
using StatsReporting.FileSystem;

namespace StatsReporting.Reports.Charts;

/// Draws a KF workbook's charts and writes them to reports/<period>/diagram/<lag>-<chart>.png and .svg.
public static class ChartFiles
{
    public const string Folder = "diagram";

    public static (IReadOnlyList<ChartImage> Images, IReadOnlyList<WrittenFile> Files) Write(KfReport report, TrendInput trend, Catalog catalog, string periodDir)
    {
        var dir = Path.Combine(periodDir, Folder);
        var images = new List<ChartImage>();
        var files = new List<WrittenFile>();
        foreach (var chart in KfCharts.For(report, trend, catalog))
        {
            var (png, svg) = ChartRenderer.Draw(chart);
            var pngPath = Path.Combine(dir, chart.FileName + ".png");
            var svgPath = Path.Combine(dir, chart.FileName + ".svg");
            AtomicFile.Write(pngPath, s => s.Write(png));
            AtomicFile.Write(svgPath, s => s.Write(Encoding.UTF8.GetBytes(svg)));
            var what = $"Diagram {report.LawName}, {chart.Caption.ToLower(KfCharts.Swedish)}";
            files.Add(new($"{what} (PNG)", pngPath));
            files.Add(new($"{what} (SVG)", svgPath));
            images.Add(new ChartImage(chart.Caption, chart.Title, png, chart.Kind));
        }
        return (images, files);
    }
}
