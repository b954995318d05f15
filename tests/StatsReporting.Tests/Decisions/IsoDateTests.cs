using System.Text;
using StatsReporting.Decisions;

namespace StatsReporting.Tests.Decisions;

/// Dates as the database stores them: yyyy-MM-dd, written and read digit by digit.
public class IsoDateTests
{
    [Theory]
    [InlineData(2025, 6, 30, "2025-06-30")]
    [InlineData(2024, 2, 29, "2024-02-29")]
    [InlineData(1, 1, 1, "0001-01-01")]
    [InlineData(9999, 12, 31, "9999-12-31")]
    public void A_date_is_written_with_four_year_digits_and_two_for_month_and_day(int y, int m, int d, string iso)
    {
        var day = new DateOnly(y, m, d);
        Assert.Equal(iso, IsoDate.Format(day));
        Span<byte> utf8 = stackalloc byte[10];
        IsoDate.Format(day, utf8);
        Assert.Equal(iso, Encoding.UTF8.GetString(utf8));
        Assert.Equal(day, IsoDate.Parse(iso));
    }

    [Fact]
    public void No_date_is_no_text_and_no_text_is_no_date()
    {
        Assert.Null(IsoDate.Format(null));
        Assert.Null(IsoDate.Parse(null));
        Assert.Null(IsoDate.Parse(""));
    }

    [Theory]
    [InlineData("2025-7-1")]      // not ten characters: the exact format refuses it
    [InlineData("2025/07/01")]    // ten characters, other separators
    [InlineData("20250701XX")]
    [InlineData("2025-13-01")]    // the digits read, but no such month
    public void Text_that_is_not_an_iso_date_is_refused(string text) =>
        Assert.ThrowsAny<Exception>(() => IsoDate.Parse(text));

    [Fact]
    public void Every_digit_counts_in_its_place() =>
        Assert.Equal(new DateOnly(1987, 10, 25), IsoDate.Parse("1987-10-25"));
}
