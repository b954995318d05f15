using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Web;
using Dapper;
using Microsoft.IdentityModel.Tokens;
using StatsReporting.Access;
using StatsReporting.Decisions;
using StatsReporting.Logg;
using StatsReporting.Storage;
using StatsReporting.Web.Tests.Support;

namespace StatsReporting.Web.Tests;

/// The real `serve` of a two-nämnd installation (a has 2025Q2, b 2025Q1 and 2025Q2) with sign-in at the kommun's
/// OpenID provider (the real oidc-provider, Support/OidcProvider) and Web:Nyckelinloggning off; people go through
/// the provider's own login form in Debian's Chromium.
public sealed class OidcSite : IAsyncLifetime
{
    public string Dir { get; } = Directory.CreateTempSubdirectory("statsreporting-oidc-").FullName;
    private readonly Dictionary<string, string> _env = new();
    public ServedPage Page { get; private set; } = null!;
    public OidcProvider Idp { get; private set; } = null!;
    public Db Db { get; private set; } = null!;
    public Dictionary<string, string> Environment => _env;
    /// Where a second `serve` behind a TLS proxy listens (registered at the provider too).
    public string ProxiedUrl { get; } = $"http://127.0.0.1:{ChildProcess.FreePort()}";
    /// The client that authenticates with a certificate, and where its `serve` listens.
    public const string CertClientId = "statsreporting-cert";
    public string CertUrl { get; } = $"http://127.0.0.1:{ChildProcess.FreePort()}";
    public string CertificatePath => Path.Combine(Dir, "oidc.pfx");
    public const string CertificatePassword = "pfx-losen";

