using ScottPlot;

namespace StatsReporting.Reports.Charts;

/// One line per series over the quarters (only quarters with data: KfCharts.Trend). A point a series lacks breaks
/// its line: a missing count must never look like zero.
internal static class TrendPlotter
{
    /// Marker and shade per series, so that lines stay apart in black and white; the total is drawn boldest, in black.
    /// Solid lines only: Skia's SVG writer does not support dash patterns and says so on standard output.
    private static readonly (MarkerShape Marker, Color Color)[] Looks =
    [
        (MarkerShape.FilledSquare, ChartStyle.LineShades[0]),
        (MarkerShape.FilledTriangleUp, ChartStyle.LineShades[1]),
        (MarkerShape.FilledDiamond, ChartStyle.LineShades[2]),
    ];

    public static void Draw(Plot plot, TrendChart chart)
    {
        var input = chart.Input;
        var n = input.Quarters.Count;
        var max = input.Series.SelectMany(s => s.Values).Max() ?? 0;
        var top = max * 1.18 + 2;

        for (var s = 0; s < input.Series.Count; s++)
        {
            var series = input.Series[s];
            var isTotal = s == input.Series.Count - 1;
            var look = isTotal ? (Marker: MarkerShape.FilledCircle, Color: ChartStyle.Ink) : Looks[s % Looks.Length];
            var first = true;
            foreach (var (from, to) in Runs(series.Values.Select(v => v is not null).ToList()))
            {
                var xs = Enumerable.Range(from, to - from + 1).Select(i => (double)i).ToArray();
                var ys = xs.Select(x => (double)series.Values[(int)x]!.Value).ToArray();
                var line = plot.Add.Scatter(xs, ys, look.Color);
                line.LineWidth = isTotal ? 3.5f : 2.5f;
                line.MarkerShape = look.Marker;
                line.MarkerSize = isTotal ? 12 : 11;
                line.LegendText = first ? series.Name : "";
                first = false;
                if (!isTotal) continue;
                foreach (var x in xs)
                {
                    var label = plot.Add.Text(series.Values[(int)x]!.Value.ToString("N0", KfCharts.Swedish), x, series.Values[(int)x]!.Value);
                    label.LabelFontSize = ChartStyle.ValueSize;
                    label.LabelBold = true;
                    label.LabelFontColor = ChartStyle.Ink;
                    label.LabelAlignment = Alignment.LowerCenter;
                    label.OffsetY = -9;
                }
            }
        }

        plot.Axes.Bottom.TickGenerator = ChartStyle.CategoryTicks(input.Quarters.Select(q => q.Swedish).ToList(), i => i);
        plot.Axes.Bottom.Label.Text = "Kvartal";
        plot.Axes.Left.TickGenerator = ChartStyle.CountTicks();
        plot.Axes.Left.Label.Text = chart.ValueAxis;
        plot.Axes.SetLimits(-0.5, n - 0.5, 0, top);
        plot.Grid.XAxisStyle.IsVisible = false;
        if (input.Series.Count > 1) plot.ShowLegend(Edge.Bottom); else plot.HideLegend();
    }

    /// Runs of consecutive true flags as (first, last) index pairs.
    private static IEnumerable<(int From, int To)> Runs(IReadOnlyList<bool> flags)
    {
        for (var i = 0; i < flags.Count; i++)
        {
            if (!flags[i]) continue;
            var from = i;
            while (i + 1 < flags.Count && flags[i + 1]) i++;
            yield return (from, i);
        }
    }
}
