using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
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
        var db = Uploads.Sha(host.Data.Db.Path);
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
        Assert.Equal(db, Uploads.Sha(host.Data.Db.Path));
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
        var db = Uploads.Sha(host.Data.Db.Path);
        using var admin = host.As(Role.Admin);
        using var response = await admin.PostAsync("/api/imports", Uploads.Form(name, Encoding.UTF8.GetBytes(content)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(db, Uploads.Sha(host.Data.Db.Path));
    }

    [Fact]
    public async Task Same_new_file_uploaded_several_times_at_once_is_imported_once_and_every_answer_is_200()
    {
        byte[] bytes = [.. File.ReadAllBytes(ServiceData.SampleCsv), .. Encoding.UTF8.GetBytes(new string('\n', 40))]; // bytes no other test sends
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            using var admin = host.As(Role.Admin);
            using var response = await admin.PostAsync("/api/imports", Uploads.Form("samtidig.csv", bytes));
            return (response.StatusCode, Body: await response.Content.ReadFromJsonAsync<JsonElement>());
        }));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Single(answers, a => !a.Body.GetProperty("alreadyImported").GetBoolean());
        using var c = host.Data.Db.Open();
        var archived = Assert.Single(c.Query<string>("SELECT archive_path FROM imports WHERE sha256 = @sha", new { sha }));
        Assert.True(File.Exists(archived)); // a losing request must not delete the winner's archived copy
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task Upload_is_staged_owner_only_while_it_is_imported()
    {
        byte[] bytes = [.. File.ReadAllBytes(ServiceData.SampleCsv), .. Encoding.UTF8.GetBytes(new string('\n', 41))];
        var before = Staged().ToHashSet();
        using var admin = host.As(Role.Admin); // the host starts here, before the lock below
        Task<HttpResponseMessage> upload;
        string staged;
        // A write lock held here stops the import at its transaction, with the staged copy on disk.
        using (var c = host.Data.Db.Open())
        {
            c.Execute("BEGIN IMMEDIATE");
            upload = admin.PostAsync("/api/imports", Uploads.Form("personuppgifter.csv", bytes));
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while ((staged = Staged().Except(before).FirstOrDefault()!) is null && waited.Elapsed < TimeSpan.FromSeconds(4)) await Task.Delay(20);
            Assert.NotNull(staged);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(staged));
            c.Execute("ROLLBACK");
        }
        using var response = await upload;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(File.Exists(staged));
    }

    private static string[] Staged() => Directory.GetFiles(Path.GetTempPath(), "statsreporting-upload-*");

    [Fact]
    public async Task Kontrollera_says_what_an_upload_would_do_and_where_each_column_came_from_and_stores_nothing()
    {
        // The kommun's own headers (built-in aliases) and a personnummer: read as an upload would read them.
        var csv = string.Join("\r\n", "Ej verkställda beslut, uttag 2025-07-01",
            "Beslutsnummer;Personnummer;Kön;lag;verksamhet;insats;Utförare;Datum för beslut;Avbrott;Verkställt;Avslutat;orsak;kommentar",
            "KONTROLL-1;19800101-1231;M;SoL;ÄO;Hemtjänst;;2025-03-01;;;;SAKNAS_PLATS;",
            "KONTROLL-2;19800101-T123;K;SoL;ÄO;Hemtjänst;;2025-03-02;;;;SAKNAS_PLATS;");
        var db = Uploads.Sha(host.Data.Db.Path);
        var archive = Archived();
        using var admin = host.As(Role.Admin);

        using var response = await admin.PostAsync("/api/imports?check=true", Uploads.Form("kontroll.csv", Encoding.UTF8.GetBytes(csv)));

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("checked").GetBoolean());
        Assert.Equal("kontroll.csv: kontrollerad, inget sparat. En import skulle ge 2 beslut (2 nya, 0 ändrade, 0 oförändrade). Rubrikraden är rad 2; "
            + "rad 1 ovanför den hoppades över. 1 personnummer ersattes med IVO-kod vid inläsningen.", body.GetProperty("summary").GetString());
        Assert.Equal(["beslut_id ← Beslutsnummer", "person_id ← Personnummer", "kon ← Kön", "lag ← lag", "verksamhet ← verksamhet", "insats ← insats",
                "enhet ← Utförare", "beslutsdatum ← Datum för beslut", "avbrottsdatum ← Avbrott", "verkstallt_datum ← Verkställt",
                "avslutat_datum ← Avslutat", "orsak ← orsak", "kommentar ← kommentar"],
            body.GetProperty("columns").EnumerateArray().Select(c => $"{c.GetProperty("column").GetString()} ← {c.GetProperty("header").GetString()}"));
        Assert.DoesNotContain("19800101-1231", await response.Content.ReadAsStringAsync());
        Assert.Equal(db, Uploads.Sha(host.Data.Db.Path));
        Assert.Equal(archive, Archived());
    }

    private string[] Archived()
    {
        var dir = Path.Combine(Path.GetDirectoryName(host.Data.Db.Path)!, "archive");
        return Directory.Exists(dir) ? Directory.GetFiles(dir).Order().ToArray() : [];
    }
}
