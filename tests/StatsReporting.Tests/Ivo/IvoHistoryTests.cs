using StatsReporting.Decisions;
using StatsReporting.Ivo;
using StatsReporting.Tests.Support;

namespace StatsReporting.Tests.Ivo;

/// Four quarters of IvoHistory, imported and exported quarter by quarter as the rapportör would; every figure is
/// read back from the written files.
public class IvoHistoryTests : IClassFixture<IvoHistoryTests.Written>
{
    public sealed class Written : IDisposable
    {
        public TestEnv Env { get; } = new();
        public List<IvoExportResult> Results { get; } = [];
        public List<List<string[]>> Csv { get; } = [];
        public List<List<string[]>> Xlsx { get; } = [];
        public List<Dictionary<string, List<string[]>>> Workbooks { get; } = [];

        public Written()
        {
            for (var n = 1; n <= 4; n++)
            {
                IvoHistory.Import(Env, n);
                var result = IvoHistory.Export(Env).Write(IvoHistory.Quarters[n - 1], Env.PathOf("ivo"));
                Results.Add(result);
                Csv.Add(IvoHistory.ReadCsv(result.Files.Single(f => f.Path.EndsWith(".csv")).Path));
                var wb = Support.Xlsx.Read(result.Files.Single(f => Path.GetFileName(f.Path).StartsWith("ivo-individrapport-") && f.Path.EndsWith(".xlsx")).Path);
                Workbooks.Add(wb);
                Xlsx.Add(wb["Individrapport"].Skip(1).ToList());
            }
        }

        public void Dispose() => Env.Dispose();
    }

    private readonly Written _w;
    public IvoHistoryTests(Written w) => _w = w;

    private static readonly int Typ = IvoHistory.Col("Rapporttyp"), Id = IvoHistory.Col("Beslut-id (internt)"),
        Code = IvoHistory.Col("Personkod"), KonCol = IvoHistory.Col("Kön");

    private string[] Row(int quarter, string beslutId) => _w.Csv[quarter - 1].Single(r => r[Id] == beslutId);

    [Theory]
    [InlineData(1, 2, 0, 0)]
    [InlineData(2, 3, 2, 0)]
    [InlineData(3, 1, 3, 1)]
    [InlineData(4, 1, 1, 3)]
    public void Counts_per_rapporttyp_read_back_from_csv_and_xlsx(int quarter, int ny, int kvarstar, int avslutande)
    {
        foreach (var rows in new[] { _w.Csv[quarter - 1], _w.Xlsx[quarter - 1] })
        {
            Assert.Equal(ny, rows.Count(r => r[Typ] == "ny"));
            Assert.Equal(kvarstar, rows.Count(r => r[Typ] == "kvarstår"));
            Assert.Equal(avslutande, rows.Count(r => r[Typ] == "avslutande"));
            Assert.Equal(ny + kvarstar + avslutande, rows.Count);
        }
    }

    [Theory]
    [InlineData("H-1", "ny", "kvarstår", "avslutande", "")]
    [InlineData("H-2", "", "ny", "kvarstår", "avslutande")]
    [InlineData("H-3", "ny", "kvarstår", "kvarstår", "avslutande")]
    [InlineData("H-4", "", "ny", "kvarstår", "avslutande")]
    [InlineData("H-5", "", "", "ny", "kvarstår")]
    [InlineData("H-6", "", "ny", "", "")]
    [InlineData("H-7", "", "", "", "")]
    [InlineData("H-8", "", "", "", "ny")]
    public void Each_case_moves_through_the_quarters(string beslutId, string q1, string q2, string q3, string q4)
    {
        var seen = _w.Csv.Select(rows => rows.SingleOrDefault(r => r[Id] == beslutId)?[Typ] ?? "").ToArray();
        Assert.Equal([q1, q2, q3, q4], seen);
    }

    [Fact]
    public void The_csv_and_the_xlsx_hold_the_same_rows_and_the_xlsx_the_same_header()
    {
        for (var q = 0; q < 4; q++) Assert.Equal(_w.Csv[q], _w.Xlsx[q]);
        // The xlsx header may break "Rapporterings-period" at a soft hyphen (U+00AD, invisible); the words are IVO's.
        Assert.Equal(IvoFiles.Columns.Select(IvoFiles.Hyphenated), _w.Workbooks[0]["Individrapport"][0]);
        Assert.Equal(["Rapporterings-\nperiod", "Besluts-\ndatum", "Avbrotts-\ndatum"], IvoFiles.Columns.Select(IvoFiles.Hyphenated).Where(h => h.Contains('\n')));
    }

