using ScottPlot;

namespace StatsReporting.Reports.Charts;

/// A block of text above or below the plot: the title and subtitle, centred on the whole figure, or the notes under a
/// chart, left-aligned. ScottPlot's own title panel centres on the data area (and miscounts with a legend to the
/// right of it), and its panels below the plot hold one line.
internal sealed class TextPanel(Edge edge, string text, float size, bool bold, bool centred) : IPanel
{
    private readonly float Pad = size * 0.4f;
    private readonly LabelStyle _label = new() { Text = text, FontName = ChartFont.Name, FontSize = size, Bold = bold, ForeColor = ChartStyle.Ink };

    public bool IsVisible { get; set; } = true;
    public Edge Edge => edge;
    public bool ShowDebugInformation { get; set; }
    public float MinimumSize { get; set; }
    public float MaximumSize { get; set; } = float.MaxValue;

    public float Measure(Paint paint) => _label.Measure(text, paint).Size.Height + 2 * Pad;

    public PixelRect GetPanelRect(PixelRect dataRect, float size, float offset, Paint paint) => edge == Edge.Top
        ? new(dataRect.Left, dataRect.Right, dataRect.Top - offset, dataRect.Top - offset - size)
        : new(dataRect.Left, dataRect.Right, dataRect.Bottom + offset + size, dataRect.Bottom + offset);

    public void Render(RenderPack rp, float size, float offset)
    {
        var rect = GetPanelRect(rp.DataRect, size, offset, rp.Paint);
        // ScaledFigureRect is the figure in layout units (the canvas is drawn at ScaleFactor).
        var figure = rp.ScaledFigureRect;
        var x = centred ? figure.HorizontalCenter - _label.Measure(text, rp.Paint).Size.Width / 2 : figure.Left + 2 * Pad;
        _label.Render(rp.Canvas, new Pixel(x, rect.Top + Pad), rp.Paint, true);
    }
}

/// ScottPlot clips legend text at the font's ascent, which takes the dots off Ä and Ö and the ring off Å in the
/// first row ("AO" for "ÄO"): move the items down inside a taller box.
internal sealed class RoomAboveLayout : ILegendLayout
{
    private readonly ScottPlot.LegendLayouts.Wrapping _inner = new();

    public LegendLayout GetLayout(Legend legend, LegendItem[] items, PixelSize maxSize, Paint paint)
    {
        var l = _inner.GetLayout(legend, items, maxSize, paint);
        var room = (legend.FontSize ?? ChartStyle.LabelSize) * 0.4f;
        var down = new PixelOffset(0, room);
        var box = l.LegendRect;
        return new LegendLayout
        {
            LegendItems = l.LegendItems,
            LegendRect = new PixelRect(box.Left, box.Right, box.Bottom + room, box.Top),
            LabelRects = l.LabelRects.Select(r => r.WithOffset(down)).ToArray(),
            SymbolRects = l.SymbolRects.Select(r => r.WithOffset(down)).ToArray(),
        };
    }
}

