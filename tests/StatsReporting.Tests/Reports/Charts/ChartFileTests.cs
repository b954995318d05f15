using System.Xml.Linq;
using SkiaSharp;
using StatsReporting.Decisions;
using StatsReporting.Reports.Charts;

namespace StatsReporting.Tests.Reports.Charts;

/// The chart files a controller pastes into the tjänsteskrivelse: PNG of the stated size with text drawn, SVG with
/// the Swedish text kept as text.
public class ChartFileTests(ChartedReports r) : IClassFixture<ChartedReports>
{
    public static TheoryData<string> Names => new(
        from lag in new[] { "sol", "lss" } from chart in new[] { "kon", "trend", "orsaker", "vantetid" } select $"{lag}-{chart}");

    [Theory]
    [MemberData(nameof(Names))]
    public void Chart_is_a_1600_by_1000_png_with_its_title_drawn(string name)
    {
        var bytes = File.ReadAllBytes(r.ChartFile(name + ".png"));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes.Take(4));
        using var png = SKBitmap.Decode(bytes);
        Assert.Equal((1600, 1000), (png.Width, png.Height));
        // The title is drawn centred in the top 80 pixel rows; without a usable font ScottPlot leaves them white.
        var dark = DarkPixels(png, 0, 80);
        Assert.InRange(dark, 8_000, 30_000);
        Assert.InRange(DarkColumns(png, 0, 80), 600, 1_300);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Svg_keeps_the_swedish_title_as_text(string name)
    {
        var chart = r.Sol.Concat(r.Lss).Single(c => c.FileName == name);
        var svg = XDocument.Load(r.ChartFile(name + ".svg"));
        var texts = Texts(svg);
        Assert.Contains(chart.Title, texts);
        Assert.Contains(chart.Subtitle, texts);
        Assert.All(svg.Descendants().Where(e => e.Name.LocalName == "text"), e => Assert.Equal(ChartFont.Name, (string?)e.Attribute("font-family")));
    }

    [Fact]
    public void Trend_shows_only_the_quarters_the_records_cover()
    {
        var texts = Texts(XDocument.Load(r.ChartFile("sol-trend.svg")));
        Assert.Equal(["2024 kv4", "2025 kv1", "2025 kv2"], texts.Where(t => t.Contains(" kv")).Where(t => t.Length == 8));
        Assert.DoesNotContain("Uppgift saknas", texts);
        Assert.DoesNotContain(texts, t => t.Contains("2023") || t.Contains("2024 kv3"));
    }

    [Fact]
    public void Trend_plots_values_another_source_gives_for_quarters_before_the_records()
    {
        var report = r.Env.Reports().Build(ChartedReports.Q, ChartedReports.AsOf)[0];
        var records = TrendHistory.FromRecords(r.Env.Current(), Lag.SoL, ChartedReports.Q, Support.TestEnv.Catalog, Support.TestEnv.Report);
        // As stored published tables would give it: totals for 2024Q1–2024Q3, nothing per verksamhet.
        var total = records.Series[^1].Values.Select((v, i) => i is >= 2 and <= 4 ? 100 + i : v).ToList();
        var input = records with { Series = [.. records.Series.SkipLast(1), records.Series[^1] with { Values = total }] };
        Assert.Equal([true, true, false, false, false, false, false, false], Enumerable.Range(0, 8).Select(input.IsMissing));

        var chart = KfCharts.Trend(report, input, Support.TestEnv.Catalog)!;
        // 2023Q3–2023Q4, which nothing covers, are left out; the verksamheter's lines lack 2024Q1–2024Q3.
        Assert.Equal(["2024Q1", "2024Q2", "2024Q3", "2024Q4", "2025Q1", "2025Q2"], chart.Input.Quarters.Select(q => q.ToString()));
        Assert.Equal("Antal beslut att rapportera per kvartal; saknad punkt: uppgift saknas", chart.Subtitle);
        Assert.Equal("Ej verkställda beslut per kvartal, SoL 2024 kv1–2025 kv2", chart.Title);
        var texts = Texts(XDocument.Parse(ChartRenderer.Draw(chart).Svg));
        // The total's points are labelled with their values.
        Assert.All(new[] { "102", "103", "104", "95", "86", "82" }, v => Assert.Contains(v, texts));
        Assert.DoesNotContain("Uppgift saknas", texts);
    }

