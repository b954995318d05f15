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
}
