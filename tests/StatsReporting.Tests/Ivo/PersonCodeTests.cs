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
}
