using StatsReporting.Decisions;
using StatsReporting.Tests.Support;

namespace StatsReporting.Tests.Reports;

/// The sample records give the seed protocol's Q2 2025 tables with its totals corrected (spec §8), read back
/// from the written workbooks.
public class SeedProtocolTests : IClassFixture<SeedProtocolTests.Written>, IDisposable
{
    public sealed class Written : IDisposable
    {
        public TestEnv Env { get; } = new();
        public Dictionary<string, List<string[]>> Sol { get; }
        public Dictionary<string, List<string[]>> Lss { get; }

        public Written()
        {
            Env.Importer().Import(TestEnv.SampleCsv);
            var files = Env.Reports().Write(Period.Parse("2025Q2"), new DateOnly(2025, 6, 30), Env.PathOf("reports"));
            Sol = Xlsx.Read(files.Single(f => f.Path.EndsWith("evb-sol-2025Q2.xlsx")).Path);
            Lss = Xlsx.Read(files.Single(f => f.Path.EndsWith("evb-lss-2025Q2.xlsx")).Path);
        }

        public void Dispose() => Env.Dispose();
    }

    private readonly Written _w;
    public SeedProtocolTests(Written w) => _w = w;
    public void Dispose() { }

    [Theory]
    [InlineData("Särskilt boende, ÄO", 31, 17, 48)]
    [InlineData("Korttidsboende, ÄO", 0, 0, 0)]
    [InlineData("Dagverksamhet/sysselsättning, ÄO", 1, 5, 6)]
    [InlineData("Kontaktperson, ÄO", 7, 1, 8)]
    [InlineData("Totalt ÄO", 39, 23, 62)]
    [InlineData("Särskilt boende, OF", 0, 1, 1)]
    [InlineData("Kontaktperson, OF", 0, 2, 2)]
    [InlineData("Boendestöd, OF", 0, 0, 0)]
    [InlineData("Totalt OF", 0, 3, 3)]
    [InlineData("Bostad, IFO", 3, 9, 12)]
    [InlineData("Kontaktperson, IFO", 1, 2, 3)]
    [InlineData("Kontaktfamilj, IFO", 1, 1, 2)]
    [InlineData("Öppenvård, IFO", 0, 0, 0)]
    [InlineData("Totalt IFO", 5, 12, 17)]
    [InlineData("Totalt samtliga verksamheter", 44, 38, 82)]
    public void SoL_sammanstallning_row(string label, int kvinnor, int man, int summa) =>
        Assert.Equal([kvinnor, man, summa], Xlsx.Numbers(_w.Sol["Sammanställning"], label));

    [Fact]
    public void SoL_zero_rows_print_a_dash_and_the_header_is_Swedish()
    {
        var sheet = _w.Sol["Sammanställning"];
        Assert.Equal(["Verksamhet och insats (SoL)", "Kvinnor", "Män", "Summa total"], sheet[0]);
        Assert.Equal(["Korttidsboende, ÄO", "-", "-", "-"], sheet.Single(r => r[0] == "Korttidsboende, ÄO"));
    }

    [Theory]
    [InlineData("9 § 1 Rådgivning och annat personligt stöd", 0, 0, 0)]
    [InlineData("9 § 2 Biträde av personlig assistans", 0, 1, 1)]
    [InlineData("9 § 4 Biträde av kontaktperson", 13, 5, 18)]
    [InlineData("9 § 9 Bostad med särskild service för vuxna eller annan särskilt anpassad bostad för vuxna", 18, 9, 27)]
    [InlineData("9 § 10 Daglig verksamhet", 4, 1, 5)]
    [InlineData("Summa total", 35, 16, 51)]
    public void LSS_sammanstallning_row_with_man_before_kvinnor(string label, int man, int kvinnor, int summa)
    {
        Assert.Equal(["Typ av insats enligt 9 § p. 1–10 LSS", "Män", "Kvinnor", "Summa total"], _w.Lss["Sammanställning"][0]);
        Assert.Equal([man, kvinnor, summa], Xlsx.Numbers(_w.Lss["Sammanställning"], label));
    }

