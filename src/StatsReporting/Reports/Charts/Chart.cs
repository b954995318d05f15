using StatsReporting.Decisions;

namespace StatsReporting.Reports.Charts;

/// The four charts of spec §5.2; the lower-case name is the file name: diagram/sol-kon.png.
public enum ChartKind { Kon, Trend, Orsaker, Vantetid }

/// A chart as it is plotted: every number drawn is in the model, so a test can compare it with the workbook.
public abstract record Chart(Lag Lag, ChartKind Kind, string Title, string Subtitle)
{
    public string FileName => $"{Lag.ToString().ToLowerInvariant()}-{Kind.ToString().ToLowerInvariant()}";

    public string Caption => Kind switch
    {
        ChartKind.Kon => "Kön per insats",
        ChartKind.Trend => "Utveckling över tid",
        ChartKind.Orsaker => "Orsaker",
        _ => "Väntetid",
    };
}

/// One stacked segment series: its legend name and one value per category. `Shade` pins its fill (0 = dark) where
/// the same series must look the same in every chart whatever its place in the stack (Kvinnor dark, Män light).
public sealed record BarSeries(string Name, IReadOnlyList<int> Values, int? Shade = null);

/// Bars per category, the series stacked; `Notes` are printed under the chart (e.g. what "9 § 4" stands for).
public sealed record BarChart(Lag Lag, ChartKind Kind, string Title, string Subtitle, string ValueAxis, string CategoryAxis,
    IReadOnlyList<string> Categories, IReadOnlyList<BarSeries> Series, bool Horizontal, IReadOnlyList<string> Notes)
    : Chart(Lag, Kind, Title, Subtitle)
{
    public int Total(int category) => Series.Sum(s => s.Values[category]);
}

/// One line of the trend: a value per quarter, null where no source covers the quarter ("uppgift saknas", never 0).
public sealed record TrendSeries(string Name, IReadOnlyList<int?> Values);

/// The trend's input, a pure value: quarters oldest first and the series over them, the total last (it is drawn
/// boldest, with its values written). TrendHistory makes it from the comparison table (records, else stored published tables); another source
/// (stored published tables) can fill the nulls of quarters the records do not cover before it is plotted.
public sealed record TrendInput(IReadOnlyList<Period> Quarters, IReadOnlyList<TrendSeries> Series)
{
    /// No series has a value for the quarter: the chart shades it.
    public bool IsMissing(int quarter) => Series.All(s => s.Values[quarter] is null);
}

public sealed record TrendChart(Lag Lag, string Title, string Subtitle, string ValueAxis, TrendInput Input)
    : Chart(Lag, ChartKind.Trend, Title, Subtitle);
