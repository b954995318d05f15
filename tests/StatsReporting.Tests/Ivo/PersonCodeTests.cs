using StatsReporting.Decisions;

namespace StatsReporting.Tests.Ivo;

/// An IVO code's first eight characters are its birth date (spec §1); an impossible date makes the code invalid.
public class PersonCodeTests
{
    [Theory]
    [InlineData("19500304-T010", "1950-03-04")]
    [InlineData("20000229-T000", "2000-02-29")]
    [InlineData("19001231-TF01", "1900-12-31")]
    public void The_birth_date_is_read_from_the_first_eight_digits(string code, string born)
    {
        Assert.Equal(DateOnly.Parse(born), PersonCode.BirthDate(code));
        Assert.Equal(PersonCode.Kind.IvoCode, PersonCode.Classify(code));
    }

    [Theory]
    [InlineData("19000229-T000")] // 1900 was no leap year
    [InlineData("19501304-T000")]
    [InlineData("19500400-T000")]
    [InlineData("00000101-T000")]
    [InlineData("19500431-T000")]
    public void An_impossible_date_is_no_birth_date_and_the_code_is_invalid(string code)
    {
        Assert.Null(PersonCode.BirthDate(code));
        Assert.Equal(PersonCode.Kind.Invalid, PersonCode.Classify(code));
    }

    [Fact]
    public void Digits_of_another_script_are_no_date()
    {
        // \d in the code's pattern also matches Arabic-Indic digits; the date must still be refused.
        Assert.Null(PersonCode.BirthDate("١٩٥٠٠٣٠٤-T010"));
        Assert.Equal(PersonCode.Kind.Invalid, PersonCode.Classify("١٩٥٠٠٣٠٤-T010"));
    }

    [Fact]
    public void A_date_with_any_other_character_than_a_digit_is_no_birth_date() =>
        // ':' is the character after '9': digit by digit it would read as month 10.
        Assert.Null(PersonCode.BirthDate("19500:04-T010"));

    [Fact]
    public void Year_one_is_the_first_year_a_date_can_have() =>
        Assert.Equal(new DateOnly(1, 1, 1), PersonCode.BirthDate("00010101-T000"));

    [Theory]
    [InlineData("anna-77", PersonCode.Kind.Pseudonym)]
    [InlineData("K-1234", PersonCode.Kind.Pseudonym)]
    [InlineData("195003041234", PersonCode.Kind.Invalid)]   // a personnummer never enters the system
    [InlineData("19500304-1234", PersonCode.Kind.Invalid)]
    [InlineData("500304-T010", PersonCode.Kind.Invalid)]
    public void A_value_that_starts_like_a_date_must_be_an_IVO_code_anything_else_is_a_pseudonym(string value, PersonCode.Kind kind) =>
        Assert.Equal(kind, PersonCode.Classify(value));

    [Theory]
    [InlineData("19500304-T020", Kon.K)]
    [InlineData("19500304-T010", Kon.M)]
    [InlineData("19500304-TF81", Kon.K)]
    [InlineData("19500304-TF97", Kon.M)]
    public void The_third_character_after_the_dash_is_the_kon_digit(string code, Kon kon) => Assert.Equal(kon, PersonCode.KonOf(code));
}