    public async Task InitializeAsync()
    {
        var (config, _, db) = NamndData.Create(Dir, Period.Parse("2025Q1"));
        Db = db;
        foreach (var (k, v) in NamndData.Environment(config)) _env[k] = v;
        Page = new ServedPage(Dir, db.Path, _env["StatsReporting__Paths__Reports"], _env["StatsReporting__Paths__Ivo"],
            _env["StatsReporting__Paths__Inbox"], _env);
        // A second client that signs in with a certificate instead of a secret (private_key_jwt): the provider holds
        // only the public key, by the certificate's thumbprint (the kid .NET puts in the assertion).
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        using var certificate = new CertificateRequest("CN=StatsReporting test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        File.WriteAllBytes(CertificatePath, certificate.Export(X509ContentType.Pfx, CertificatePassword));
        var key = rsa.ExportParameters(false);
        var certClient = OidcProvider.Client(CertClientId, [CertUrl]);
        certClient["token_endpoint_auth_method"] = "private_key_jwt";
        certClient["jwks"] = new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = certificate.Thumbprint,
            n = Base64UrlEncoder.Encode(key.Modulus!), e = Base64UrlEncoder.Encode(key.Exponent!) } } };
        Idp = await OidcProvider.Start([Page.BaseUrl, ProxiedUrl, ProxiedUrl.Replace("http:", "https:")], certClient);
        foreach (var (k, v) in Idp.ServiceSettings()) _env[k] = v;
        _env["StatsReporting__Web__Nyckelinloggning"] = "false";
        await Page.Start();
    }

    /// Signs `user` in through the page and the provider's form; "logout" signs out again.
    public async Task<JsonElement> SignIn(string user, string? then = null)
    {
        var shots = Directory.CreateDirectory(Path.Combine(Dir, "bilder")).FullName;
        var seen = await Page.Browse("oidc-sign-in.mjs", [user, $"{user}-losen", shots, .. then is null ? Array.Empty<string>() : [then]]);
        ServedPage.KeepScreenshots(shots);
        return seen;
    }

    public IReadOnlyList<(string? Grant, bool Ended)> Sessions(string user)
    {
        using var c = Db.Open();
        return c.Query<(string?, string?)>("SELECT grant_given, ended_at FROM sessions WHERE key_id = @id ORDER BY created_at",
            new { id = $"oidc:{user}" }).Select(r => (r.Item1, r.Item2 is not null)).ToList();
    }

    /// The behandlingslogg's newest row of `handling` about `vem`, as "vem|subjekt|objekt|adress|resultat"; the chain whole.
    public string Logged(string handling, string vem)
    {
        Assert.True(Behandlingslogg.Verify(Db).Whole);
        var r = Behandlingslogg.Read(Db, null, null).Last(r => r.Handling == handling && r.Vem == vem);
        return $"{r.Vem}|{r.Subjekt}|{r.Objekt}|{r.Adress}|{r.Resultat}";
    }

    /// A request with only the browser's session cookie, as an attacker who copied it would send it.
    public async Task<HttpStatusCode> Replay(string cookie, string path)
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, Page.BaseUrl + path);
        request.Headers.Add("Cookie", $"statsreporting.session={cookie}");
        return (await http.SendAsync(request)).StatusCode;
    }

    public Task DisposeAsync()
    {
        Page.Dispose();
        Idp.Dispose();
        try { Directory.Delete(Dir, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }
}

public class OidcTests(OidcSite site) : IClassFixture<OidcSite>
{
    private static string[] Strings(JsonElement seen, string name) => seen.GetProperty(name).EnumerateArray().Select(e => e.GetString()!).ToArray();

    [Fact]
    public async Task A_person_signs_in_at_the_providers_form_and_sees_only_the_namnd_of_their_group()
    {
        var anna = await site.SignIn("anna");
        Assert.Equal("Kommunens inloggning", anna.GetProperty("providerHeading").GetString());
        Assert.Equal("/", anna.GetProperty("url").GetString());
        Assert.Equal("Inloggad: Anna Andersson (controller)", anna.GetProperty("signedInAs").GetString());
        Assert.Equal(["2025 kv2 (2025Q2)"], Strings(anna, "quarters"));
        Assert.Contains("/api/namnder/a/periods/2025Q2/workbooks/sol", Strings(anna, "links"));
        Assert.All(Strings(anna, "links"), l => Assert.StartsWith("/api/namnder/a/", l));
        Assert.DoesNotContain("Vård- och omsorgsnämnden", anna.GetProperty("text").GetString());
        Assert.DoesNotContain("IVO individrapport", anna.GetProperty("text").GetString()); // a controller's page
        // The browser's cookie names a server-side session; it opens a's quarters and nothing of b.
        var cookie = anna.GetProperty("cookie").GetString()!;
        Assert.Equal(HttpStatusCode.OK, await site.Replay(cookie, "/api/namnder/a/periods"));
        Assert.Equal(HttpStatusCode.NotFound, await site.Replay(cookie, "/api/namnder/b/periods"));
        Assert.Equal(("controller:a", false), site.Sessions("anna")[^1]);
        Assert.Equal("Anna Andersson|oidc:anna|roll: controller; nämnder: a|127.0.0.1|ok", site.Logged(Handling.Inloggning, "Anna Andersson"));

        var bertil = await site.SignIn("bertil");
        Assert.Equal("Inloggad: Bertil Berg (IVO-rapportör)", bertil.GetProperty("signedInAs").GetString());
        Assert.Equal(["2025 kv2 (2025Q2)", "2025 kv1 (2025Q1)"], Strings(bertil, "quarters"));
        Assert.Contains("/api/namnder/b/periods/2025Q2/workbooks/ivo", Strings(bertil, "links"));
        Assert.All(Strings(bertil, "links"), l => Assert.StartsWith("/api/namnder/b/", l));
        Assert.Equal(("ivo:b", false), site.Sessions("bertil")[^1]);
        // A download of personal data is logged with the name and subject of the id token.
        Assert.Equal(HttpStatusCode.OK, await site.Replay(bertil.GetProperty("cookie").GetString()!, "/api/namnder/b/periods/2025Q2/workbooks/ivo"));
        Assert.Equal("Bertil Berg|oidc:bertil|IVO individrapport 2025 kv2.xlsx|127.0.0.1|ok", site.Logged(Handling.Individrapport, "Bertil Berg"));
    }

    [Fact]
    public async Task A_person_in_no_mapped_group_gets_the_refusal_page_and_no_session()
    {
        var ulla = await site.SignIn("ulla");

        Assert.Equal("/?inloggning=behorighet", ulla.GetProperty("url").GetString());
        Assert.StartsWith("Du har inte behörighet till StatsReporting: ditt konto är inte med i någon av de grupper",
            ulla.GetProperty("refused").GetString());
        Assert.Equal(JsonValueKind.Null, ulla.GetProperty("signedInAs").ValueKind);
        Assert.Equal(JsonValueKind.Null, ulla.GetProperty("cookie").ValueKind);
        Assert.Empty(Strings(ulla, "quarters"));
        Assert.Empty(site.Sessions("ulla"));
        Assert.Contains("Inloggning nekad: Ulla Utan är inte med i någon grupp i Web:Oidc:Roller.", site.Page.Output);
        Assert.Equal("Ulla Utan|oidc:ulla|ingen grupp i Web:Oidc:Roller|127.0.0.1|nekad", site.Logged(Handling.MisslyckadInloggning, "Ulla Utan"));
    }

    [Fact]
    public async Task Signing_out_ends_the_session_here_and_at_the_provider()
    {
        var seen = await site.SignIn("anna", "logout");

        Assert.Equal("Inloggad: Anna Andersson (controller)", seen.GetProperty("signedInAs").GetString());
        Assert.Equal("Vill du logga ut från kommunens inloggning?", seen.GetProperty("providerLogout").GetString());
        Assert.Equal("/?utloggad=1", seen.GetProperty("afterLogoutUrl").GetString());
        Assert.Equal("Du är utloggad, här och från kommunens inloggning.", seen.GetProperty("afterLogout").GetString());
        Assert.True(seen.GetProperty("askedAgain").GetBoolean(), "efter utloggningen ska leverantören fråga efter lösenordet igen");
        Assert.True(site.Sessions("anna")[^1].Ended);
        Assert.Equal("Anna Andersson|oidc:anna||127.0.0.1|ok", site.Logged(Handling.Utloggning, "Anna Andersson"));
        Assert.Equal(HttpStatusCode.Unauthorized, await site.Replay(seen.GetProperty("cookie").GetString()!, "/api/namnder/a/periods"));
    }

    [Fact]
    public async Task Groups_are_read_again_at_every_sign_in()
    {
        await site.Idp.SetGroups("anna", "SR-Controller-A");
        Assert.Equal("Inloggad: Anna Andersson (controller)", (await site.SignIn("anna")).GetProperty("signedInAs").GetString());
        try
        {
            await site.Idp.SetGroups("anna", "SR-Ivo-B", "Ekonomi"); // moved to b in AD
            var moved = await site.SignIn("anna");
            Assert.Equal("Inloggad: Anna Andersson (IVO-rapportör)", moved.GetProperty("signedInAs").GetString());
            Assert.All(Strings(moved, "links"), l => Assert.StartsWith("/api/namnder/b/", l));
            Assert.Equal(["controller:a", "ivo:b"], site.Sessions("anna").TakeLast(2).Select(s => s.Grant));
            Assert.Contains("Ändrad behörighet för Anna Andersson vid inloggning: controller:a blev ivo:b.", site.Page.Output);
            Assert.Equal("Anna Andersson|oidc:anna|roll: controller → ivo; nämnder: a → b|127.0.0.1|ok", site.Logged(Handling.RollAndrad, "Anna Andersson"));

            await site.Idp.SetGroups("anna", "Ekonomi"); // left the group: refused at the next sign-in
            Assert.StartsWith("Du har inte behörighet", (await site.SignIn("anna")).GetProperty("refused").GetString());
        }
        finally { await site.Idp.SetGroups("anna", "SR-Controller-A"); }
    }

    [Theory]
    [InlineData("nyckel", "IDX10511")]   // signed by another key: the signature does not verify with the provider's
    [InlineData("klient", "IDX10214")]   // for another client: audience
    [InlineData("utgangen", "IDX10223")] // expired an hour ago
    [InlineData("nonce", "IDX21323")]    // another sign-in's nonce: no nonce cookie of ours matches it
    public async Task A_spoilt_id_token_is_refused_with_no_session(string tamper, string reason)
    {
        var before = site.Sessions("anna").Count;
        await site.Idp.Tamper(tamper);
        try
        {
            var seen = await site.SignIn("anna");
            Assert.Equal("/?inloggning=misslyckades", seen.GetProperty("url").GetString());
            Assert.True(seen.GetProperty("failed").GetBoolean());
            Assert.Equal(JsonValueKind.Null, seen.GetProperty("signedInAs").ValueKind);
            Assert.Equal(JsonValueKind.Null, seen.GetProperty("cookie").ValueKind);
            Assert.Contains("Inloggningen med kommunens konto misslyckades.", seen.GetProperty("text").GetString());
            Assert.Equal(before, site.Sessions("anna").Count);
            var logged = site.Page.Output.Split('\n').Last(l => l.Contains("Inloggning med kommunens konto misslyckades"));
            Assert.True(logged.Contains(reason, StringComparison.Ordinal), logged);
            Assert.Equal($"(ej inloggad)||kommunens konto: {reason}|127.0.0.1|nekad", site.Logged(Handling.MisslyckadInloggning, "(ej inloggad)"));
        }
        finally { await site.Idp.Tamper("av"); }
    }

    [Fact]
    public async Task A_service_with_a_certificate_instead_of_a_secret_signs_in_with_a_signed_client_assertion()
    {
        var env = new Dictionary<string, string>(site.Environment)
        {
            ["StatsReporting__Web__Oidc__ClientId"] = OidcSite.CertClientId,
            ["StatsReporting__Web__Oidc__Certifikat"] = site.CertificatePath,
            ["StatsReporting__Web__Oidc__CertifikatLosenord"] = OidcSite.CertificatePassword,
        };
        env.Remove("StatsReporting__Web__Oidc__ClientSecret");
        var port = new Uri(site.CertUrl).Port;
        using var served = new ServedPage(site.Dir, site.Db.Path, env["StatsReporting__Paths__Reports"], env["StatsReporting__Paths__Ivo"],
            env["StatsReporting__Paths__Inbox"], env, port);
        await served.Start();
        var shots = Directory.CreateDirectory(Path.Combine(site.Dir, "bilder-cert")).FullName;

        var seen = await served.Browse("oidc-sign-in.mjs", "anna", "anna-losen", shots);
        Assert.Equal("Inloggad: Anna Andersson (controller)", seen.GetProperty("signedInAs").GetString());
        Assert.Equal(["2025 kv2 (2025Q2)"], Strings(seen, "quarters"));
    }

    [Fact]
    public async Task With_Nyckelinloggning_off_a_key_opens_the_api_but_not_the_page()
    {
        var key = new KeyStore(site.Db).Add(Role.Controller, "Skript", DateTimeOffset.UtcNow, ["a"]).Key;
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(site.Page.BaseUrl) };
        var page = await http.GetFromJsonAsync<JsonElement>("/api/page");
        Assert.True(page.GetProperty("oidc").GetBoolean());
        Assert.False(page.GetProperty("nyckelinloggning").GetBoolean());

        using var api = new HttpRequestMessage(HttpMethod.Get, "/api/namnder/a/periods");
        api.Headers.Add("X-Api-Key", key);
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(api)).StatusCode);

        using var session = await http.GetAsync("/api/session");
        var csrf = (await session.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("csrf").GetString()!;
        using var login = new HttpRequestMessage(HttpMethod.Post, "/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["nyckel"] = key, ["__RequestVerificationToken"] = csrf }),
        };
        login.Headers.Add("Cookie", session.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("statsreporting.csrf=")).Split(';')[0]);
        using var refused = await http.SendAsync(login);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.False(refused.Headers.Contains("Set-Cookie") && refused.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("statsreporting.session=")));
    }

    [Theory]
    [InlineData("127.0.0.1", "https")] // the proxy on this machine is trusted: its X-Forwarded-Proto is believed
    [InlineData("10.9.8.7", "http")]   // another proxy is trusted: the header from this one is anyone's, and ignored
    public async Task Behind_the_trusted_tls_proxy_the_redirect_uri_is_https(string trustedProxy, string scheme)
    {
        var env = new Dictionary<string, string>(site.Environment) { ["StatsReporting__Web__TrustedProxies__0"] = trustedProxy };
        var trusted = scheme == "https";
        using var server = new ChildProcess(ChildProcess.Dotnet, ChildProcess.Cli("serve", "--db", site.Db.Path, "--urls", site.ProxiedUrl), site.Dir, env);
        await server.WaitUntilUp(site.ProxiedUrl);
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{site.ProxiedUrl}/login/oidc");
        request.Headers.Add("X-Forwarded-Proto", "https");
        using var challenge = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        // The correlation and nonce cookies are Secure exactly when the browser speaks https to the proxy.
        var cookies = challenge.Headers.GetValues("Set-Cookie").ToList();
        Assert.Equal(2, cookies.Count(c => c.StartsWith(".AspNetCore.")));
        Assert.All(cookies, c => Assert.Equal(trusted, c.Contains("; secure", StringComparison.OrdinalIgnoreCase)));

        // The service pushed the request to the provider (PAR): the browser's address holds only its handle. The
        // provider, after its login form, sends the browser to the redirect URI it was given.
        var back = await SignInAtProvider(challenge.Headers.Location!, "anna");
        Assert.Equal(site.ProxiedUrl.Replace("http:", $"{scheme}:") + "/signin-oidc", back.GetLeftPart(UriPartial.Path));
        Assert.False(string.IsNullOrEmpty(HttpUtility.ParseQueryString(back.Query)["code"]));
    }

    /// Goes through the provider as a browser would (its cookies, its login form) until it sends the browser elsewhere.
    private async Task<Uri> SignInAtProvider(Uri start, string user)
    {
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new(), AllowAutoRedirect = false });
        using var response = await browser.GetAsync(start);
        var next = response;
        for (var step = 0; step < 10; step++)
        {
            if (next.Headers.Location is { } to)
            {
                var target = to.IsAbsoluteUri ? to : new Uri(next.RequestMessage!.RequestUri!, to);
                if (!target.AbsoluteUri.StartsWith(site.Idp.Issuer, StringComparison.Ordinal)) return target;
                next = await browser.GetAsync(target);
            }
            else
            {
                Assert.Contains("Kommunens inloggning", await next.Content.ReadAsStringAsync());
                next = await browser.PostAsync(next.RequestMessage!.RequestUri, new FormUrlEncodedContent(
                    new Dictionary<string, string> { ["user"] = user, ["password"] = $"{user}-losen" }));
            }
        }
        throw new InvalidOperationException("Leverantören skickade inte tillbaka webbläsaren inom tio steg.");
    }
}
