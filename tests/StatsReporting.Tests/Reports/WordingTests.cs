using StatsReporting.Decisions;
using StatsReporting.Tests.Support;
using StatsReporting.Language;

namespace StatsReporting.Tests.Reports;

/// The Swedish a nämnd signs: numbers agree with their nouns, reasons read as Swedish after "då", no command lines.
public class WordingTests
{
    [Theory]
    [InlineData(1, "1 beslut verkställt")]
    [InlineData(2, "2 beslut verkställda")]
    [InlineData(5, "5 beslut verkställda")]
    public void Verkstallt_agrees_with_the_count(int n, string text) => Assert.Equal(text, Wording.StatusCount(Status.Verkstallt, null, n));

    [Theory]
    [InlineData(1, "1 beslut avslutat, då den enskilde har avlidit")]
    [InlineData(2, "2 beslut avslutade, då den enskilde har avlidit")]
    public void Avslutat_agrees_with_the_count(int n, string text) =>
        Assert.Equal(text, Wording.StatusCount(Status.Avslutat, "den enskilde har avlidit", n));

    /// The real protocol's one list form: count, "beslut", status, then the reason after a comma and "då".
    [Theory]
    [InlineData(1, "1 beslut ej verkställt, då det saknas resurser")]
    [InlineData(2, "2 beslut ej verkställda, då det saknas resurser")]
    [InlineData(20, "20 beslut ej verkställda, då det saknas resurser")]
    public void Ej_verkstallt_takes_the_protocols_list_form(int n, string text) =>
        Assert.Equal(text, Wording.StatusCount(Status.EjVerkstallt, "det saknas resurser", n));

    [Theory]
    [InlineData(1, "1 beslut ej verkställt, orsak saknas")]
    [InlineData(2, "2 beslut ej verkställda, orsak saknas")]
    public void A_missing_reason_is_said_after_a_comma(int n, string text) =>
        Assert.Equal(text, Wording.StatusCount(Status.EjVerkstallt, Wording.NoReason, n));

    [Fact]
    public void A_closed_case_without_a_closing_reason_is_just_avslutat() =>
        Assert.Equal(["1 beslut avslutat", "2 beslut avslutade"], new[] { 1, 2 }.Select(n => Wording.StatusCount(Status.Avslutat, null, n)));

    [Theory]
    [InlineData(1, 1, 0, "Beslutet avser en kvinna.")]
    [InlineData(1, 0, 1, "Beslutet avser en man.")]
    [InlineData(2, 1, 1, "Av besluten avser 1 kvinna och 1 man.")]
    [InlineData(7, 5, 2, "Av besluten avser 5 kvinnor och 2 män.")]
    [InlineData(3, 0, 3, "Samtliga tre avser män.")]
    [InlineData(20, 20, 0, "Samtliga 20 avser kvinnor.")]
    public void The_main_sentence_splits_by_kon_in_words_where_a_count_is_zero_or_all(int total, int k, int m, string split)
    {
        var text = Wording.Main("Socialnämnden", total, k, m, "om insatser enligt 9 § LSS", new Period(2025, 2), new DateOnly(2025, 6, 30));
        var count = total == 1 ? "ett" : total.ToString();
        Assert.Equal($"Socialnämnden rapporterar {count} gynnande beslut om insatser enligt 9 § LSS som inte har verkställts inom tre månader "
                     + $"från dagen för beslutet eller avbrottet. Uppgifterna avser kvartal 2 2025 med läget den 30 juni 2025. {split}", text);
    }

    [Fact]
    public void Man_come_first_where_the_law_lists_them_first() =>
        Assert.EndsWith("Av besluten avser 35 män och 16 kvinnor.",
            Wording.Main("Socialnämnden", 51, 16, 35, "om insatser enligt 9 § LSS", new Period(2025, 2), new DateOnly(2025, 6, 30), manFirst: true));

    [Fact]
    public void No_decisions_is_said_without_a_zero_count() =>
        Assert.StartsWith("Socialnämnden har inga gynnande beslut om insatser enligt 9 § LSS att rapportera som inte har verkställts",
            Wording.Main("Socialnämnden", 0, 0, 0, "om insatser enligt 9 § LSS", new Period(2025, 2), new DateOnly(2025, 6, 30)));

    [Theory]
    [InlineData(48, "Särskilt boende (ÄO), 48 beslut:")]
    [InlineData(1, "Särskilt boende (ÄO), ett beslut:")]
    public void The_insats_lead_line_agrees_with_its_total(int n, string text) => Assert.Equal(text, Wording.InsatsIntro("Särskilt boende (ÄO)", n));

