using StatsReporting.Checks;
using static StatsReporting.Tests.Checks.Tables;

namespace StatsReporting.Tests.Checks;

public class TableCheckerTests
{
    // Two groups and a grand total; every number adds up.
    private static readonly string[] Correct =
    [
        "Insats;Kvinnor;Män;Totalt",
        "Särskilt boende, ÄO;2;-;2",
        "Kontaktperson, ÄO;-;-;",
        "Hemtjänst, ÄO;1;3;4",
        "Total ÄO;3;3;6",
        "Bostad, IFO;1;1;2",
        "Kontaktfamilj, IFO;0;5;5",
        "Totalt IFO;1;6;7",
        "Totalt samtliga verksamheter;4;9;13",
    ];

    private static IReadOnlyList<Finding> Check(params string[] lines) => Checker.Check(Csv("t.csv", lines));

    private static string[] With(int line, string row) { var t = Correct.ToArray(); t[line] = row; return t; }

    [Fact]
    public void A_correct_table_with_dash_cells_and_a_Totalt_column_has_no_finding() => Assert.Empty(Check(Correct));

    [Fact]
    public void A_header_like_Summa_total_is_the_sum_column_wherever_it_stands()
    {
        var t = Table("t.csv", "Insats;Summa total ej verkställda;Kvinnor;Män", "A;5;2;3", "B;4;2;1");
        Assert.Equal(["B | Summa total ej verkställda | 4 | 3"], Summary(TableChecker.Check(t)));
    }

    [Fact]
    public void A_detail_row_whose_parts_do_not_add_up_is_named_with_its_line()
    {
        var f = Assert.Single(TableChecker.Check(Table("t.csv", "Insats;K;M;Summa", "A;1;2;3", "B;2;2;5")));
        Assert.Equal(("B", "Summa", 5L, 4L, 3), (f.Row, f.Column, f.Printed, f.Computed, f.Line));
        Assert.Equal("B (rad 3): 2 + 2 = 4, men Summa anger 5.", f.Message);
    }

    [Fact]
    public void A_wrong_subtotal_is_found_in_its_column_and_in_its_row_sum()
    {
        // Total ÄO printed 3 + 4 = 6 for Män: the subtotal is the only wrong cell; the grand total matches the detail rows.
        var findings = Check(With(4, "Total ÄO;3;4;6"));
        Assert.Equal(["Total ÄO | Män | 4 | 3", "Total ÄO | Totalt | 6 | 7"], Summary(findings));
        Assert.All(findings, f => Assert.Null(f.RootCause));
    }

    [Fact]
    public void A_grand_total_carried_from_a_wrong_subtotal_names_that_subtotal_as_root_cause()
    {
        var lines = With(4, "Total ÄO;2;3;5");
        lines[8] = "Totalt samtliga verksamheter;3;9;12";
        var findings = Check(lines);
        Assert.Equal([
            "Total ÄO | Kvinnor | 2 | 3", "Total ÄO | Totalt | 5 | 6",
            "Totalt samtliga verksamheter | Kvinnor | 3 | 4", "Totalt samtliga verksamheter | Totalt | 12 | 13",
        ], Summary(findings));
        Assert.Equal([null, null, "Total ÄO", "Total ÄO"], findings.Select(f => f.RootCause));
    }

    [Fact]
    public void A_grand_total_that_matches_neither_detail_rows_nor_subtotals_has_no_root_cause()
    {
        var findings = Check(With(8, "Totalt samtliga verksamheter;4;10;14"));
        Assert.Equal(["Totalt samtliga verksamheter | Män | 10 | 9", "Totalt samtliga verksamheter | Totalt | 14 | 13"], Summary(findings));
        Assert.All(findings, f => Assert.Null(f.RootCause));
        Assert.Contains("delsummorna ger 9", findings[0].Message);
    }

    [Fact]
    public void A_table_whose_only_error_is_a_detail_row_points_every_finding_at_that_row()
    {
        // Hemtjänst, ÄO was typed 1 + 8 = 4 instead of 1 + 3 = 4; the sums below were made from the right number.
        var findings = Check(With(3, "Hemtjänst, ÄO;1;8;4"));
        Assert.Equal([
            "Hemtjänst, ÄO | Totalt | 4 | 9", "Total ÄO | Män | 3 | 8", "Totalt samtliga verksamheter | Män | 9 | 14",
        ], Summary(findings));
        Assert.Equal([null, "Hemtjänst, ÄO", "Hemtjänst, ÄO"], findings.Select(f => f.RootCause));
    }

