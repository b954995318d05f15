using ClosedXML.Excel;
using StatsReporting.Import;
using StatsReporting.Tests.Support;

namespace StatsReporting.Tests.Import;

public class XlsxInputTests : IDisposable
{
    private readonly TestEnv _env = new();
    public void Dispose() => _env.Dispose();

    [Fact]
    public void Dates_as_dates_with_a_time_as_text_and_as_yyyymmdd_numbers_import_and_empty_rows_are_skipped()
    {
        var path = _env.PathOf("beslut.xlsx");
        using (var wb = new XLWorkbook())
        {
            var ws = wb.AddWorksheet("Beslut");
            var header = TestEnv.RecordHeader.Split(';');
            for (var c = 0; c < header.Length; c++) ws.Cell(1, c + 1).SetValue(header[c]);
            object[][] rows =
            [
                ["A-1", "19390601-T490", "M", "SoL", "ÄO", "Särskilt boende", "", new DateTime(2024, 7, 27, 13, 45, 0), "", "", "", "TACKAT_NEJ", ""],
                [],
                ["A-2", "19420302-T482", "K", "LSS", "", "9 § 4", "", " 2024-08-10 ", "", "", "", "MATCHNING", ""],
                ["A-3", "anna-77", "K", "SoL", "IFO", "Bostad", " Fyren ", 20240901d, "", 20241215d, "", "", ""],
            ];
            for (var r = 0; r < rows.Length; r++)
                for (var c = 0; c < rows[r].Length; c++)
                {
                    if (rows[r][c] is string s) ws.Cell(r + 2, c + 1).SetValue(s);
                    else ws.Cell(r + 2, c + 1).Value = rows[r][c];
                }
            wb.SaveAs(path);
        }

        var outcome = _env.Importer().Import(path);

        Assert.Equal(3, outcome.Rows);
        var d = _env.Current().ToDictionary(x => x.BeslutId);
        Assert.Equal(new DateOnly(2024, 7, 27), d["A-1"].Beslutsdatum);
        Assert.Equal(new DateOnly(2024, 8, 10), d["A-2"].Beslutsdatum);
        Assert.Equal((new DateOnly(2024, 9, 1), new DateOnly(2024, 12, 15), "Fyren"), (d["A-3"].Beslutsdatum, d["A-3"].VerkstalltDatum!.Value, d["A-3"].Enhet));
    }

    [Fact]
    public void A_workbook_with_pictures_on_a_machine_without_libgdiplus_gets_a_Swedish_reason()
    {
        // What ClosedXML 0.95.4 throws when it opens a workbook with pictures and libgdiplus is missing (seen on Debian 12).
        var missing = new TypeInitializationException("Gdip",
            new DllNotFoundException("Unable to load shared library 'libgdiplus' or one of its dependencies."));

        var reason = RawTableReader.WhyUnreadable(missing);

        Assert.Equal("arbetsboken innehåller bilder eller diagram, och de kan inte öppnas på den här datorn (systempaketet libgdiplus "
            + "saknas): ta bort bilderna eller spara det första bladet som CSV och använd den filen.", reason);
        Assert.Null(RawTableReader.WhyUnreadable(new InvalidDataException("Central Directory corrupt.")));
    }
}
