using System.Text;
using Dapper;
using StatsReporting.Access;
using StatsReporting.Tests.Support;

namespace StatsReporting.Tests.Access;

public class KeyStoreTests : IDisposable
{
    private readonly TestEnv _env = new();
    private readonly DateTimeOffset _now = new(2025, 7, 1, 8, 0, 0, TimeSpan.Zero);
    public void Dispose() => _env.Dispose();

    [Fact]
    public void New_key_verifies_with_its_role_and_only_its_salted_hash_is_stored()
    {
        var store = new KeyStore(_env.Db);
        var (holder, key) = store.Add(Role.Ivo, "IVO-rapportör", _now);

        Assert.Equal(new KeyHolder(holder.Id, "IVO-rapportör", Role.Ivo), store.Verify(key));
        Assert.Matches("^sr\\.[0-9a-f]{16}\\.[A-Za-z0-9_-]{43}$", key);
        var secret = key.Split('.')[2];
        Assert.DoesNotContain(secret, Encoding.Latin1.GetString(File.ReadAllBytes(_env.Db.Path)));
        using var c = _env.Db.Open();
        var (salt, hash) = c.QuerySingle<(string, string)>("SELECT salt, hash FROM api_keys WHERE id = @id", new { id = holder.Id });
        Assert.Equal(KeySecret.Hash(salt, secret), hash);
        Assert.NotEqual(KeySecret.Hash(new string('0', 32), secret), hash); // the salt is part of it
    }

    [Theory]
    [InlineData("")]
    [InlineData("sr.")]
    [InlineData("sr.0011223344556677")]
    [InlineData("sr.0011223344556677.fel")]
    [InlineData("Bearer sr.0011223344556677.fel")]
    public void Anything_that_is_not_a_stored_key_is_refused(string presented) =>
        Assert.Null(new KeyStore(_env.Db).Verify(presented));

    [Fact]
    public void Key_with_a_changed_secret_is_refused()
    {
        var store = new KeyStore(_env.Db);
        var key = store.Add(Role.Admin, "admin", _now).Key;
        Assert.Null(store.Verify(key[..^1] + (key[^1] == 'A' ? 'B' : 'A')));
    }

    [Fact]
    public void Revoked_key_is_refused_and_no_longer_active()
    {
        var store = new KeyStore(_env.Db);
        var (holder, key) = store.Add(Role.Admin, "admin", _now);
        Assert.True(store.Revoke(holder.Id, _now));
        Assert.Null(store.Verify(key));
        Assert.False(store.IsActive(holder.Id));
        Assert.Equal(_now.ToString("O"), Assert.Single(store.List()).RevokedAt);
    }

    [Theory]
    [InlineData(Role.Controller, new[] { Role.Controller })]
    [InlineData(Role.Ivo, new[] { Role.Controller, Role.Ivo })]
    [InlineData(Role.Admin, new[] { Role.Controller, Role.Ivo, Role.Admin })]
    public void Roles_nest_admin_over_ivo_over_controller(Role role, Role[] implied) => Assert.Equal(implied, role.Implied());

    [Fact]
    public void Key_from_configuration_verifies_without_touching_the_database()
    {
        var (entry, key) = KeyStore.ForConfiguration(Role.Controller, "Controller i konfigurationen");
        var store = new KeyStore(_env.Db, new AccessSettings { Keys = [entry] });
        Assert.Equal(Role.Controller, store.Verify(key)?.Role);
        Assert.Empty(store.List());
    }

    [Fact]
    public void Configured_key_with_an_unknown_role_stops_the_start_with_the_key_named()
    {
        var (entry, _) = KeyStore.ForConfiguration(Role.Controller, "x");
        entry.Role = "superuser";
        var e = Assert.Throws<InvalidOperationException>(() => new AccessSettings { Keys = [entry] }.Validate());
        Assert.Equal("appsettings.json: StatsReporting:Access:Keys:0:Role 'superuser' är ingen roll (controller, ivo eller admin).", e.Message);
    }
}
