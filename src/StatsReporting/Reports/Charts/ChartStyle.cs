using ScottPlot;

namespace StatsReporting.Reports.Charts;

/// Look shared by all charts: sizes in layout units (drawn at scale 2), shades that stay apart in grey-scale print.
internal static class ChartStyle
{
    public const float TitleSize = 21, SubtitleSize = 15, LabelSize = 15, TickSize = 14, NoteSize = 13, ValueSize = 14;

    /// Dark, middle and light blue: about 25 %, 55 % and 85 % lightness, so they differ in black and white too.
    public static readonly Color Dark = Color.FromHex("#1F3B5A"), Middle = Color.FromHex("#6A8CAF"), Light = Color.FromHex("#C8D8EA");
    public static readonly Color Ink = Color.FromHex("#1A1A1A"), GridLine = Color.FromHex("#D0D0D0");

    /// Fill and label colour per stacked series; the light segment gets a hatch so it stays apart from white paper.
    public static (Color Fill, Color Text, IHatch? Hatch) Segment(int series, int count) => (count, series) switch
    {
        (_, 0) => (Dark, Colors.White, null),
        (2, _) => (Light, Ink, null),
        (_, 1) => (Middle, Ink, null),
        _ => (Light, Ink, null),
    };

    public static void Frame(Plot plot, string title, string subtitle)
    {
        // Not plot.Font.Set: it pins every label to one weight, so bold titles come out regular. The labels take
        // ChartFont through Fonts.Default.
        plot.Axes.Title.Label.Text = title;
        plot.Axes.Title.FullFigureCenter = true;
        plot.Axes.Title.Label.FontSize = TitleSize;
        plot.Axes.Title.Label.Bold = true;
        plot.Axes.Title.Label.ForeColor = Ink;
        var sub = new ScottPlot.Panels.TitlePanel { FullFigureCenter = true };
        sub.Label.Text = subtitle;
        sub.Label.FontSize = SubtitleSize;
        sub.Label.Bold = false;
        sub.Label.ForeColor = Ink;
        plot.Axes.AddPanel(sub);
        foreach (var axis in new IAxis[] { plot.Axes.Left, plot.Axes.Bottom })
        {
            axis.Label.FontSize = LabelSize;
            axis.Label.Bold = false;
            axis.Label.ForeColor = Ink;
            axis.TickLabelStyle.FontSize = TickSize;
            axis.TickLabelStyle.ForeColor = Ink;
            axis.MinorTickStyle.Length = 0;
        }
        plot.Grid.MajorLineColor = GridLine;
        plot.Legend.FontSize = LabelSize;
        plot.Legend.FontName = ChartFont.Name;
        plot.Legend.SetBestFontOnEachRender = false;
        plot.Legend.ShadowColor = Colors.Transparent;
        plot.Legend.OutlineColor = GridLine;
        plot.Legend.Layout = new RoomAboveLayout();
    }

    /// ScottPlot clips legend text at the font's ascent, which takes the dots off Ä and Ö and the ring off Å in the
    /// first row ("AO" for "ÄO"): move the items down inside a taller box.
    private sealed class RoomAboveLayout : ILegendLayout
    {
        private readonly ScottPlot.LegendLayouts.Wrapping _inner = new();

        public LegendLayout GetLayout(Legend legend, LegendItem[] items, PixelSize maxSize, Paint paint)
        {
            var l = _inner.GetLayout(legend, items, maxSize, paint);
            var room = (legend.FontSize ?? LabelSize) * 0.4f;
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

    /// Whole numbers only, written the Swedish way (1 000).
    public static ScottPlot.TickGenerators.NumericAutomatic CountTicks() => new()
    {
        IntegerTicksOnly = true,
        TickDensity = 0.6,
        LabelFormatter = v => v.ToString("N0", KfCharts.Swedish),
    };

    public static ScottPlot.TickGenerators.NumericManual CategoryTicks(IReadOnlyList<string> labels, Func<int, double> position)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (var i = 0; i < labels.Count; i++) ticks.AddMajor(position(i), labels[i]);
        return ticks;
    }

    /// Breaks a long category label into lines of at most about 42 characters, at spaces.
    public static string Wrap(string label, int width = 42)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in label.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width) { lines.Add(line); line = word; }
            else line = line.Length == 0 ? word : $"{line} {word}";
        }
        lines.Add(line);
        return string.Join("\n", lines);
    }

    /// Lines printed under the chart, e.g. what the short LSS labels stand for.
    public static void Notes(Plot plot, IReadOnlyList<string> notes)
    {
        if (notes.Count > 0) plot.Axes.AddPanel(new NotesPanel(string.Join("\n", notes)));
    }

    /// Left-aligned lines under the plot; ScottPlot's own panels put one centred line there at most.
    private sealed class NotesPanel(string text) : IPanel
    {
        private const float Pad = 6;
        private readonly LabelStyle _label = new() { Text = text, FontName = ChartFont.Name, FontSize = NoteSize, ForeColor = Ink };

        public bool IsVisible { get; set; } = true;
        public Edge Edge => Edge.Bottom;
        public bool ShowDebugInformation { get; set; }
        public float MinimumSize { get; set; }
        public float MaximumSize { get; set; } = float.MaxValue;

        public float Measure(Paint paint) => _label.Measure(_label.Text, paint).Size.Height + 2 * Pad;

        public PixelRect GetPanelRect(PixelRect dataRect, float size, float offset, Paint paint) =>
            new(dataRect.Left, dataRect.Right, dataRect.Bottom + offset + size, dataRect.Bottom + offset);

        public void Render(RenderPack rp, float size, float offset)
        {
            var rect = GetPanelRect(rp.DataRect, size, offset, rp.Paint);
            _label.Render(rp.Canvas, new Pixel(rp.FigureRect.Left + 2 * Pad, rect.Top + Pad), rp.Paint, true);
        }
    }

    /// A chart with nothing to show still says so, instead of an empty frame.
    public static void Empty(Plot plot, string text)
    {
        var label = plot.Add.Text(text, 0, 0);
        label.LabelFontSize = LabelSize;
        label.LabelAlignment = Alignment.MiddleCenter;
        plot.Axes.SetLimits(-1, 1, -1, 1);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual();
    }
}
