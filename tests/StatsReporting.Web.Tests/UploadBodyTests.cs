using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using StatsReporting.Access;
using StatsReporting.Web.Tests.Support;

namespace StatsReporting.Web.Tests;

/// The body of POST /api/imports before the Importer sees it: the size limit holds before anything reads the body, a
/// malformed form is the client's 400, and the client's file name is only a label.
[Collection("Service")]
public class UploadBodyTests(ServiceHost host)
{
    [Fact]
    public async Task Upload_over_the_size_limit_is_413_with_a_swedish_title()
    {
        using var admin = host.As(Role.Admin);
        using var response = await admin.PostAsync("/api/imports", Uploads.Form("stor.csv", new byte[1024 * 1024 + 1]));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("För stor fil", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Upload_over_the_size_limit_on_a_cookie_session_without_csrf_token_is_413_before_the_body_is_read()
    {
        // The CSRF check reads the form when the token is not in a header: the limit must come first.
        using var browser = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var csrf = (await browser.GetFromJsonAsync<JsonElement>("/api/session")).GetProperty("csrf").GetString()!;
        await browser.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["nyckel"] = host.Keys[Role.Admin], ["__RequestVerificationToken"] = csrf }));

        using var response = await browser.PostAsync("/api/imports", Uploads.Form("stor.csv", new byte[1024 * 1024 + 1]));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Upload_without_a_content_length_is_411_so_the_limit_holds_before_reading()
    {
        using var admin = host.As(Role.Admin);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/imports") { Content = Uploads.Form("beslut.csv", File.ReadAllBytes(ServiceData.SampleCsv)) };
        request.Headers.TransferEncodingChunked = true;
        using var response = await admin.SendAsync(request);
        Assert.Equal(HttpStatusCode.LengthRequired, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("multipart/form-data; boundary=grans", "--grans\r\nContent-Disposition: form-data; name=\"fil\"; filename=\"a.csv\"\r\n\r\nbeslut_id")] // cut off
    [InlineData("multipart/form-data", "beslut_id;person_id")] // no boundary
    public async Task Malformed_multipart_body_is_400_and_stores_nothing(string contentType, string body)
    {
        var db = Uploads.Sha(host.Data.Db.Path);
        using var admin = host.As(Role.Admin);
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        using var response = await admin.PostAsync("/api/imports", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Felaktig begäran", problem.GetProperty("title").GetString());
        Assert.Equal(db, Uploads.Sha(host.Data.Db.Path));
    }

    [Theory]
    [InlineData("../../utanfor.csv", "utanfor.csv")]
    [InlineData("..\\..\\utanfor.csv", "utanfor.csv")]
    [InlineData("/etc/cron.d/utanfor.csv", "utanfor.csv")]
    public async Task Client_file_name_is_only_a_label_never_a_path(string sent, string shown)
    {
        byte[] bytes = [.. File.ReadAllBytes(ServiceData.SampleCsv), .. Encoding.UTF8.GetBytes(new string('\n', 3 + sent.Length))]; // new bytes: a real import
        using var admin = host.As(Role.Admin);
        using var response = await admin.PostAsync("/api/imports", Uploads.Form(sent, bytes));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(shown, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("file").GetString());
        Assert.False(File.Exists(Path.Combine(host.Data.Dir, "utanfor.csv")));
        Assert.False(File.Exists("/etc/cron.d/utanfor.csv"));
    }

    [Fact]
    public async Task Client_file_name_longer_than_a_file_system_allows_is_400()
    {
        var db = Uploads.Sha(host.Data.Db.Path);
        using var admin = host.As(Role.Admin);
        using var response = await admin.PostAsync("/api/imports", Uploads.Form(new string('a', 300) + ".csv", File.ReadAllBytes(ServiceData.SampleCsv)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Filnamnet är längre än 255 tecken; byt namn på filen och försök igen.",
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(db, Uploads.Sha(host.Data.Db.Path));
    }
}
