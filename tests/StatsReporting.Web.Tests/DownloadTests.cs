using System.Net;
using Microsoft.AspNetCore.TestHost;
using StatsReporting.Access;
using StatsReporting.Web.Tests.Support;

namespace StatsReporting.Web.Tests;

/// Downloads stream the stored file with its content type and a Swedish file name; nothing else is ever served.
[Collection("Service")]
public class DownloadTests(ServiceHost host)
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [Theory]
    [InlineData(Roles.Controller, "/api/periods/2025Q2/workbooks/sol", "reports/2025Q2/evb-sol-2025Q2.xlsx", XlsxType, "EVB SoL 2025 kv2.xlsx")]
    [InlineData(Roles.Controller, "/api/periods/2025q2/workbooks/lss", "reports/2025Q2/evb-lss-2025Q2.xlsx", XlsxType, "EVB LSS 2025 kv2.xlsx")]
    [InlineData(Roles.Ivo, "/api/periods/2025Q2/workbooks/ivo", "ivo/2025Q2/ivo-individrapport-2025Q2.xlsx", XlsxType, "IVO individrapport 2025 kv2.xlsx")]
    [InlineData(Roles.Controller, "/api/periods/2025Q2/charts/sol-kon.png", "reports/2025Q2/diagram/sol-kon.png", "image/png", null)]
    [InlineData(Roles.Controller, "/api/periods/2025Q2/findings", "reports/2025Q2/kontroller-2025Q2.json", "application/json", null)]
    [InlineData(Roles.Controller, "/api/periods/2025Q2/summary", "reports/2025Q2/sammanstallning-2025Q2.json", "application/json", null)]
    [InlineData(Roles.Controller, "/api/periods/2025Q2/zip", "reports/2025Q2/evb-2025Q2.zip", "application/zip", "EVB 2025 kv2.zip")]
    public async Task Download_streams_the_stored_file_with_type_and_swedish_name(string role, string url, string stored, string type, string? name)
    {
        using var client = host.As(Enum.Parse<Role>(role, ignoreCase: true));
        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(name, response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal(File.ReadAllBytes(Path.Combine(host.Data.Dir, stored)), await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Individrapport_is_never_cached_on_the_way()
    {
        using var ivo = host.As(Role.Ivo);
        using var response = await ivo.GetAsync("/api/periods/2025Q2/workbooks/ivo");
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Theory]
    [InlineData("/api/periods/2025Q3/workbooks/sol", HttpStatusCode.NotFound)] // a valid quarter not yet reported
    [InlineData("/api/periods/2025Q2/workbooks/kf", HttpStatusCode.NotFound)]
    [InlineData("/api/periods/2025Q2/charts/sol-saknas.png", HttpStatusCode.NotFound)]
    [InlineData("/api/periods/2025Q5/findings", HttpStatusCode.BadRequest)]
    [InlineData("/api/periods/2025Q2/documents/sol", HttpStatusCode.NotFound)] // no tjänsteskrivelse written
    [InlineData("/api/periods/2025Q2/documents/ivo", HttpStatusCode.NotFound)]
    [InlineData("/api/periods/2025Q3/zip", HttpStatusCode.NotFound)]
    [InlineData("/api/periods/2025Q3/summary", HttpStatusCode.NotFound)]
    [InlineData("/api/periods/senaste/workbooks/sol", HttpStatusCode.BadRequest)]
    public async Task Missing_file_is_404_and_invalid_period_400_as_problem_details(string url, HttpStatusCode status)
    {
        using var client = host.As(Role.Controller);
        using var response = await client.GetAsync(url);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    // Routes match without regard to case: every spelling of the restricted file is the ivo route, under its rule.
    [Theory]
    [InlineData("/api/periods/2025Q2/workbooks/IVO")]
    [InlineData("/api/periods/2025q2/workbooks/Ivo")]
    [InlineData("/api/periods/2025Q2/workbooks/ivo/")]
    public async Task Individrapport_is_403_to_a_controller_however_the_address_is_spelled(string url)
    {
        using var controller = host.As(Role.Controller);
        using var response = await controller.GetAsync(url);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    // Encoded so that HttpClient sends them as written (it would tidy a plain "../" away before sending).
    [Theory]
    [InlineData("/api/periods/..%2F..%2Fhemlig.txt/workbooks/sol")]
    [InlineData("/api/periods/..%2F2025Q2/workbooks/sol")]
    [InlineData("/api/periods/%2e%2e%2f%2e%2e/findings")]
    [InlineData("/api/periods/%2Fetc%2Fpasswd/findings")]
    [InlineData("/api/periods/C:%5Chemlig/findings")]
    [InlineData("/api/periods/2025Q2/workbooks/..%2F..%2F..%2Fhemlig.txt")]
    [InlineData("/api/periods/2025Q2/charts/..%2F..%2F..%2Fhemlig.png")]
    [InlineData("/api/periods/2025Q2/charts/%2e%2e%2f%2e%2e%2fevb-sol-2025Q2.png")]
    [InlineData("/api/periods/2025Q2/charts/..%5C..%5C..%5Chemlig.png")]
    [InlineData("/api/periods/2025Q2/charts/%2Ftmp%2Fsol-kon.png")]
    [InlineData("/api/periods/2025Q2/charts/diagram%2Fsol-kon.png")]
    public async Task Path_traversal_through_the_api_is_400_or_404_and_never_a_file(string url)
    {
        using var client = host.As(Role.Admin);
        using var response = await client.GetAsync(url);
        AssertRefused(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType);
    }

    // Sent past HttpClient, exactly as written, with raw "../" segments.
    [Theory]
    [InlineData("/api/periods/2025Q2/charts/../../../hemlig.txt")]
    [InlineData("/api/periods/2025Q2/../../../hemlig.txt")]
    [InlineData("/../hemlig.txt")]
    [InlineData("/api/periods/../../reports/2025Q2/evb-sol-2025Q2.xlsx")]
    public async Task Path_traversal_with_raw_dot_segments_is_404_and_never_a_file(string path)
    {
        var context = await host.Server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Path = path;
            c.Request.Headers["X-Api-Key"] = host.Keys[Role.Admin];
        });
        using var body = new StreamReader(context.Response.Body);
        AssertRefused((HttpStatusCode)context.Response.StatusCode, await body.ReadToEndAsync(), context.Response.ContentType);
    }

    // A link put into reports/ (by a script, an unzip, a colleague) is never followed: it could hand a controller any
    // file the service may read, the individrapport included. The configured roots themselves may be links.
    [Fact]
    public async Task Symbolic_link_inside_reports_is_neither_served_nor_listed()
    {
        var chart = host.Data.ChartPath("sol-lank");
        File.CreateSymbolicLink(chart, host.Data.IvoPath);
        var elsewhere = Directory.CreateDirectory(Path.Combine(host.Data.Dir, "utanfor", "2025Q1")).FullName;
        File.WriteAllText(Path.Combine(elsewhere, "evb-sol-2025Q1.xlsx"), ServiceData.Secret);
        var period = Path.Combine(host.Data.Reports, "2025Q1");
        Directory.CreateSymbolicLink(period, elsewhere);
        try
        {
            using var controller = host.As(Role.Controller);
            foreach (var url in new[] { "/api/periods/2025Q2/charts/sol-lank.png", "/api/periods/2025Q1/workbooks/sol" })
            {
                using var response = await controller.GetAsync(url);
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                Assert.DoesNotContain(ServiceData.Secret, await response.Content.ReadAsStringAsync());
            }
            var listed = await controller.GetStringAsync("/api/periods");
            Assert.DoesNotContain("2025Q1", listed);
            Assert.DoesNotContain("sol-lank", listed);
        }
        finally
        {
            File.Delete(chart);
            File.Delete(period); // the link, not what it points to
            Directory.Delete(Path.GetDirectoryName(elsewhere)!, recursive: true);
        }
    }

    private static void AssertRefused(HttpStatusCode status, string body, string? type)
    {
        Assert.Contains(status, new[] { HttpStatusCode.BadRequest, HttpStatusCode.NotFound });
        Assert.DoesNotContain(ServiceData.Secret, body);
        Assert.StartsWith("application/problem+json", type); // an error body, not a file of any kind
    }
}
