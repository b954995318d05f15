using StatsReporting.Decisions;

namespace StatsReporting.Tests.Decisions;

/// Quarters as reports name them (2025Q2), their neighbours, windows and order.
public class PeriodTests
{
    private static DateOnly D(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2025Q1", "2024Q4", "2025Q2")]
    [InlineData("2025Q2", "2025Q1", "2025Q3")]
    [InlineData("2025Q4", "2025Q3", "2026Q1")]
    public void Previous_and_next_quarter_cross_the_year_end(string q, string previous, string next)
    {
        var p = Period.Parse(q);
        Assert.Equal((previous, next), (p.Previous.ToString(), p.Next.ToString()));
    }

    [Theory]
    [InlineData("2025-03-31", "2025Q1")]
    [InlineData("2025-04-01", "2025Q2")]
    [InlineData("2025-12-31", "2025Q4")]
    public void A_day_belongs_to_the_quarter_of_its_month(string day, string quarter) => Assert.Equal(quarter, Period.Of(D(day)).ToString());

    [Theory]
    [InlineData("1900Q1", 1900, 1)]
    [InlineData("2999Q4", 2999, 4)]
    [InlineData(" 2025-Q2 ", 2025, 2)]
    [InlineData("2025 q3", 2025, 3)]
    public void The_first_and_last_years_and_the_usual_spellings_parse(string text, int year, int quarter)
    {
        Assert.True(Period.TryParse(text, out var p));
        Assert.Equal(new Period(year, quarter), p);
    }

    [Fact]
    public void Null_is_no_period() => Assert.False(Period.TryParse(null, out _));

    [Fact]
    public void Parse_names_the_text_and_says_how_to_write_a_period()
    {
        var e = Assert.Throws<FormatException>(() => Period.Parse("2025Q5"));
        Assert.Equal("Ogiltig period '2025Q5': skriv år och kvartal, t.ex. 2025Q2 (år 1900–2999).", e.Message);
    }

    [Fact]
    public void A_window_is_the_last_quarters_ending_with_this_one_oldest_first()
    {
        Assert.Equal(["2024Q3", "2024Q4", "2025Q1"], new Period(2025, 1).Window(3).Select(q => q.ToString()));
        Assert.Equal(["2025Q1"], new Period(2025, 1).Window(1).Select(q => q.ToString()));
    }

    [Fact]
    public void Index_counts_quarters_so_that_differences_are_quarters_between()
    {
        Assert.Equal(2025 * 4 + 1, new Period(2025, 2).Index);
        Assert.Equal(5, new Period(2026, 3).Index - new Period(2025, 2).Index);
    }

    [Fact]
    public void Quarters_compare_by_time_across_years()
    {
        Period a = new(2024, 4), b = new(2025, 1), same = new(2025, 1);
        Assert.Equal((true, false, true, false), ((a < b), (b < a), (a <= b), (b <= a)));
        Assert.Equal((true, false, true, false), ((b > a), (a > b), (b >= a), (a >= b)));
        Assert.Equal((false, false, true, true), ((b < same), (b > same), (b <= same), (b >= same)));
    }

    [Fact]
    public void The_swedish_name_is_year_and_kv() => Assert.Equal("2025 kv2", new Period(2025, 2).Swedish);
}