    [Fact]
    public void An_unreadable_cell_is_a_finding_naming_row_and_column_and_its_sums_are_not_guessed()
    {
        var findings = Check(With(1, "Särskilt boende, ÄO;ca 5;-;2"));
        var f = Assert.Single(findings);
        Assert.Equal((FindingKind.Cell, "Särskilt boende, ÄO", "Kvinnor", 2), (f.Kind, f.Row, f.Column, f.Line));
        Assert.Equal("Särskilt boende, ÄO (rad 2), Kvinnor: 'ca 5' kan inte läsas som ett antal.", f.Message);
    }

    [Fact]
    public void A_negative_count_is_a_finding_even_when_the_sums_agree()
    {
        var f = Assert.Single(Check("Insats;K;M;Summa", "A;-1;3;2", "B;1;0;1", "Summa total;0;3;3"));
        Assert.Equal((FindingKind.Cell, "A", "K"), (f.Kind, f.Row, f.Column));
        Assert.Contains("negativt antal -1", f.Message);
    }

    [Fact]
    public void A_sum_row_with_nothing_above_it_is_a_structure_finding()
    {
        var findings = Check("Insats;K;M;Summa", "Totalt ÄO;1;1;2", "A;1;1;2", "Totalt OF;1;1;2", "Totalt IFO;0;0;0", "B;1;0;1", "Summa;1;0;1");
        Assert.Equal([(FindingKind.Structure, "Totalt ÄO", 2), (FindingKind.Structure, "Totalt IFO", 5)], findings.Select(f => (f.Kind, f.Row, f.Line!.Value)));
        Assert.Contains("inga rader ovanför", findings[0].Message);
    }

    [Fact]
    public void A_reason_breakdown_must_sum_to_the_insats_count()
    {
        var read = Csv("orsaker.csv",
            "Insats;Status vid rapporteringstillfället;Antal",
            "Särskilt boende, ÄO;Totalt;48",
            ";verkställda;10", ";ej verkställda p.g.a. tackat nej;20", ";avslutade: avliden;1", ";ej verkställda p.g.a. saknas plats;16",
            "Kontaktperson, ÄO;;8", "Kontaktperson, ÄO;verkställda;8");
        Assert.NotNull(read.Breakdown);
        var f = Assert.Single(Checker.Check(read));
        Assert.Equal((FindingKind.Breakdown, "Särskilt boende, ÄO", 48L, 47L), (f.Kind, f.Row, f.Printed, f.Computed));
    }

    [Fact]
    public void A_file_without_a_number_anywhere_is_unreadable_input() =>
        Assert.Throws<TableReadException>(() => Csv("t.csv", "Insats;K", "A;ca 5", "B;okänt"));

    private static string[] Messages(IEnumerable<Finding> findings) => findings.Select(f => f.Message).ToArray();

    [Fact]
    public void A_wrong_detail_row_is_named_in_the_messages_of_the_sums_made_from_its_right_number()
    {
        var findings = Check(With(3, "Hemtjänst, ÄO;1;8;4"));
        Assert.Equal([
            "Hemtjänst, ÄO (rad 4): 1 + 8 = 9, men Totalt anger 4.",
            "Total ÄO (rad 5), Män: angivet 3, beräknat 8 som summan av raderna sedan föregående summarad. Felet kommer från raden Hemtjänst, ÄO.",
            "Totalt samtliga verksamheter (rad 9), Män: angivet 9, beräknat 14 som summan av alla detaljrader. Totalen stämmer med delsummorna, så felet kommer från Hemtjänst, ÄO.",
        ], Messages(findings));
    }

    [Fact]
    public void A_wrong_sum_in_a_detail_rows_Totalt_column_is_found_as_the_culprit_of_its_subtotal()
    {
        // Bostad, IFO typed 1 + 1 = 3; Totalt IFO was added up from the right 2.
        var findings = Check(With(5, "Bostad, IFO;1;1;3"));
        Assert.Equal(["Bostad, IFO | Totalt | 3 | 2", "Totalt IFO | Totalt | 7 | 8", "Totalt samtliga verksamheter | Totalt | 13 | 14"], Summary(findings));
        Assert.Equal([null, "Bostad, IFO", "Bostad, IFO"], findings.Select(f => f.RootCause));
        Assert.EndsWith("Felet kommer från raden Bostad, IFO.", findings[1].Message);
    }