    [Fact]
    public void The_avbrott_case_carries_its_avbrottsdatum_and_closes_with_the_day_it_resumed()
    {
        var row = Row(4, "H-2");
        Assert.Equal(("2025-01-15", "2025-11-03", ""),
            (row[IvoHistory.Col("Avbrottsdatum")], row[IvoHistory.Col("Verkställt datum")], row[IvoHistory.Col("Avslutat datum")]));
        Assert.Equal("9 § 4 Biträde av kontaktperson", row[IvoHistory.Col("Insats")]);
        // While still open, the row has no closing date even though the records would later get one.
        Assert.Equal("", Row(3, "H-2")[IvoHistory.Col("Verkställt datum")]);
    }

    [Fact]
    public void The_case_closed_as_avliden_carries_its_avslutat_datum_and_the_reason_in_the_free_text()
    {
        var row = Row(4, "H-3");
        Assert.Equal("avslutande", row[Typ]);
        Assert.Equal(("", "2025-10-10"), (row[IvoHistory.Col("Verkställt datum")], row[IvoHistory.Col("Avslutat datum")]));
        Assert.Equal("Den enskilde har avlidit", row[IvoHistory.Col("Orsak")]);
        Assert.Equal("Avslutsorsak: den enskilde har avlidit.", row[IvoHistory.Col("Fritext till IVO")]);
        Assert.Equal("Äldreomsorg: Hemtjänst", row[IvoHistory.Col("Insats")]);
        Assert.Equal("Orsak till dröjsmålet: arbetsrelaterade omständigheter har gjort det svårt att hitta rätt matchning.", Row(3, "H-3")[IvoHistory.Col("Fritext till IVO")]);
    }

    [Fact]
    public void A_case_late_and_done_within_one_quarter_is_a_new_report_that_carries_its_date()
    {
        var row = Row(2, "H-6");
        Assert.Equal(("ny", "2025-05-20"), (row[Typ], row[IvoHistory.Col("Verkställt datum")]));
    }

    [Fact]
    public void Free_text_joins_the_orsak_label_and_the_kommentar()
    {
        var row = Row(2, "H-4");
        Assert.Equal("Erbjuden plats i mars", row[IvoHistory.Col("Kommentar")]);
        Assert.Equal("Orsak till dröjsmålet: det saknas resurser. Erbjuden plats i mars", row[IvoHistory.Col("Fritext till IVO")]);
    }

    [Fact]
    public void Pseudonym_codes_are_made_once_from_the_birth_date_or_the_placeholder_and_kept_every_later_quarter()
    {
        // anna-77 (kvinna, born 1950-03-04): first reported in Q2; the middle digit of T000 is even.
        Assert.All(new[] { 2, 3, 4 }, q => Assert.Equal(("19500304-T000", "Kvinna"), (Row(q, "H-4")[Code], Row(q, "H-4")[KonCol])));
        // bertil-12 (man, no birth date when first reported in Q3): placeholder year 1900, odd middle digit; Q4's
        // snapshot brings a birth date, and the code stays what IVO already knows.
        Assert.All(new[] { 3, 4 }, q => Assert.Equal(("19000101-T010", "Man"), (Row(q, "H-5")[Code], Row(q, "H-5")[KonCol])));
    }

    [Fact]
    public void Every_person_code_is_a_valid_ivo_code_whose_kon_digit_agrees_and_no_two_persons_share_one()
    {
        foreach (var rows in _w.Csv)
        {
            Assert.All(rows, r => Assert.Equal(PersonCode.Kind.IvoCode, PersonCode.Classify(r[Code])));
            Assert.All(rows, r => Assert.Equal(r[KonCol] == "Kvinna" ? Kon.K : Kon.M, PersonCode.KonOf(r[Code])));
            Assert.Equal(rows.Count, rows.Select(r => r[Code]).Distinct().Count()); // one decision per person here
        }
    }

    [Fact]
    public void Nothing_vanished_and_the_findings_note_only_the_placeholder_birth_date()
    {
        Assert.All(_w.Results, r => Assert.Empty(r.Forsvunna));
        Assert.Equal(["Inga försvunna ärenden"], _w.Workbooks[3]["Försvunna ärenden"][1].Where(c => c != ""));
        Assert.Equal(["Inga avvikelser"], _w.Workbooks[1]["Kontroller"].Skip(1).Select(r => r[0]));
        Assert.StartsWith("Obs: beslut H-5: personkoden bygger på ersättningsdatum", Assert.Single(_w.Results[2].Findings));
    }
}
