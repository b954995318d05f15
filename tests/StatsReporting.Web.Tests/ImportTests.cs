using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using StatsReporting.Access;
using StatsReporting.Web.Tests.Support;

namespace StatsReporting.Web.Tests;

/// POST /api/imports: the CLI's Importer behind a size limit and a type check; a bad file stores nothing.
[Collection("Service")]
public class ImportTests(ServiceHost host)
{
    private const string Header = "beslut_id;person_id;kon;lag;verksamhet;insats;enhet;beslutsdatum;avbrottsdatum;verkstallt_datum;avslutat_datum;orsak;kommentar";

    [Fact]
    public async Task Bad_upload_is_400_listing_file_row_and_column_and_leaves_the_database_byte_for_byte_unchanged()
    {
        var csv = string.Join("\r\n", Header,
            "W-1;19800101-T123;K;SoL;ÄO;Hemtjänst;;2025-03-01;;;;SAKNAS_PLATS;",  // row 2: fine
            "W-2;19800101-T123;K;SoL;ÄO;Hemtjänst;;2025-02-30;;;;SAKNAS_PLATS;",  // row 3: no such date
            "W-3;19800101-T123;X;SoL;ÄO;Hemtjänst;;2025-03-01;;;;SAKNAS_PLATS;"); // row 4: kön
        var db = Sha(host.Data.Db.Path);
        var archive = Archived();

        using var admin = host.As(Role.Admin);
        using var response = await admin.PostAsync("/api/imports", Uploads.Form("felaktig.csv", Encoding.UTF8.GetBytes(csv)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Importen avbröts", problem.GetProperty("title").GetString());
        var errors = problem.GetProperty("errors").EnumerateArray()
            .Select(e => (File: e.GetProperty("file").GetString(), Row: e.GetProperty("row").GetInt32(), Column: e.GetProperty("column").GetString()))
            .ToList();
        Assert.Equal([("felaktig.csv", 3, "beslutsdatum"), ("felaktig.csv", 4, "kon")], errors);
        Assert.DoesNotContain("19800101-T123", await response.Content.ReadAsStringAsync()); // no person code in an error
        Assert.Equal(db, Sha(host.Data.Db.Path));
        Assert.Equal(archive, Archived());
    }

    [Fact]
    public async Task Good_upload_is_imported_like_the_cli_does_and_the_same_file_twice_changes_nothing()
    {
        // The sample with one more line ending: new bytes, so a new import; the same decisions, so nothing changes.
        var bytes = File.ReadAllBytes(ServiceData.SampleCsv).Concat("\r\n"u8.ToArray()).ToArray();
        using var admin = host.As(Role.Admin);

        var first = await admin.PostAsync("/api/imports", Uploads.Form("beslut-juli.csv", bytes));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var outcome = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((309, 0, 0, 309), (outcome.GetProperty("rows").GetInt32(), outcome.GetProperty("new").GetInt32(),
            outcome.GetProperty("changed").GetInt32(), outcome.GetProperty("unchanged").GetInt32()));

        var again = await (await admin.PostAsync("/api/imports", Uploads.Form("beslut-juli.csv", bytes))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(again.GetProperty("alreadyImported").GetBoolean());
    }

    [Theory]
    [InlineData("rapport.pdf", "%PDF-1.7", "Filtypen '.pdf' stöds inte")]
    [InlineData("beslut.xlsx", "beslut_id;person_id", "beslut.xlsx är ingen Excel-fil")]
    [InlineData("beslut.csv", "PK\u0003\u0004\0\0binary", "beslut.csv är ingen textfil")]
    public async Task Upload_of_the_wrong_type_is_400_and_stores_nothing(string name, string content, string message)
    {
        var db = Sha(host.Data.Db.Path);
        using var admin = host.As(Role.Admin);
        using var response = await admin.PostAsync("/api/imports", Uploads.Form(name, Encoding.UTF8.GetBytes(content)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(db, Sha(host.Data.Db.Path));
    }

    [Fact]
    public async Task Upload_over_the_size_limit_is_413_with_a_swedish_title()
    {
        using var admin = host.As(Role.Admin);
        using var response = await admin.PostAsync("/api/imports", Uploads.Form("stor.csv", new byte[1024 * 1024 + 1]));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("För stor fil", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    private static string Sha(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    private string[] Archived()
    {
        var dir = Path.Combine(Path.GetDirectoryName(host.Data.Db.Path)!, "archive");
        return Directory.Exists(dir) ? Directory.GetFiles(dir).Order().ToArray() : [];
    }
}