    [Fact]
    public void Reason_breakdown_of_sarskilt_boende_AO_is_the_protocols()
    {
        var lines = Block(_w.Sol, "Särskilt boende, ÄO");
        Assert.Equal(48, lines["Totalt"]);
        Assert.Equal(10, lines["verkställda"]);
        Assert.Equal(20, lines["ej verkställda då den enskilde har tackat nej till erbjudande"]);
        Assert.Equal(1, lines["avslutade då den enskilde har avlidit"]);
        Assert.Equal(17, lines["ej verkställda då det saknas plats (kö, sanering/renovering/ombyggnation)"]);
        Assert.Equal(5, lines.Count);
    }

    [Fact]
    public void Every_reason_block_sums_to_its_row_in_the_sammanstallning()
    {
        foreach (var book in new[] { _w.Sol, _w.Lss })
        {
            var blocks = book["Orsaker"].Skip(1).GroupBy(r => r[0]).ToList();
            Assert.NotEmpty(blocks);
            foreach (var block in blocks)
            {
                var total = int.Parse(block.Single(r => r[1] == "Totalt")[2]);
                Assert.Equal(total, block.Where(r => r[1] != "Totalt").Sum(r => int.Parse(r[2])));
                Assert.Equal(total, Xlsx.Numbers(book["Sammanställning"], block.Key)[^1]);
            }
        }
    }

    [Theory]
    [InlineData("Bostad, IFO", "verkställda", 4)]
    [InlineData("Bostad, IFO", "ej verkställda då det saknas plats (kö, sanering/renovering/ombyggnation)", 5)]
    [InlineData("Kontaktperson, IFO", "ej verkställda då det saknas resurser", 2)]
    [InlineData("Kontaktfamilj, IFO", "ej verkställda då det saknas plats (kö, sanering/renovering/ombyggnation)", 2)]
    [InlineData("Kontaktperson, ÄO", "ej verkställda då arbetsrelaterade omständigheter har gjort det svårt att hitta rätt matchning", 5)]
    [InlineData("Dagverksamhet/sysselsättning, ÄO", "ej verkställda då hälsotillståndet har varit ett hinder", 2)]
    public void SoL_reason_lines(string row, string status, int count) => Assert.Equal(count, Block(_w.Sol, row)[status]);

    [Theory]
    [InlineData("9 § 4 Biträde av kontaktperson", "ej verkställda då arbetsrelaterade omständigheter har gjort det svårt att hitta rätt matchning", 14)]
    [InlineData("9 § 9 Bostad med särskild service för vuxna eller annan särskilt anpassad bostad för vuxna", "ej verkställda då det saknas plats (kö, sanering/renovering/ombyggnation)", 22)]
    [InlineData("9 § 9 Bostad med särskild service för vuxna eller annan särskilt anpassad bostad för vuxna", "verkställda", 2)]
    public void LSS_reason_lines(string row, string status, int count) => Assert.Equal(count, Block(_w.Lss, row)[status]);

    [Theory]
    [InlineData("Särskilt boende, ÄO", 35, 41, 48)]
    [InlineData("Dagverksamhet/sysselsättning, ÄO", 3, 8, 6)]
    [InlineData("Kontaktperson, ÄO", 13, 10, 8)]
    [InlineData("Totalt ÄO", 51, 59, 62)]
    [InlineData("Kontaktperson, OF", 9, 6, 2)]
    [InlineData("Totalt OF", 10, 8, 3)]
    [InlineData("Bostad, IFO / Fyren", 4, 3, 1)]
    [InlineData("Bostad, IFO / Krongyllen", 3, 3, 2)]
    [InlineData("Bostad, IFO / Övergångslägenhet", 14, 5, 9)]
    [InlineData("Kontaktfamilj, IFO", 8, 3, 2)]
    [InlineData("Totalt IFO", 34, 19, 17)]
    [InlineData("Totalt samtliga verksamheter", 95, 86, 82)]
    public void SoL_jamforelse_2024Q4_2025Q1_2025Q2(string label, int q4, int q1, int q2)
    {
        Assert.Equal(["Verksamhet och insats (SoL)", "2024-12-31", "2025-03-31", "2025-06-30"], _w.Sol["Jämförelse"][0]);
        Assert.Equal([q4, q1, q2], Xlsx.Numbers(_w.Sol["Jämförelse"], label));
    }

