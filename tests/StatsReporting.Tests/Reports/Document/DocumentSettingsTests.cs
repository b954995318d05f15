using StatsReporting.Organisation;
using StatsReporting.Reports.Document;

namespace StatsReporting.Tests.Reports.Document;

/// Dokument's values as a nämnd's tjänsteskrivelse sees them: the command line before the nämnd's own before the
/// installation's; a fixed section needs both its heading and its text.
public class DocumentSettingsTests
{
    private static readonly DocumentSettings Installation = new() { Forvaltning = "Socialförvaltningen", Handlaggare = "Anna Andersson", Mall = null };

    [Fact]
    public void A_namnds_own_values_win_over_the_installations_and_the_command_line_over_both()
    {
        var own = new NamndSettings { Code = "b", Name = "Vård- och omsorgsnämnden", Kommun = "Exempelkommunen",
            Dokument = new NamndDocument { Forvaltning = "Vård- och omsorgsförvaltningen", Handlaggare = "Bo Berg" } };
        var plain = new NamndSettings { Code = "a", Name = "Socialnämnden", Kommun = "Exempelkommunen" };
        Assert.Equal(new DocumentOptions(null, "Socialförvaltningen", "Anna Andersson", null, Installation.Avsnitt), Installation.For(plain));
        Assert.Equal(("Vård- och omsorgsförvaltningen", "Bo Berg"), (Installation.For(own).Forvaltning, Installation.For(own).Handlaggare));
        Assert.Equal(("SN 2025/117", "Cecilia Ek"), (Installation.For(own, "SN 2025/117", "Cecilia Ek").Arendenr, Installation.For(own, "SN 2025/117", "Cecilia Ek").Handlaggare));
        // Blank is not a value: "" in appsettings.json is the same as no value.
        Assert.Null(new DocumentSettings { Handlaggare = " " }.For(plain).Handlaggare);
    }

    [Theory]
    [InlineData("Samverkan", "")]
    [InlineData("", "Ärendet har beretts i samverkan.")]
    public void A_fixed_section_without_heading_or_text_is_refused(string rubrik, string text)
    {
        var s = new DocumentSettings { Avsnitt = [new FixedSection { Rubrik = rubrik, Text = text }] };
        Assert.Equal("appsettings.json: StatsReporting:Dokument:Avsnitt:0 ska ha både Rubrik och Text.", Assert.Throws<InvalidOperationException>(s.Validate).Message);
    }

    [Theory]
    [InlineData("Socialförvaltningen", "Socialförvaltningens förslag till beslut")]
    [InlineData("Förvaltningen för vård och omsorg", "Förvaltningen för vård och omsorgs förslag till beslut")]
    [InlineData("Kommunledningskontoret", "Kommunledningskontorets förslag till beslut")]
    [InlineData("Omsorgs- och fritidsförvaltningens", "Omsorgs- och fritidsförvaltningens förslag till beslut")]
    public void The_proposal_is_the_forvaltnings_in_the_genitive(string forvaltning, string heading) =>
        Assert.Equal(heading, Sections.ProposalHeading(forvaltning));

    [Fact]
    public void Without_a_forvaltning_the_proposal_is_plain() => Assert.Equal("Förslag till beslut", Sections.ProposalHeading(null));
}
