using StatsReporting.Decisions;
using StatsReporting.Ivo;
using StatsReporting.Tests.Support;

namespace StatsReporting.Tests.Ivo;

public class PseudonymCodeTests
{
    private static readonly DateOnly Born = new(1950, 3, 4);

    [Theory]
    [InlineData(Kon.K, "19500304-T000")]
    [InlineData(Kon.M, "19500304-T010")]
    public void The_first_code_has_the_birth_date_and_a_kon_correct_middle_digit(Kon kon, string code) =>
        Assert.Equal(code, PseudonymCodes.Next(Born, kon, _ => false));

    [Fact]
    public void A_taken_code_is_skipped_keeping_the_kon_digit()
    {
        Assert.Equal("19500304-T001", PseudonymCodes.Next(Born, Kon.K, c => c == "19500304-T000"));
        Assert.Equal("19500304-T030", PseudonymCodes.Next(Born, Kon.M, c => c.CompareTo("19500304-T030") < 0));
    }

    [Fact]
    public void Without_a_birth_date_codes_move_through_the_placeholder_year_1900()
    {
        Assert.Equal("19000101-T000", PseudonymCodes.Next(null, Kon.K, _ => false));
        Assert.Equal("19000102-T010", PseudonymCodes.Next(null, Kon.M, c => c.StartsWith("19000101-")));
    }

    [Fact]
    public void Every_code_made_is_a_valid_ivo_code_of_the_right_kon_and_a_birth_date_holds_500_per_kon()
    {
        foreach (var kon in new[] { Kon.K, Kon.M })
        {
            var taken = new HashSet<string>();
            for (var i = 0; i < 500; i++)
            {
                var code = PseudonymCodes.Next(Born, kon, taken.Contains);
                Assert.Equal(PersonCode.Kind.IvoCode, PersonCode.Classify(code));
                Assert.Equal(kon, PersonCode.KonOf(code));
                Assert.True(taken.Add(code));
            }
            Assert.Throws<InvalidOperationException>(() => PseudonymCodes.Next(Born, kon, taken.Contains));
        }
    }

    [Fact]
    public void A_code_never_repeats_an_ivo_code_the_records_use_for_someone_else()
    {
        using var env = new TestEnv();
        env.Clock.Now = new DateTimeOffset(2025, 7, 5, 9, 0, 0, TimeSpan.Zero);
        var path = IvoHistory.WriteCsv(env.PathOf("b.csv"),
        [
            "P-1;19500304-T000;K;SoL;ÄO;Hemtjänst;;2025-01-10;;;;SAKNAR_RESURS;;",
            "P-2;anna-77;K;SoL;ÄO;Hemtjänst;;2025-01-11;;;;SAKNAR_RESURS;;1950-03-04",
        ]);
        env.Importer().Import(path);
        var rows = IvoHistory.Export(env).Write(new Period(2025, 2), env.PathOf("ivo")).Rows;
        Assert.Equal("19500304-T001", rows.Single(r => r.BeslutId == "P-2").PersonCode);
        Assert.Equal("19500304-T000", rows.Single(r => r.BeslutId == "P-1").PersonCode);
    }
}
