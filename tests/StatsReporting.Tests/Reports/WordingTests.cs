using StatsReporting.Decisions;
using StatsReporting.Tests.Support;
using StatsReporting.Language;

namespace StatsReporting.Tests.Reports;

/// The Swedish a nämnd signs: numbers agree with their nouns, reasons read as Swedish after "då", no command lines.
public class WordingTests
{
    [Theory]
    [InlineData(0, "0 beslut verkställda")]
    [InlineData(1, "1 beslut verkställt")]
    [InlineData(2, "2 beslut verkställda")]
    [InlineData(5, "5 beslut verkställda")]
    public void Verkstallt_agrees_with_the_count(int n, string text) => Assert.Equal(text, Wording.StatusCount(Status.Verkstallt, null, n));

    [Theory]
    [InlineData(0, "0 beslut avslutade då den enskilde har avlidit")]
    [InlineData(1, "1 beslut avslutat då den enskilde har avlidit")]
    [InlineData(2, "2 beslut avslutade då den enskilde har avlidit")]
    [InlineData(5, "5 beslut avslutade då den enskilde har avlidit")]
    public void Avslutat_agrees_with_the_count(int n, string text) =>
        Assert.Equal(text, Wording.StatusCount(Status.Avslutat, "den enskilde har avlidit", n));

    [Theory]
    [InlineData(0, "0 ej verkställda beslut då det saknas resurser")]
    [InlineData(1, "1 ej verkställt beslut då det saknas resurser")]
    [InlineData(2, "2 ej verkställda beslut då det saknas resurser")]
    [InlineData(5, "5 ej verkställda beslut då det saknas resurser")]
    public void Ej_verkstallt_agrees_with_the_count(int n, string text) =>
        Assert.Equal(text, Wording.StatusCount(Status.EjVerkstallt, "det saknas resurser", n));

    [Theory]
    [InlineData(1, "1 ej verkställt beslut, orsak saknas")]
    [InlineData(2, "2 ej verkställda beslut, orsak saknas")]
    public void A_missing_reason_is_said_after_a_comma(int n, string text) =>
        Assert.Equal(text, Wording.StatusCount(Status.EjVerkstallt, Wording.NoReason, n));

    [Fact]
    public void A_closed_case_without_a_closing_reason_is_just_avslutat() =>
        Assert.Equal(["1 beslut avslutat", "2 beslut avslutade"], new[] { 1, 2 }.Select(n => Wording.StatusCount(Status.Avslutat, null, n)));

    [Theory]
    [InlineData(1, 1, 0, "Beslutet avser en kvinna.")]
    [InlineData(1, 0, 1, "Beslutet avser en man.")]
    [InlineData(2, 1, 1, "Av dessa avser 1 kvinna och 1 man.")]
    [InlineData(7, 5, 2, "Av dessa avser 5 kvinnor och 2 män.")]
    public void The_main_sentence_splits_by_kon_in_the_right_number(int total, int k, int m, string split)
    {
        var text = Wording.Main("Socialnämnden", total, k, m, "9 § LSS", new Period(2025, 2), new DateOnly(2025, 6, 30));
        Assert.Equal($"Socialnämnden rapporterar {total} gynnande beslut enligt 9 § LSS som inte har verkställts inom tre månader "
                     + $"från dagen för beslutet eller avbrottet (kvartal 2 2025, status vid rapporteringstillfället 2025-06-30). {split}", text);
    }

    [Fact]
    public void Man_come_first_where_the_law_lists_them_first() =>
        Assert.EndsWith("Av dessa avser 35 män och 16 kvinnor.",
            Wording.Main("Socialnämnden", 51, 16, 35, "9 § LSS", new Period(2025, 2), new DateOnly(2025, 6, 30), manFirst: true));

    [Fact]
    public void No_decisions_is_said_without_a_zero_count() =>
        Assert.StartsWith("Socialnämnden har inga gynnande beslut enligt 9 § LSS att rapportera som inte har verkställts",
            Wording.Main("Socialnämnden", 0, 0, 0, "9 § LSS", new Period(2025, 2), new DateOnly(2025, 6, 30)));

