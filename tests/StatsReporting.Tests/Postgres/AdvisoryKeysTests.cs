using System.Reflection;
using StatsReporting.Storage;

namespace StatsReporting.Tests.Postgres;

/// Two locks on one advisory key wait for each other though they guard different things (the key ring's creation once
/// waited behind every import): each lock of AdvisoryKeys has a key of its own.
public class AdvisoryKeysTests
{
    [Fact]
    public void Every_advisory_lock_has_its_own_key()
    {
        var keys = typeof(AdvisoryKeys).GetFields(BindingFlags.Public | BindingFlags.Static)
            .ToDictionary(f => f.Name, f => (long)f.GetRawConstantValue()!);
        Assert.Equal(["Behandlingslogg", "KeyRing", "Migration", "Run", "Write"], keys.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(keys.Count, keys.Values.Distinct().Count());
    }
}