    [Theory]
    [InlineData(3, 3, "Samtliga beslut avser avbrott i en redan påbörjad insats.")]
    [InlineData(1, 1, "Beslutet avser avbrott i en redan påbörjad insats.")]
    [InlineData(3, 10, "Tre av besluten avser avbrott i en redan påbörjad insats.")]
    [InlineData(25, 40, "Avbrott i en redan påbörjad insats gäller 25 av besluten.")]
    public void Avbrott_begins_with_a_word_never_a_digit(int avbrott, int total, string text) => Assert.Equal(text, Wording.Avbrott(avbrott, total));

    [Theory]
    [InlineData(1, 10, "Ett beslut har väntat på verkställighet i mer än tolv månader.")]
    [InlineData(2, 2, "Samtliga beslut har väntat på verkställighet i mer än tolv månader.")]
    [InlineData(30, 82, "I mer än tolv månader har 30 beslut väntat på verkställighet.")]
    public void Long_waits_begin_with_a_word_never_a_digit(int n, int total, string text) => Assert.Equal(text, Wording.OverTwelveMonths(n, total));

    [Theory]
    [InlineData(95, 86, 82, "Antalet har minskat med 4 beslut sedan föregående kvartal.")]
    [InlineData(80, 81, 82, "Antalet har ökat med ett beslut sedan föregående kvartal.")]
    public void The_comparison_names_the_two_previous_quarters_and_the_change(int q4, int q1, int q2, string change)
    {
        var text = Wording.Comparison(new Period(2025, 2).Window(3), [q4, q1, q2]);
        Assert.Equal($"Vid utgången av kvartal 2 2025 fanns 82 beslut att rapportera. Vid utgången av kvartal 1 2025 fanns {q1} beslut "
                     + $"och vid utgången av kvartal 4 2024 fanns {q4} beslut. {change}", text);
    }

    [Fact]
    public void Missing_history_is_said_plainly_and_no_change_is_claimed() =>
        Assert.Equal("Vid utgången av kvartal 2 2025 fanns 82 beslut att rapportera. För kvartal 1 2025 och kvartal 4 2024 saknas uppgift.",
            Wording.Comparison(new Period(2025, 2).Window(3), [null, null, 82]));

    [Fact]
    public void One_missing_quarter_and_zero_decisions_are_said_in_words() =>
        Assert.Equal("Vid utgången av kvartal 4 2024 fanns 4 beslut att rapportera. Vid utgången av kvartal 3 2024 fanns inga beslut. "
                     + "För kvartal 2 2024 saknas uppgift. Antalet har ökat med 4 beslut sedan föregående kvartal.",
            Wording.Comparison(new Period(2024, 4).Window(3), [null, 0, 4]));

    [Fact]
    public void The_basis_says_when_the_records_were_taken_out_without_a_file_name_or_import_number() =>
        Assert.Equal("Underlaget är uttaget ur verksamhetssystemet den 15 juli 2025.", Wording.Basis(new DateOnly(2025, 7, 15)));

    /// Every status line the catalog can give, for every count, in the Text sheet's words: no "p.g.a." before a
    /// clause, no command line, and every reason reads after "då" (a clause: it has a subject and a verb).
    [Fact]
    public void No_sentence_built_from_the_catalog_says_pgа_saknar_or_holds_a_command()
    {
        var lines = TestEnv.Catalog.Orsaker
            .SelectMany(o => new[] { (Status.EjVerkstallt, (string?)o.Label), (Status.Avslutat, o.Label) })
            .Append((Status.Verkstallt, null)).Append((Status.EjVerkstallt, Wording.NoReason)).Append((Status.EjVerkstallt, Wording.UnknownReason))
            .SelectMany(x => new[] { 1, 2, 5 }.Select(n => Wording.StatusCount(x.Item1, x.Item2, n)))
            .Append(Wording.Basis(new DateOnly(2025, 7, 15)))
            .ToList();
        Assert.Equal(14 * 2 * 3 + 3 * 3 + 1, lines.Count);
        Assert.All(lines, l => Assert.DoesNotContain("p.g.a.", l));
        Assert.All(lines, l => Assert.DoesNotContain("--", l));
        Assert.All(lines, l => Assert.DoesNotContain("report ", l));
        Assert.All(lines, l => Assert.DoesNotMatch(@"\b1 (beslut (verkställda|avslutade)|ej verkställda)\b", l));
        // A reason after "då" starts a clause, never a bare verb or noun ("då saknar resurs", "då övrigt").
        Assert.All(TestEnv.Catalog.Orsaker, o => Assert.Matches(
            @"^(den enskilde|det|annan huvudman|hälsotillståndet|behovet|arbetsrelaterade omständigheter|faktorer i arbetsmiljön) ", o.Label));
    }
}
