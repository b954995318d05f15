using System.Net;
using StatsReporting.Access;
using StatsReporting.Web.Tests.Support;

namespace StatsReporting.Web.Tests;

/// Every answer, whatever made it (page, API, file, error, Hangfire), tells the browser not to sniff its type and
/// not to show it inside another site's frame.
[Collection("Service")]
public class SecurityHeaderTests(ServiceHost host)
{
    [Theory]
    [InlineData(null, "/", HttpStatusCode.OK)]
    [InlineData(null, "/healthz", HttpStatusCode.OK)]
    [InlineData(null, "/api/periods", HttpStatusCode.Unauthorized)]
    [InlineData(Roles.Controller, "/api/periods", HttpStatusCode.OK)]
    [InlineData(Roles.Controller, "/api/periods/2025Q2/workbooks/sol", HttpStatusCode.OK)]
    [InlineData(Roles.Controller, "/api/periods/2025Q2/charts/sol-kon.png", HttpStatusCode.OK)]
    [InlineData(Roles.Controller, "/api/periods/2025Q2/findings", HttpStatusCode.OK)]
    [InlineData(Roles.Controller, "/hangfire", HttpStatusCode.Forbidden)]
    [InlineData(Roles.Admin, "/hangfire", HttpStatusCode.OK)]
    [InlineData(Roles.Admin, "/finns-inte", HttpStatusCode.NotFound)]
    public async Task Every_answer_forbids_sniffing_and_framing(string? role, string url, HttpStatusCode status)
    {
        using var client = host.As(role is null ? null : Enum.Parse<Role>(role, ignoreCase: true));
        using var response = await client.GetAsync(url);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Contains(Header(response, "X-Frame-Options"), new[] { "DENY", "SAMEORIGIN" });
        Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
        // The API answers with data and files, never with something to run: nothing may load or frame them.
        if (url.StartsWith("/api/")) Assert.Equal("default-src 'none'; frame-ancestors 'none'", Header(response, "Content-Security-Policy"));
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? values.Single() : null;
}