    [Fact]
    public void No_trend_chart_when_fewer_than_two_quarters_have_data()
    {
        var report = r.Env.Reports().Build(ChartedReports.Q, ChartedReports.AsOf)[0];
        var records = TrendHistory.FromRecords(r.Env.Current(), Lag.SoL, ChartedReports.Q, Support.TestEnv.Catalog, Support.TestEnv.Report);
        var one = records with { Series = records.Series.Select(s => s with { Values = s.Values.Select((v, i) => i == 7 ? v : null).ToList() }).ToList() };
        Assert.Null(KfCharts.Trend(report, one, Support.TestEnv.Catalog));
        Assert.Equal([ChartKind.Kon, ChartKind.Orsaker, ChartKind.Vantetid], KfCharts.For(report, one, Support.TestEnv.Catalog).Select(c => c.Kind));
    }

    [Fact]
    public void Embedded_font_has_the_swedish_letters_and_a_bold_face()
    {
        ChartFont.Register();
        using var regular = ScottPlot.Fonts.GetTypeface(ChartFont.Name, bold: false, italic: false);
        using var bold = ScottPlot.Fonts.GetTypeface(ChartFont.Name, bold: true, italic: false);
        Assert.Equal((ChartFont.Name, 400, 700), (regular.FamilyName, regular.FontStyle.Weight, bold.FontStyle.Weight));
        using var font = new SKFont(regular);
        Assert.True(font.ContainsGlyphs("åäöÅÄÖ§–é"));
    }

    [Fact]
    public void A_quarter_without_decisions_gets_charts_that_say_so()
    {
        var empty = r.Env.Reports().Build(Period.Parse("2020Q1"), new DateOnly(2020, 3, 31))[0];
        var kon = KfCharts.Kon(empty);
        Assert.Empty(kon.Categories);
        Assert.Contains("Inga beslut att redovisa", Texts(XDocument.Parse(ChartRenderer.Draw(kon).Svg)));
        Assert.Equal(1600, SKBitmap.Decode(ChartRenderer.Draw(KfCharts.Orsaker(empty)).Png).Width);
    }

    [Fact]
    public void Svg_is_the_same_however_many_charts_were_drawn_before()
    {
        var report = r.Env.Reports().Build(ChartedReports.Q, ChartedReports.AsOf)[0];
        var first = ChartRenderer.Draw(KfCharts.Kon(report)).Svg;
        _ = ChartRenderer.Draw(KfCharts.Orsaker(report)); // ScottPlot's clip-path counter moves on
        var again = ChartRenderer.Draw(KfCharts.Kon(report)).Svg;
        Assert.Equal(first, again);
        Assert.Contains("id=\"cl_1\"", first);
        Assert.Equal("<a id=\"cl_1\"/><b clip-path=\"url(#cl_1)\"/><c id=\"cl_2\"/>",
            ChartRenderer.NumberClips("<a id=\"cl_5b\"/><b clip-path=\"url(#cl_5b)\"/><c id=\"cl_5c\"/>"));
    }

    /// Skia writes one <text> element per label, its content indented.
    private static List<string> Texts(XDocument svg) =>
        svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToList();

    private static int DarkPixels(SKBitmap png, int fromRow, int toRow)
    {
        var n = 0;
        for (var y = fromRow; y < toRow; y++)
            for (var x = 0; x < png.Width; x++)
                if (IsDark(png.GetPixel(x, y))) n++;
        return n;
    }

    private static int DarkColumns(SKBitmap png, int fromRow, int toRow) =>
        Enumerable.Range(0, png.Width).Count(x => Enumerable.Range(fromRow, toRow - fromRow).Any(y => IsDark(png.GetPixel(x, y))));

    private static bool IsDark(SKColor c) => c.Red + c.Green + c.Blue < 3 * 128;
}