    [Fact]
    public void A_wrong_subtotal_without_a_culprit_row_gives_no_cause()
    {
        var f = Check(With(4, "Total ÄO;3;4;7"))[0];
        Assert.Equal("Total ÄO (rad 5), Män: angivet 4, beräknat 3 som summan av raderna sedan föregående summarad.", f.Message);
    }

    [Fact]
    public void A_grand_total_over_two_wrong_subtotals_names_both_and_its_row_sum_follows_from_them()
    {
        // Total ÄO has Kvinnor 2 (3 by its rows), Totalt IFO has Totalt 8 (7); the grand total added up the subtotals.
        var lines = With(4, "Total ÄO;2;3;6");
        lines[7] = "Totalt IFO;1;6;8";
        lines[8] = "Totalt samtliga verksamheter;3;9;14";
        var findings = Check(lines);
        Assert.Equal([
            "Total ÄO | Kvinnor | 2 | 3", "Total ÄO | Totalt | 6 | 5",
            "Totalt IFO | Totalt | 8 | 7", "Totalt IFO | Totalt | 8 | 7",
            "Totalt samtliga verksamheter | Kvinnor | 3 | 4", "Totalt samtliga verksamheter | Totalt | 14 | 13", "Totalt samtliga verksamheter | Totalt | 14 | 12",
        ], Summary(findings));
        Assert.Equal([null, null, null, null, "Total ÄO", "Totalt IFO", "Total ÄO, Totalt IFO"], findings.Select(f => f.RootCause));
        Assert.Equal("Totalt samtliga verksamheter (rad 9), Kvinnor: angivet 3, beräknat 4 som summan av alla detaljrader. Totalen stämmer med delsummorna, så felet kommer från Total ÄO.",
            findings[4].Message);
        Assert.Equal("Totalt samtliga verksamheter (rad 9): 3 + 9 = 12, men Totalt anger 14. Felet kommer från Total ÄO, Totalt IFO.", findings[6].Message);
    }

    [Fact]
    public void A_row_sum_whose_corrected_parts_still_disagree_names_no_root_cause()
    {
        // Bostad, IFO typed 1 + 1 = 3 and Total ÄO Kvinnor 2: corrected, the grand total's row is 4 + 9 = 13 against 14.
        var lines = With(5, "Bostad, IFO;1;1;3");
        lines[4] = "Total ÄO;2;3;6";
        lines[8] = "Totalt samtliga verksamheter;3;9;13";
        var findings = Check(lines);
        var grand = findings.Where(f => f.Row == "Totalt samtliga verksamheter").ToList();
        Assert.Equal(["Totalt samtliga verksamheter | Kvinnor | 3 | 4", "Totalt samtliga verksamheter | Totalt | 13 | 14", "Totalt samtliga verksamheter | Totalt | 13 | 12"], Summary(grand));
        Assert.Equal(["Total ÄO", "Bostad, IFO", null], grand.Select(f => f.RootCause));
        Assert.Equal("Totalt samtliga verksamheter (rad 9): 3 + 9 = 12, men Totalt anger 13.", grand[2].Message);
    }

    [Fact]
    public void A_row_sum_is_given_a_root_cause_only_when_every_wrong_column_of_its_row_has_one()
    {
        // Kvinnor follows from Total ÄO; Män and Totalt match neither the detail rows nor the subtotals.
        var lines = With(4, "Total ÄO;2;3;6");
        lines[8] = "Totalt samtliga verksamheter;3;10;14";
        var grand = Check(lines).Where(f => f.Row == "Totalt samtliga verksamheter").ToList();
        Assert.Equal(["Totalt samtliga verksamheter | Kvinnor | 3 | 4", "Totalt samtliga verksamheter | Män | 10 | 9", "Totalt samtliga verksamheter | Totalt | 14 | 13",
            "Totalt samtliga verksamheter | Totalt | 14 | 13"], Summary(grand));
        Assert.Equal(["Total ÄO", null, null, null], grand.Select(f => f.RootCause));
        Assert.Equal("Totalt samtliga verksamheter (rad 9), Män: angivet 10, beräknat 9 som summan av alla detaljrader (delsummorna ger 9).", grand[1].Message);
    }

