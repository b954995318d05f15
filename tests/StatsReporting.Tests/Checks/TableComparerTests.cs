using StatsReporting.Checks;
using static StatsReporting.Tests.Checks.Tables;

namespace StatsReporting.Tests.Checks;

public class TableComparerTests
{
    private static readonly string[] Main =
    [
        "Verksamhet;Kvinnor;Män;Summa total",
        "Dagverksamhet/ sysselsättning, ÄO;1;5;6",
        "Kontaktperson, ÄO;7;1;8",
        "Total ÄO;8;6;14",
        "Bostad IFO;3;9;12",
        "Öppen vården, IFO;1;0;1",
        "Total IFO;4;9;13",
        "Totalt samtliga verksamheter;12;15;27",
    ];

    private static string[] Other(string oppenvard = "1", string fyren = "1") =>
    [
        ";2025-03-31;2025-06-30",
        "Dagverksamhet/sysselsättning ÄO;3;6",
        "Kontaktperson ÄO;10;8",
        "Totalt ÄO;13;14",
        "Bostad IFO /Fyren;3;" + fyren,
        "Bostad IFO/Krongyllen;3;2",
        "Bostad IFO/ Övergångslägenhet;5;9",
        "Öppenvården;0;" + oppenvard,
        "Total IFO;11;" + (12 + int.Parse(oppenvard) + int.Parse(fyren) - 1),
        "Total samtliga verksamheter;24;" + (26 + int.Parse(oppenvard) + int.Parse(fyren) - 1),
    ];

    private static IReadOnlyList<Finding> Compare(string[] main, string[] other) => TableComparer.Compare(Table("a.csv", main), Table("b.csv", other));

    [Fact]
    public void Labels_match_across_Total_and_Totalt_commas_slashes_spaces_and_varden() =>
        Assert.Empty(Compare(Main, Other()));

    [Fact]
    public void A_difference_in_a_row_named_differently_is_found_and_explains_its_totals()
    {
        var findings = Compare(Main, Other(oppenvard: "2"));
        Assert.Equal([
            "Öppen vården, IFO | Summa total / 2025-06-30 | 1 | 2", "Total IFO | Summa total / 2025-06-30 | 13 | 14",
            "Totalt samtliga verksamheter | Summa total / 2025-06-30 | 27 | 28",
        ], Summary(findings));
        Assert.Equal([null, "Öppen vården, IFO", "Öppen vården, IFO"], findings.Select(f => f.RootCause));
    }

    [Fact]
    public void A_row_split_by_enhet_in_the_other_table_is_compared_with_the_sum_of_its_parts()
    {
        var f = Compare(Main, Other(fyren: "2"))[0];
        Assert.Equal("Bostad IFO | Summa total / 2025-06-30 | 12 | 13", Summary([f])[0]);
        Assert.Contains("Bostad IFO /Fyren + Bostad IFO/Krongyllen + Bostad IFO/ Övergångslägenhet", f.Message);
    }

    [Fact]
    public void A_row_only_one_table_has_is_not_itself_a_finding()
    {
        var other = Other().ToList();
        other.Insert(3, "Hemtjänst ÄO;0;0");
        Assert.Empty(Compare(Main, [.. other]));
    }

    [Fact]
    public void LSS_rows_match_by_their_point_of_9_paragraph_despite_spelling()
    {
        string[] main = ["Insats;Män;Kvinnor;Summa total", "9 § 6 Korttidsvistelse utanför det egna hemmet;1;1;2", "Summa total;1;1;2"];
        string[] other = ["Insats;2025-06-30", "9.6 Kortidsvistelse utanför det egna hemmet;3", "Summa total;3"];
        Assert.Equal(["9 § 6 Korttidsvistelse utanför det egna hemmet | Summa total / 2025-06-30 | 2 | 3", "Summa total | Summa total / 2025-06-30 | 2 | 3"],
            Summary(Compare(main, other)));
    }

    [Fact]
    public void A_reason_breakdown_is_compared_with_the_count_of_its_insats()
    {
        var breakdown = Csv("orsaker.csv", "Insats;Status;Antal", "Kontaktperson, ÄO;verkställda;5", "Kontaktperson, ÄO;ej verkställda p.g.a. saknar resurs;4");
        var f = Assert.Single(Checker.Compare(Csv("a.csv", Main), breakdown));
        Assert.Equal("Kontaktperson, ÄO | Summa total / Antal | 8 | 9", Summary([f])[0]);
    }

    [Fact]
    public void A_table_with_neither_a_Summa_nor_a_date_column_cannot_be_compared() =>
        Assert.Throws<TableReadException>(() => Compare(Main, ["Insats;A;B", "X;1;2"]));
}
