using System.Security.Claims;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using StatsReporting.Access;

namespace StatsReporting.Web.Auth;

/// Web:Oidc:Certifikat instead of a secret (private_key_jwt, RFC 7523): the code is redeemed with a short-lived JWT
/// signed by the certificate's private key; the provider holds only the public certificate. Entra ID and ADFS both
/// accept it, and no secret has to be renewed and copied every year or two.
public static class ClientAssertion
{
    public const string Type = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    /// Redeeming the code at the token endpoint (the assertion's audience, as Entra ID wants it).
    public static async Task Add(AuthorizationCodeReceivedContext ctx)
    {
        var provider = await ctx.Options.ConfigurationManager!.GetConfigurationAsync(ctx.HttpContext.RequestAborted);
        Sign(ctx.TokenEndpointRequest!, ctx.HttpContext, provider.TokenEndpoint);
    }

    /// A provider with pushed authorization requests (RFC 9126) authenticates the client there too; the audience
    /// is then the provider's issuer.
    public static async Task AddToPush(PushedAuthorizationContext ctx)
    {
        var provider = await ctx.Options.ConfigurationManager!.GetConfigurationAsync(ctx.HttpContext.RequestAborted);
        Sign(ctx.ProtocolMessage, ctx.HttpContext, provider.Issuer);
        ctx.HandleClientAuthentication();
    }

    private static void Sign(Microsoft.IdentityModel.Protocols.OpenIdConnect.OpenIdConnectMessage request, HttpContext http, string audience)
    {
        var settings = http.RequestServices.GetRequiredService<IOptions<OidcSettings>>().Value;
        using var certificate = X509CertificateLoader.LoadPkcs12FromFile(settings.Certifikat,
            settings.CertifikatLosenord.Length > 0 ? settings.CertifikatLosenord : null);
        request.ClientAssertionType = Type;
        request.ClientAssertion = Create(certificate, settings.ClientId, audience, DateTime.UtcNow);
    }

    /// The assertion: issued by and about the client, for `audience`, valid two minutes, used once (jti).
    public static string Create(X509Certificate2 certificate, string clientId, string audience, DateTime now) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = clientId,
            Audience = audience,
            Subject = new ClaimsIdentity([new("sub", clientId), new("jti", Guid.NewGuid().ToString("N"))]),
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(2),
            SigningCredentials = new X509SigningCredentials(certificate),
        });
}
