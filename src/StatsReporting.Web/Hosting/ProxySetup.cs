using Microsoft.Extensions.Options;
using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using StatsReporting.Access;

namespace StatsReporting.Web.Hosting;

/// Behind a TLS-terminating reverse proxy: X-Forwarded-For and X-Forwarded-Proto are believed from the proxies listed
/// in StatsReporting:Web:TrustedProxies only (from anyone else they could fake an address or https), so the client's
/// address reaches the key-guess limit and cookies are Secure. Kestrel does not name itself in a Server header.
public static class ProxySetup
{
    public static WebApplicationBuilder AddProxy(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<WebSettings>>((o, s) =>
        {
            // With both lists empty the middleware believes everyone, so with no proxy listed it reads no header.
            o.ForwardedHeaders = s.Value.TrustedProxies.Length == 0 ? ForwardedHeaders.None : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear(); // the framework trusts loopback by default: only what the operator lists
            foreach (var proxy in s.Value.TrustedProxies) o.KnownProxies.Add(IPAddress.Parse(proxy));
        });
        return builder;
    }

    /// First in the pipeline: everything after it sees the client's address and scheme.
    public static WebApplication UseProxy(this WebApplication app)
    {
        app.UseForwardedHeaders();
        return app;
    }
}
