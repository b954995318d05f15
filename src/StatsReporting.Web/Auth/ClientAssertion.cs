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

    public static Task Add(AuthorizationCodeReceivedContext ctx)
    {
        var settings = ctx.HttpContext.RequestServices.GetRequiredService<IOptions<OidcSettings>>().Value;
        using var certificate = X509CertificateLoader.LoadPkcs12FromFile(settings.Certifikat,
            settings.CertifikatLosenord.Length > 0 ? settings.CertifikatLosenord : null);
        var request = ctx.TokenEndpointRequest!;
        request.ClientAssertionType = Type;
        request.ClientAssertion = Create(certificate, settings.ClientId, ctx.Options.Configuration!.TokenEndpoint, DateTime.UtcNow);
        return Task.CompletedTask;
    }

    /// The assertion: issued by and about the client, for the token endpoint, valid two minutes, used once (jti).
    public static string Create(X509Certificate2 certificate, string clientId, string tokenEndpoint, DateTime now) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = clientId,
            Audience = tokenEndpoint,
            Subject = new ClaimsIdentity([new("sub", clientId), new("jti", Guid.NewGuid().ToString("N"))]),
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(2),
            SigningCredentials = new X509SigningCredentials(certificate),
        });
}
