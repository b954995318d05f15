using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using StatsReporting.Access;
using StatsReporting.Web.Tests.Support;

namespace StatsReporting.Web.Tests;

/// Issue 10 through POST /api/imports: the upload reads with the same bounded readers as the CLI.
[Collection("Service")]
public class HostileUploadTests(ServiceHost host)
{
    [Fact]
    public async Task A_UTF16_csv_with_its_byte_order_mark_is_imported_not_refused_as_binary()
    {
        // The sample the service already holds, as UTF-16: a new file of the same decisions, so nothing else changes.
        var text = File.ReadAllText(ServiceData.SampleCsv);
        using var admin = host.As(Role.Admin);
        using var response = await admin.PostAsync("/api/imports", Uploads.Form("utf16.csv", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)]));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var outcome = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((309, 0), (outcome.GetProperty("rows").GetInt32(), outcome.GetProperty("new").GetInt32()));
    }

    [Fact]
    public async Task A_lone_cell_at_XFD1048576_is_a_400_naming_the_limit_and_the_database_is_unchanged()
    {
        var sheet = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
            + "<row r=\"1048576\"><c r=\"XFD1048576\"><v>1</v></c></row></sheetData></worksheet>";
        var path = Path.Combine(Path.GetTempPath(), $"xfd-{Guid.NewGuid():N}.xlsx");
        try
        {
            WriteXlsx(path, sheet);
            var db = Uploads.Sha(host.Data.Db.Path);
            using var admin = host.As(Role.Admin);
            using var response = await admin.PostAsync("/api/imports", Uploads.Form("xfd.xlsx", File.ReadAllBytes(path)));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var error = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray());
            Assert.Equal((1048576, "XFD", "en cell ligger i kolumn XFD, utanför gränsen 200 kolumner (Import:MaxColumns)."),
                (error.GetProperty("row").GetInt32(), error.GetProperty("column").GetString(), error.GetProperty("message").GetString()));
            Assert.Equal(db, Uploads.Sha(host.Data.Db.Path));
        }
        finally { File.Delete(path); }
    }

    private static void WriteXlsx(string path, string sheet)
    {
        using var zip = new System.IO.Compression.ZipArchive(File.Create(path), System.IO.Compression.ZipArchiveMode.Create);
        void Add(string name, string text)
        {
            using var w = new StreamWriter(zip.CreateEntry(name).Open());
            w.Write(text);
        }
        const string rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        Add("_rels/.rels", $"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"r1\" Type=\"{rel}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        Add("xl/workbook.xml", $"<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"{rel}\"><sheets><sheet name=\"A\" sheetId=\"1\" r:id=\"r1\"/></sheets></workbook>");
        Add("xl/_rels/workbook.xml.rels", $"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"r1\" Type=\"{rel}/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
        Add("xl/worksheets/sheet1.xml", sheet);
    }
}
