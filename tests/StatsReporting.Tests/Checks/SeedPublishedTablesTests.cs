using System.Text;
using ClosedXML.Excel;
using StatsReporting.Checks;
using static StatsReporting.Tests.Checks.Tables;

namespace StatsReporting.Tests.Checks;

/// The seed protocol's Q2 2025 tables as printed give exactly the findings of spec §6, no more, no fewer.
public class SeedPublishedTablesTests
{
    private const string K = "Ej verkställda gynnande beslut Kvinnor", M = "Ej verkställda gynnande beslut Män";

    [Fact]
    public void SoL_main_table_has_the_Total_IFO_error_and_the_grand_total_it_was_carried_into()
    {
        var findings = Checker.Check(TableReader.Read(Published("sol-2025Q2-tabell.csv")));
        Assert.Equal([
            $"Total IFO | {K} | 3 | 5", $"Total IFO | {M} | 4 | 12", "Total IFO | Summa total | 17 | 7",
            $"Totalt samtliga verksamheter | {K} | 42 | 44", $"Totalt samtliga verksamheter | {M} | 30 | 38",
            "Totalt samtliga verksamheter | Summa total | 82 | 72",
        ], Summary(findings));
        // Total IFO is itself wrong; the grand total agrees with the printed subtotals, so its root cause is Total IFO.
        Assert.Equal([null, null, null, "Total IFO", "Total IFO", "Total IFO"], findings.Select(f => f.RootCause));
        Assert.All(findings, f => Assert.Equal("sol-2025Q2-tabell.csv", f.Table));
        Assert.Equal([18, 18, 18, 19, 19, 19], findings.Select(f => f.Line));
    }

    [Fact]
    public void SoL_main_against_its_comparison_table_differs_on_Kontaktperson_OF_Totalt_OF_and_the_total()
    {
        var findings = Checker.Compare(TableReader.Read(Published("sol-2025Q2-tabell.csv")), TableReader.Read(Published("sol-2025Q2-jamforelse.csv")));
        var compare = findings.Where(f => f.Kind == FindingKind.Compare).ToList();
        Assert.Equal([
            "Kontaktperson, OF | Summa total / 2025-06-30 | 2 | 3",
            "Total OF | Summa total / 2025-06-30 | 3 | 4",
            "Totalt samtliga verksamheter | Summa total / 2025-06-30 | 82 | 83",
        ], Summary(compare));
        Assert.Equal([null, "Kontaktperson, OF", "Kontaktperson, OF"], compare.Select(f => f.RootCause));
        // The main table's own six findings come first; the comparison table itself adds up.
        Assert.Equal(9, findings.Count);
    }

    [Theory]
    [InlineData("lss-2025Q2-tabell.csv")]
    [InlineData("lss-2025Q2-jamforelse.csv")]
    [InlineData("sol-2025Q2-jamforelse.csv")]
    public void Correct_published_tables_give_no_finding(string file) =>
        Assert.Empty(Checker.Check(TableReader.Read(Published(file))));

    [Fact]
    public void LSS_main_against_its_comparison_table_gives_no_finding() =>
        Assert.Empty(Checker.Compare(TableReader.Read(Published("lss-2025Q2-tabell.csv")), TableReader.Read(Published("lss-2025Q2-jamforelse.csv"))));

    [Fact]
    public void The_same_table_pasted_into_Excel_gives_the_same_findings()
    {
        var dir = Directory.CreateTempSubdirectory("statsreporting-xlsx-").FullName;
        try
        {
            var xlsx = Path.Combine(dir, "sol-2025Q2-tabell.xlsx");
            using (var wb = new XLWorkbook())
            {
                var ws = wb.Worksheets.Add("Blad1");
                var lines = File.ReadAllLines(Published("sol-2025Q2-tabell.csv"));
                for (var r = 0; r < lines.Length; r++)
                {
                    var cells = lines[r].Split(';');
                    for (var c = 0; c < cells.Length; c++)
                    {
                        if (int.TryParse(cells[c], out var n)) ws.Cell(r + 1, c + 1).Value = n;
                        else ws.Cell(r + 1, c + 1).SetValue(cells[c]);
                    }
                }
                wb.SaveAs(xlsx);
            }
            var fromXlsx = Checker.Check(TableReader.Read(xlsx));
            var fromCsv = Checker.Check(TableReader.Read(Published("sol-2025Q2-tabell.csv")));
            Assert.Equal(Summary(fromCsv), Summary(fromXlsx));
            Assert.Equal(fromCsv.Select(f => f.RootCause), fromXlsx.Select(f => f.RootCause));
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public void A_comma_separated_Windows_1252_table_reads_like_the_original()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var text = File.ReadAllText(Published("lss-2025Q2-tabell.csv")).Replace(';', ',');
        var read = TableReader.Parse(global::StatsReporting.Import.RawTableReader.ReadCsv(Encoding.GetEncoding(1252).GetBytes(text), "lss.csv"));
        Assert.Equal("9.1 Rådgivning eller annat personligt stöd", read.Table!.Rows[0].Label);
        Assert.Equal("Typ av insats enligt 9 § p. 1–10 LSS", read.Table.LabelHeader);
        Assert.Empty(Checker.Check(read));
    }
}
