using ScottPlot;
using SkiaSharp;

namespace StatsReporting.Reports.Charts;

/// Draws a chart model with ScottPlot as PNG and SVG. 1600 × 1000 px: 16 cm wide on an A4 page is ~250 dpi. The plot
/// is laid out at 800 × 500 and drawn at scale 2, so sizes below are in those layout units.
public static partial class ChartRenderer
{
    public const int Width = 1600, Height = 1000;
    private const double Scale = 2;

    /// Both files of a chart from one plot: the bitmap's drawing lays the plot out, and the SVG is drawn from that layout.
    /// ScottPlot's own SVG export draws a bitmap first for the layout, so each chart was laid out and drawn as a bitmap
    /// twice (issue 13); the files are byte for byte the same as ScottPlot drew them apart.
    public static (byte[] Png, string Svg) Draw(Chart chart)
    {
        using var plot = Build(chart);
        var png = Png(plot);
        return (png, Svg(plot));
    }

    /// Encoded with the Sub filter at zlib level 1: the same pixels as ScottPlot's default PNG (all filters, level 6)
    /// in a tenth of the time — encoding was half of every report's chart time — for files about a quarter larger.
    /// Without the alpha channel: the figure's white background covers every pixel, so each is opaque anyway, and
    /// three bytes a pixel encode faster than four (issue 13).
    private static byte[] Png(Plot plot)
    {
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height));
        plot.Render(surface);
        using var image = surface.Snapshot();
        using var premultiplied = image.PeekPixels();
        using var pixels = premultiplied.WithAlphaType(SKAlphaType.Opaque);
        using var png = pixels.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.Sub, 1))
            ?? throw new InvalidOperationException("Diagrammet kunde inte kodas som PNG.");
        return png.ToArray();
    }

    /// What ScottPlot's GetSvgXml does after its bitmap drawing, for a plot already drawn (laid out) once: drawn onto an
    /// SVG canvas without clearing it (an SVG canvas cannot erase), the document complete once the canvas is disposed.
    /// The clip paths are numbered per file: ScottPlot numbers them from a counter shared by the whole process, so
    /// the same chart came out different after other charts, or when both laws' charts are drawn at once (issue 13).
    private static string Svg(Plot plot)
    {
        using var stream = new MemoryStream();
        using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, Width, Height), stream))
        {
            plot.RenderManager.ClearCanvasBeforeEachRender = false;
            plot.Render(canvas, Width, Height);
            plot.RenderManager.ClearCanvasBeforeEachRender = true;
        }
        return NumberClips(System.Text.Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length));
    }

    /// Every clip-path id ("cl_5b") renamed "cl_1", "cl_2" … in the order the file first names it.
    public static string NumberClips(string svg)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        return ClipId().Replace(svg, m => ids.TryGetValue(m.Value, out var id) ? id : ids[m.Value] = $"cl_{ids.Count + 1}");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\bcl_[0-9a-f]+\b")]
    private static partial System.Text.RegularExpressions.Regex ClipId();

    private static Plot Build(Chart chart)
    {
        ChartFont.Register();
        var plot = new Plot { ScaleFactor = Scale };
        ChartStyle.Frame(plot, chart.Title, chart.Subtitle);
        switch (chart)
        {
            case BarChart b: BarPlotter.Draw(plot, b); break;
            case TrendChart t: TrendPlotter.Draw(plot, t); break;
        }
        return plot;
    }
}
