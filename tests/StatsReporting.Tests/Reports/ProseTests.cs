using StatsReporting.Decisions;
using StatsReporting.Language;

namespace StatsReporting.Tests.Reports;

/// The house style's small parts, as Svenska skrivregler writes them.
public class ProseTests
{
    [Theory]
    [InlineData(1, "första")]
    [InlineData(4, "fjärde")]
    [InlineData(6, "sjätte")]
    [InlineData(12, "tolfte")]
    [InlineData(20, "tjugonde")]
    [InlineData(21, "tjugoförsta")]
    [InlineData(30, "trettionde")]
    [InlineData(42, "fyrtioandra")]
    [InlineData(101, "101:a")]
    public void Ordinals_are_words(int n, string word) => Assert.Equal(word, Prose.Ordinal(n));

    [Theory]
    [InlineData(0, "inga beslut")]
    [InlineData(1, "ett beslut")]
    [InlineData(2, "2 beslut")]
    public void Zero_and_one_are_words_inside_a_sentence(int n, string text) => Assert.Equal(text, Prose.Count(n, "beslut", "beslut"));

    [Fact]
    public void Small_numbers_have_words_for_the_start_of_a_sentence_and_large_ones_none()
    {
        Assert.Equal(["ett", "en", "tre", "tolv"], new[] { Prose.Word(1)!, Prose.Word(1, common: true)!, Prose.Word(3)!, Prose.Word(12)! });
        Assert.Null(Prose.Word(13));
    }

    [Fact]
    public void Dates_quarters_and_lists_in_prose()
    {
        Assert.Equal("30 juni 2025", Prose.Date(new DateOnly(2025, 6, 30)));
        Assert.Equal("kvartal 4 2023", Prose.Quarter(new Period(2023, 4)));
        Assert.Equal(["a", "a och b", "a, b och c"], new[] { Prose.List(["a"]), Prose.List(["a", "b"]), Prose.List(["a", "b", "c"]) });
        Assert.Equal("54 procent", Prose.Percent(44, 82));
    }
}