    [Theory]
    [InlineData("9 § 2 Biträde av personlig assistans", 1, 1, 1)]
    [InlineData("9 § 4 Biträde av kontaktperson", 26, 18, 18)]
    [InlineData("9 § 9 Bostad med särskild service för vuxna eller annan särskilt anpassad bostad för vuxna", 37, 31, 27)]
    [InlineData("9 § 10 Daglig verksamhet", 7, 5, 5)]
    [InlineData("Summa total", 71, 55, 51)]
    public void LSS_jamforelse_2024Q4_2025Q1_2025Q2(string label, int q4, int q1, int q2) =>
        Assert.Equal([q4, q1, q2], Xlsx.Numbers(_w.Lss["Jämförelse"], label));

    [Fact]
    public void Vantetid_and_avbrott_rows_add_up_to_the_sammanstallning()
    {
        foreach (var book in new[] { _w.Sol, _w.Lss })
            foreach (var row in book["Sammanställning"].Skip(1))
            {
                Assert.Equal(Xlsx.Numbers(book["Sammanställning"], row[0])[^1], Xlsx.Numbers(book["Väntetid"], row[0])[^1]);
                Assert.Equal(Xlsx.Numbers(book["Sammanställning"], row[0])[^1], Xlsx.Numbers(book["Avbrott"], row[0])[^1]);
            }
        Assert.Equal([16, 2, 18], Xlsx.Numbers(_w.Lss["Avbrott"], "9 § 4 Biträde av kontaktperson"));
    }

    [Fact]
    public void Text_sheet_drafts_the_arende_citing_the_law_for_the_decision_dates()
    {
        var text = string.Join("\n", _w.Sol["Text"].Select(r => r[0]));
        Assert.Contains("Enligt 16 kap. 6 h § socialtjänstlagen (2001:453), SoL, ska nämnden", text);
        Assert.Contains("Socialnämnden rapporterar 82 gynnande beslut om bistånd enligt 4 kap. 1 § SoL", text);
        Assert.Contains("Av besluten avser 44 kvinnor och 38 män.", text);
        Assert.Contains("Särskilt boende (ÄO), 48 beslut:\n– 10 beslut verkställda\n"
            + "– 1 beslut avslutat, då den enskilde har avlidit\n– 20 beslut ej verkställda, då den enskilde har tackat nej till erbjudande\n"
            + "– 17 beslut ej verkställda, då det saknas plats (kö, sanering/renovering/ombyggnation)\n", text);
        Assert.Contains("rapporterar 51 gynnande beslut om insatser enligt 9 § LSS", string.Join("\n", _w.Lss["Text"].Select(r => r[0])));
    }

    [Fact]
    public void Workbooks_have_the_sheets_of_the_spec_and_no_personal_data()
    {
        Assert.Equal(["Sammanställning", "Orsaker", "Väntetid", "Avbrott", "Jämförelse", "Diagram", "Kontroller", "Text"], _w.Sol.Keys);
        var all = string.Join("|", _w.Sol.Values.Concat(_w.Lss.Values).SelectMany(s => s).SelectMany(r => r));
        Assert.DoesNotMatch(@"\d{8}-T", all);
        Assert.DoesNotContain("löper ut", all);
        Assert.DoesNotContain("ej passerade", all);
        Assert.DoesNotContain("A-0", all);
    }

    private static Dictionary<string, int> Block(Dictionary<string, List<string[]>> book, string row) =>
        book["Orsaker"].Where(r => r[0] == row).ToDictionary(r => r[1], r => int.Parse(r[2]));
}
