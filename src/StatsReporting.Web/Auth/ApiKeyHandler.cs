using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using StatsReporting.Access;

namespace StatsReporting.Web.Auth;

/// Authenticates a request by its `X-Api-Key` header against the key store (database and configuration).
public sealed class ApiKeyHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    KeyStore keys, KeyGuessLimit limit) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private bool _blocked;

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(AccessSetup.ApiKeyHeader, out var presented)) return Task.FromResult(AuthenticateResult.NoResult());
        if (_blocked = limit.IsBlocked(Context)) return Task.FromResult(AuthenticateResult.Fail("För många felaktiga nycklar."));
        if (keys.Verify(presented.ToString()) is { } holder)
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(Principals.For(holder, Scheme.Name), Scheme.Name)));
        limit.Failed(Context);
        return Task.FromResult(AuthenticateResult.Fail("Ogiltig API-nyckel."));
    }

    /// 429 instead of 401 while the address is refused: the caller learns to wait rather than to try another key.
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (!_blocked) return base.HandleChallengeAsync(properties);
        Response.StatusCode = StatusCodes.Status429TooManyRequests;
        Response.Headers.RetryAfter = ((int)KeyGuessLimit.Window.TotalSeconds).ToString();
        return Task.CompletedTask;
    }
}

public static class Principals
{
    public static ClaimsPrincipal For(KeyHolder holder, string scheme)
    {
        List<Claim> claims = [new(ClaimTypes.NameIdentifier, holder.Id), new(ClaimTypes.Name, holder.Name)];
        claims.AddRange(holder.Role.Implied().Select(r => new Claim(ClaimTypes.Role, r.Name())));
        claims.AddRange(NamndScope.Claims(holder));
        return new(new ClaimsIdentity(claims, scheme));
    }

    /// The highest role the principal holds, as the page shows it; null when signed out.
    public static Role? RoleOf(ClaimsPrincipal user) =>
        Enum.GetValues<Role>().Where(r => user.IsInRole(r.Name())).Select(r => (Role?)r).LastOrDefault();
}
