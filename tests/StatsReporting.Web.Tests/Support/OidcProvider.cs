using System.Reflection;
using System.Text;
using System.Text.Json;

namespace StatsReporting.Web.Tests.Support;

/// The kommun's OpenID provider: the certified `oidc-provider` from npm (idp/provider.mjs, installed by test.sh), on a
/// free port of localhost, with the users anna (group SR-Controller-A), bertil (SR-Ivo-B) and ulla (Ekonomi) and one
/// client registered for the service at `serviceUrls` (with a secret); `more`: further clients' whole registrations.
public sealed class OidcProvider : IDisposable
{
    public const string ClientId = "statsreporting";
    public const string ClientSecret = "testhemlighet-0123456789abcdef";
    private readonly ChildProcess _process;

    public string Issuer { get; }

    private OidcProvider(ChildProcess process, string issuer) => (_process, Issuer) = (process, issuer);

    public static string Folder => typeof(OidcProvider).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "IdpScripts").Value!;

    public static async Task<OidcProvider> Start(IEnumerable<string> serviceUrls, params Dictionary<string, object>[] more)
    {
        var port = ChildProcess.FreePort();
        var registration = Client(ClientId, serviceUrls);
        registration["client_secret"] = ClientSecret;
        registration["token_endpoint_auth_method"] = "client_secret_post";
        var process = new ChildProcess("node", [Path.Combine(Folder, "provider.mjs"), port.ToString(),
            JsonSerializer.Serialize(new[] { registration }.Concat(more))], Folder);
        var provider = new OidcProvider(process, $"http://localhost:{port}");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        for (var i = 0; i < 300; i++)
        {
            if (process.HasExited) throw new InvalidOperationException($"oidc-provider avslutades:\n{process.Output}");
            try
            {
                if ((await http.GetAsync($"{provider.Issuer}/.well-known/openid-configuration")).IsSuccessStatusCode) return provider;
            }
            catch (HttpRequestException) { } // not listening yet
            await Task.Delay(100);
        }
        process.Dispose();
        throw new TimeoutException($"oidc-provider svarade inte inom 30 s:\n{process.Output}");
    }

    /// A client's registration with its redirect URIs; the caller adds how it authenticates.
    public static Dictionary<string, object> Client(string id, IEnumerable<string> serviceUrls) => new()
    {
        ["client_id"] = id,
        ["redirect_uris"] = serviceUrls.Select(u => $"{u}/signin-oidc").ToArray(),
        ["post_logout_redirect_uris"] = serviceUrls.Select(u => $"{u}/signout-callback-oidc").ToArray(),
    };

    /// The service's settings for this provider, as environment variables of `serve`, with the test's group map:
    /// SR-Controller-A is controller of nämnd a, SR-Ivo-B IVO-rapportör of b; Ekonomi gives nothing.
    public Dictionary<string, string> ServiceSettings(bool withSecret = true)
    {
        var s = new Dictionary<string, string>
        {
            ["StatsReporting__Web__Oidc__Authority"] = Issuer,
            ["StatsReporting__Web__Oidc__ClientId"] = ClientId,
            ["StatsReporting__Web__Oidc__Scopes__0"] = "openid",
            ["StatsReporting__Web__Oidc__Scopes__1"] = "profile",
            ["StatsReporting__Web__Oidc__Scopes__2"] = "groups",
            ["StatsReporting__Web__Oidc__Roller__SR-Controller-A__Roll"] = "controller",
            ["StatsReporting__Web__Oidc__Roller__SR-Controller-A__Namnder__0"] = "a",
            ["StatsReporting__Web__Oidc__Roller__SR-Ivo-B__Roll"] = "ivo",
            ["StatsReporting__Web__Oidc__Roller__SR-Ivo-B__Namnder__0"] = "b",
        };
        if (withSecret) s["StatsReporting__Web__Oidc__ClientSecret"] = ClientSecret;
        return s;
    }

    /// The user's groups from now on, as when AD changes them.
    public Task SetGroups(string user, params string[] groups) => Post($"/_test/groups/{user}", JsonSerializer.Serialize(groups));

    /// The id tokens of the token endpoint from now on: "nyckel", "klient", "utgangen", "nonce" spoil them; "av" not.
    public Task Tamper(string mode) => Post($"/_test/tamper/{mode}", "");

    private async Task Post(string path, string body)
    {
        using var http = new HttpClient();
        using var response = await http.PostAsync(Issuer + path, new StringContent(body, Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
    }

    public string Output => _process.Output;

    public void Dispose() => _process.Dispose();
}
