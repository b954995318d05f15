using System.Collections.Concurrent;

namespace StatsReporting.Web.Auth;

/// Wrong keys from one address, at the login form or in the X-Api-Key header: after 10 within a minute, that address is
/// refused until the minute is over, even with a right key. A key's secret is 256 random bits, so guessing stays
/// hopeless either way; this stops a script that tries from filling the log and keeping the service busy. Behind a
/// reverse proxy every caller has the proxy's address: forward the client's address first (ForwardedHeaders).
public sealed class KeyGuessLimit(TimeProvider clock)
{
    public const int MaxFailures = 10;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, (DateTimeOffset Start, int Failures)> _byAddress = new();

    public bool IsBlocked(HttpContext http) =>
        _byAddress.TryGetValue(Address(http), out var e) && e.Failures >= MaxFailures && clock.GetUtcNow() - e.Start < Window;

    public void Failed(HttpContext http)
    {
        var now = clock.GetUtcNow();
        if (_byAddress.Count > 10_000) // many addresses: forget the ones whose minute is over
            foreach (var (address, e) in _byAddress)
                if (now - e.Start >= Window) _byAddress.TryRemove(address, out _);
        _byAddress.AddOrUpdate(Address(http), _ => (now, 1), (_, e) => now - e.Start < Window ? (e.Start, e.Failures + 1) : (now, 1));
    }

    private static string Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "";
}