    [Fact]
    public void Detail_rows_after_the_last_subtotal_count_in_the_grand_total_and_in_its_parts()
    {
        // C stands after the last subtotal; the grand total is Totalt grupp 1 (wrong) + Totalt grupp 2 + C.
        var findings = TableChecker.Check(Table("t.csv", "Insats;K;M;Summa", "A;1;1;2", "Totalt grupp 1;2;1;3", "B;2;0;2", "Totalt grupp 2;2;0;2",
            "C;1;3;4", "Summa total;5;4;9"));
        Assert.Equal(["Totalt grupp 1 | K | 2 | 1", "Totalt grupp 1 | Summa | 3 | 2", "Summa total | K | 5 | 4", "Summa total | Summa | 9 | 8"], Summary(findings));
        Assert.Equal([null, null, "Totalt grupp 1", "Totalt grupp 1"], findings.Select(f => f.RootCause));
    }

    [Fact]
    public void A_grand_total_beside_an_unreadable_subtotal_is_checked_against_the_detail_rows_only()
    {
        var t = Table("t.csv", "Insats;K;M;Summa", "A;1;1;2", "Totalt A;ca 1;1;2", "B;2;0;2", "Totalt B;2;0;2", "Summa total;4;1;4");
        var f = TableChecker.Check(t)[0];
        Assert.Equal("Summa total (rad 6), K: angivet 4, beräknat 3 som summan av alla detaljrader.", f.Message);
    }

    [Fact]
    public void A_detail_row_with_an_unreadable_cell_is_never_named_as_a_culprit()
    {
        var findings = TableChecker.Check(Table("t.csv", "Insats;K;M;Summa", "A;ca 2;0;2", "B;1;3;4", "Summa total;3;4;6"));
        Assert.Equal(["Summa total | M | 4 | 3", "Summa total | Summa | 6 | 7"], Summary(findings));
        Assert.All(findings, f => Assert.Null(f.RootCause));
        Assert.Equal("Summa total (rad 4), M: angivet 4, beräknat 3 som summan av raderna sedan föregående summarad.", findings[0].Message);
    }

    [Fact]
    public void A_reason_breakdown_finding_names_the_insats_its_line_and_both_counts()
    {
        var f = Assert.Single(TableChecker.Check(new Breakdown("orsaker.csv", [
            new("Särskilt boende, ÄO", "Totalt", 48, 2), new("Särskilt boende, ÄO", "verkställda", 10, 3), new("Särskilt boende, ÄO", "ej verkställda", 37, 4)])));
        Assert.Equal(("orsaker.csv", "Särskilt boende, ÄO", "Antal", 48L, 47L, 2), (f.Table, f.Row, f.Column, f.Printed, f.Computed, f.Line));
        Assert.Equal("Särskilt boende, ÄO (rad 2): statusraderna summerar till 47, men insatsens antal är 48.", f.Message);
    }

    [Fact]
    public void A_generated_breakdown_finding_has_no_line_and_a_breakdown_with_an_unknown_count_is_not_summed()
    {
        var findings = TableChecker.Check(new Breakdown("Orsaker SoL", [
            new("Bostad, IFO", "Totalt", 3), new("Bostad, IFO", "verkställda", 1),
            new("Kontaktperson, IFO", "Totalt", 5), new("Kontaktperson, IFO", "verkställda", 2), new("Kontaktperson, IFO", "ej verkställda", null)]));
        var f = Assert.Single(findings);
        Assert.Equal("Bostad, IFO: statusraderna summerar till 1, men insatsens antal är 3.", f.Message);
    }

    [Fact]
    public void A_grand_total_carried_from_two_wrong_subtotals_in_one_column_names_both()
    {
        // Män: Total ÄO 4 (3 by its rows) and Totalt IFO 7 (6); the grand total 11 is their sum, against 9 by the detail rows.
        var lines = With(4, "Total ÄO;3;4;7");
        lines[7] = "Totalt IFO;1;7;8";
        lines[8] = "Totalt samtliga verksamheter;4;11;15";
        var grand = Check(lines).Where(f => f.Row == "Totalt samtliga verksamheter").ToList();
        Assert.Equal(["Totalt samtliga verksamheter | Män | 11 | 9", "Totalt samtliga verksamheter | Totalt | 15 | 13"], Summary(grand));
        Assert.Equal("Totalt samtliga verksamheter (rad 9), Män: angivet 11, beräknat 9 som summan av alla detaljrader. Totalen stämmer med delsummorna, "
            + "så felet kommer från Total ÄO, Totalt IFO.", grand[0].Message);
        Assert.Equal(["Total ÄO, Totalt IFO", "Total ÄO, Totalt IFO"], grand.Select(f => f.RootCause));
    }
}
