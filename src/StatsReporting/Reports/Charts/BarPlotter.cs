using ScottPlot;

namespace StatsReporting.Reports.Charts;

/// Stacked bars with the value written in each segment that is wide enough and the total at the end of the bar.
internal static class BarPlotter
{
    private const double BarSize = 0.62;
    /// A segment shorter than this share of the longest bar has no room for its number (the total still shows).
    private const double MinLabelShare = 0.06;
    /// Beyond this many bars they are thinner than a digit is high: only the totals are written.
    private const int MaxRowsWithSegmentLabels = 10;

    public static void Draw(Plot plot, BarChart chart)
    {
        var n = chart.Categories.Count;
        if (n == 0)
        {
            ChartStyle.Empty(plot, "Inga beslut att redovisa");
            return;
        }
        // Horizontal: the first category at the top, as in the table.
        double Position(int i) => chart.Horizontal ? n - 1 - i : i;
        var max = Enumerable.Range(0, n).Max(chart.Total);

        for (var s = 0; s < chart.Series.Count; s++)
        {
            var (fill, text) = ChartStyle.Segment(chart.Series[s].Shade ?? s, chart.Series.Count);
            var bars = new List<Bar>();
            for (var i = 0; i < n; i++)
            {
                var count = chart.Series[s].Values[i];
                if (count == 0) continue;
                var start = chart.Series.Take(s).Sum(x => x.Values[i]);
                bars.Add(new Bar
                {
                    Position = Position(i), ValueBase = start, Value = start + count, Size = BarSize,
                    FillColor = fill,
                    LineColor = ChartStyle.Ink, LineWidth = 0.75f,
                    Label = count >= max * MinLabelShare && chart.Series.Count > 1 && n <= MaxRowsWithSegmentLabels ? count.ToString(KfCharts.Swedish) : "",
                    CenterLabel = true,
                    Orientation = chart.Horizontal ? Orientation.Horizontal : Orientation.Vertical,
                });
            }
            var plottable = plot.Add.Bars(bars);
            plottable.Horizontal = chart.Horizontal;
            plottable.LegendText = chart.Series[s].Name;
            plottable.ValueLabelStyle.ForeColor = text;
            plottable.ValueLabelStyle.FontSize = ChartStyle.ValueSize;
            plottable.ValueLabelStyle.FontName = ChartFont.Name;
        }

        for (var i = 0; i < n; i++)
        {
            var total = chart.Total(i).ToString("N0", KfCharts.Swedish);
            var label = chart.Horizontal ? plot.Add.Text(total, chart.Total(i), Position(i)) : plot.Add.Text(total, Position(i), chart.Total(i));
            label.LabelFontSize = ChartStyle.ValueSize;
            label.LabelBold = true;
            label.LabelFontColor = ChartStyle.Ink;
            label.LabelFontName = ChartFont.Name;
            label.LabelAlignment = chart.Horizontal ? Alignment.MiddleLeft : Alignment.LowerCenter;
            if (chart.Horizontal) label.OffsetX = 6; else label.OffsetY = -4;
        }

        IAxis category = chart.Horizontal ? plot.Axes.Left : plot.Axes.Bottom;
        IAxis value = chart.Horizontal ? plot.Axes.Bottom : plot.Axes.Left;
        // Two-line labels leave the bars more room, but only while the rows have height to spare.
        var wrap = chart.Horizontal && n <= 9;
        category.TickGenerator = ChartStyle.CategoryTicks(chart.Categories.Select(c => wrap ? ChartStyle.Wrap(c) : c).ToList(), Position);
        category.MajorTickStyle.Length = 0;
        category.Label.Text = chart.CategoryAxis;
        value.TickGenerator = ChartStyle.CountTicks();
        value.Label.Text = chart.ValueAxis;
        // Room at the value end for the totals, and none below zero.
        if (chart.Horizontal) plot.Axes.SetLimits(0, max * 1.12 + 1, -0.6, n - 0.4);
        else plot.Axes.SetLimits(-0.6, n - 0.4, 0, max * 1.15 + 1);
        if (chart.Horizontal) plot.Grid.YAxisStyle.IsVisible = false; else plot.Grid.XAxisStyle.IsVisible = false;

        // When notes already take the room under the chart, the legend goes beside it.
        if (chart.Series.Count > 1) plot.ShowLegend(chart.Notes.Count > 0 ? Edge.Right : Edge.Bottom); else plot.HideLegend();
        ChartStyle.Notes(plot, chart.Notes);
    }
}
