using StatsReporting.Decisions;
using StatsReporting.Ivo;
using StatsReporting.Tests.Ivo;
using StatsReporting.Tests.Support;
using static StatsReporting.Tests.BadInput.Refusal;

namespace StatsReporting.Tests.BadInput;

/// Issue 10, formulas: no text from an input becomes a formula in a file we write, and no output step fails on
/// a text the import accepted. The written files are opened and read back.
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class FormulaInjectionTests : IDisposable
{
    private readonly TestEnv _env = new();
    public void Dispose() => _env.Dispose();

    private static readonly string[] Payloads =
    [
        "=HYPERLINK(\"http://x\",\"klick\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)", "\t=1+1", "=DDE(\"cmd\",\"/C calc\",\"x\")",
    ];

    private IvoExportResult ExportWith(params string[] rows)
    {
        _env.Importer().Import(Csv(_env, "formler.csv", rows));
        return IvoHistory.Export(_env).Write(Period.Parse("2025Q2"), _env.PathOf("ivo"));
    }

    [Fact]
    public void The_IVO_CSV_neutralises_every_cell_that_a_spreadsheet_would_run_as_a_formula()
    {
        var rows = Payloads.Select((p, i) => $"=B{i};19390601-T490;M;SoL;ÄO;Särskilt boende;;2024-07-27;;;;{p.Replace(";", ",")};{p}").ToArray();
        var result = ExportWith(rows);

        var csv = IvoHistory.ReadCsv(result.Files.Single(f => f.Path.EndsWith(".csv")).Path);
        Assert.Equal(Payloads.Length, csv.Count);
        var cells = csv.SelectMany(r => r).ToList();
        Assert.DoesNotContain(cells, c => c.Length > 0 && c[0] is '=' or '+' or '-' or '@' or '\t' or '\r');
        var kommentar = csv.Select(r => r[IvoHistory.Col("Kommentar")]).Order(StringComparer.Ordinal).ToArray();
        // The payload stays readable after the apostrophe; "\t=1+1" lost its tab to the import's trim, then got one.
        Assert.Equal(Payloads.Select(p => "'" + p.Trim()).Order(StringComparer.Ordinal).ToArray(), kommentar);
        Assert.All(csv, r => Assert.StartsWith("'=B", r[IvoHistory.Col("Beslut-id (internt)")]));
    }

    [Fact]
    public void The_IVO_workbook_holds_the_same_payloads_as_text_cells_without_a_formula()
    {
        var result = ExportWith(Payloads.Select((p, i) => $"F-{i};19390601-T490;M;SoL;ÄO;Särskilt boende;;2024-07-27;;;;;{p}").ToArray());

        using var wb = Xlsx.Open(result.Files.Single(f => Path.GetFileName(f.Path).StartsWith("ivo-individrapport-") && f.Path.EndsWith(".xlsx")).Path);
        var sheet = wb.Worksheet("Individrapport");
        Assert.DoesNotContain(sheet.CellsUsed(), c => c.HasFormula);
        var kommentar = Enumerable.Range(2, Payloads.Length).Select(r => sheet.Cell(r, IvoHistory.Col("Kommentar") + 1).GetString()).Order(StringComparer.Ordinal);
        Assert.Equal(Payloads.Select(p => p.Trim()).Order(StringComparer.Ordinal), kommentar);
    }

    [Fact]
    public void A_kommentar_at_its_import_limit_goes_through_the_IVO_export_and_one_character_more_is_refused_at_import()
    {
        var longest = new string('k', 32_000);
        var result = ExportWith($"L-1;19390601-T490;M;SoL;ÄO;Särskilt boende;;2024-07-27;;;;{new string('o', 500)};{longest}");
        var row = Assert.Single(IvoHistory.ReadCsv(result.Files.Single(f => f.Path.EndsWith(".csv")).Path));
        Assert.Equal(longest, row[IvoHistory.Col("Kommentar")]);

        using var other = new TestEnv();
        var e = Refused(other, () => other.Importer().Import(Csv(other, "lang.csv", Good + new string('k', 32_001))));
        Assert.Equal("lang.csv, rad 2, kolumn kommentar: texten har 32001 tecken, fler än gränsen 32000 för kolumnen (Import:MaxFieldChars).", Single(e));
    }
}