    [Theory]
    [InlineData(48, "Särskilt boende (ÄO): 48 beslut. Av dessa är vid rapporteringstillfället:")]
    [InlineData(1, "Särskilt boende (ÄO): 1 beslut. Vid rapporteringstillfället är det:")]
    public void The_insats_intro_agrees_with_its_total(int n, string text) => Assert.Equal(text, Wording.InsatsIntro("Särskilt boende (ÄO)", n));

    [Theory]
    [InlineData(95, 86, 82, "en minskning med 4 beslut sedan föregående kvartal.")]
    [InlineData(80, 81, 82, "en ökning med 1 beslut sedan föregående kvartal.")]
    public void The_comparison_names_the_two_previous_quarters_and_the_change(int q4, int q1, int q2, string change)
    {
        var text = Wording.Comparison(new Period(2025, 2).Window(3), [q4, q1, q2]);
        Assert.Equal($"Vid utgången av kvartal 2 2025 fanns 82 beslut att rapportera, jämfört med {q4} beslut vid utgången av kvartal 4 2024 "
                     + $"och {q1} beslut vid utgången av kvartal 1 2025. Det är {change}", text);
    }

    [Fact]
    public void A_quarter_without_data_is_uppgift_saknas_and_no_change_is_claimed() =>
        Assert.Equal("Vid utgången av kvartal 2 2025 fanns 82 beslut att rapportera, jämfört med uppgift saknas för kvartal 4 2024 "
                     + "och uppgift saknas för kvartal 1 2025.", Wording.Comparison(new Period(2025, 2).Window(3), [null, null, 82]));

    [Fact]
    public void The_basis_names_the_file_and_the_day_it_was_imported_not_a_command() =>
        Assert.Equal("Rapporten bygger på beslutsunderlaget från verksamhetssystemet i filen beslut.csv, importerad den 15 juli 2025 (import nr 3).",
            Wording.Basis("beslut.csv", new DateOnly(2025, 7, 15), 3));

    /// Every status line the catalog can give, for every count, in the Text sheet's words: no "p.g.a." before a
    /// clause, no command line, and every reason reads after "då" (a clause: it has a subject and a verb).
    [Fact]
    public void No_sentence_built_from_the_catalog_says_pgа_saknar_or_holds_a_command()
    {
        var lines = TestEnv.Catalog.Orsaker
            .SelectMany(o => new[] { (Status.EjVerkstallt, (string?)o.Label), (Status.Avslutat, o.Label) })
            .Append((Status.Verkstallt, null)).Append((Status.EjVerkstallt, Wording.NoReason)).Append((Status.EjVerkstallt, Wording.UnknownReason))
            .SelectMany(x => new[] { 0, 1, 2, 5 }.Select(n => Wording.StatusCount(x.Item1, x.Item2, n)))
            .Append(Wording.Basis("beslut.csv", new DateOnly(2025, 7, 15), 1))
            .ToList();
        Assert.Equal(14 * 2 * 4 + 3 * 4 + 1, lines.Count);
        Assert.All(lines, l => Assert.DoesNotContain("p.g.a.", l));
        Assert.All(lines, l => Assert.DoesNotContain("--", l));
        Assert.All(lines, l => Assert.DoesNotContain("report ", l));
        Assert.All(lines, l => Assert.DoesNotMatch(@"\b1 (beslut (verkställda|avslutade)|ej verkställda)\b", l));
        // A reason after "då" starts a clause, never a bare verb or noun ("då saknar resurs", "då övrigt").
        Assert.All(TestEnv.Catalog.Orsaker, o => Assert.Matches(
            @"^(den enskilde|det|annan huvudman|hälsotillståndet|behovet|arbetsrelaterade omständigheter|faktorer i arbetsmiljön) ", o.Label));
    }
}
