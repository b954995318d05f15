using ScottPlot;

namespace StatsReporting.Reports.Charts;

/// Look shared by all charts: sizes in layout units (drawn at scale 2), shades that stay apart in grey-scale print.
internal static class ChartStyle
{
    public const float TickPadding = 5;
    /// At least 16 layout units: the chart is printed 16 cm wide in the tjänsteskrivelse (800 units, 0.567 pt each:
    /// 9.1 pt) and 17 cm on the Diagram sheet.
    public const float TitleSize = 22, SubtitleSize = 17, LabelSize = 17, TickSize = 16, NoteSize = 16, ValueSize = 16;

    /// Dark, middle and light blue: about 25 %, 55 % and 85 % lightness, so they differ in black and white too.
    public static readonly Color Dark = Color.FromHex("#1F3B5A"), Middle = Color.FromHex("#6A8CAF"), Light = Color.FromHex("#C8D8EA");
    /// Lines of the trend, one per verksamhet: about 30 %, 50 % and 70 % lightness (the total is drawn in Ink), so that
    /// they differ by shade in grey-scale as well as by marker.
    public static readonly Color[] LineShades = [Color.FromHex("#23466E"), Color.FromHex("#5E7FA3"), Color.FromHex("#9DB3CC")];
    public static readonly Color Ink = Color.FromHex("#1A1A1A"), GridLine = Color.FromHex("#D0D0D0");

    /// Fill and label colour per stacked series: dark first, then middle, then light (two series: dark and light).
    /// Every segment has a black outline, so even the light one stands apart from white paper.
    public static (Color Fill, Color Text) Segment(int series, int count) => (count, series) switch
    {
        (_, 0) => (Dark, Colors.White),
        (2, _) => (Light, Ink),
        (_, 1) => (Middle, Ink),
        _ => (Light, Ink),
    };

    public static void Frame(Plot plot, string title, string subtitle)
    {
        // Not plot.Font.Set: it pins every label to one weight, so bold titles come out regular. The labels take
        // ChartFont through Fonts.Default.
        plot.Axes.Title.IsVisible = false;
        // Panels stack outwards in the order they are added: the subtitle sits between the title and the plot.
        plot.Axes.AddPanel(new TextPanel(Edge.Top, subtitle, SubtitleSize, bold: false, centred: true));
        plot.Axes.AddPanel(new TextPanel(Edge.Top, title, TitleSize, bold: true, centred: true));
        foreach (var axis in new IAxis[] { plot.Axes.Left, plot.Axes.Bottom })
        {
            axis.Label.FontSize = LabelSize;
            axis.Label.Bold = false;
            axis.Label.ForeColor = Ink;
            axis.TickLabelStyle.FontSize = TickSize;
            axis.TickLabelStyle.ForeColor = Ink;
            axis.MinorTickStyle.Length = 0;
        }
        // A little air between the tick marks and their labels, and as much again between the labels and the axis
        // title (an offset tick label is not measured: the title would touch it).
        plot.Axes.Bottom.TickLabelStyle.OffsetY = TickPadding;
        plot.Axes.Left.TickLabelStyle.OffsetX = -TickPadding;
        foreach (var axis in new[] { (ScottPlot.AxisPanels.AxisBase)plot.Axes.Left, (ScottPlot.AxisPanels.AxisBase)plot.Axes.Bottom })
            axis.LabelPadding = 3 * TickPadding;
        plot.Grid.MajorLineColor = GridLine;
        plot.Legend.FontSize = LabelSize;
        plot.Legend.FontName = ChartFont.Name;
        plot.Legend.SetBestFontOnEachRender = false;
        plot.Legend.ShadowColor = Colors.Transparent;
        plot.Legend.OutlineColor = GridLine;
        plot.Legend.Layout = new RoomAboveLayout();
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
        if (notes.Count > 0) plot.Axes.AddPanel(new TextPanel(Edge.Bottom, string.Join("\n", notes), NoteSize, bold: false, centred: false));
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
