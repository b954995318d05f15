using StatsReporting.Access;
using StatsReporting.Tests.Support;

namespace StatsReporting.Tests.Access;

/// `statsreporting keys …` through the CLI's real entry point. Console output is process-wide: "Console" collection.
[Collection("Console")]
public class KeysCommandTests : IDisposable
{
    private readonly TestEnv _env = new();
    public void Dispose() => _env.Dispose();

    private (int Code, string Out, string Err) Cli(params string[] args) => CliInProcess.Run([.. args, "--db", _env.Db.Path]);

    [Fact]
    public void Keys_add_prints_the_new_key_once_and_stores_a_key_that_verifies_with_its_role()
    {
        var (code, stdout, stderr) = Cli("keys", "add", "--role", "admin", "--name", "Första admin");

        Assert.Equal(0, code);
        var key = stdout.Trim();
        Assert.Equal(new KeyHolder(key.Split('.')[1], "Första admin", Role.Admin), new KeyStore(_env.Db).Verify(key));
        Assert.Contains("Den visas bara nu", stderr);
        Assert.DoesNotContain(key, Cli("keys", "list").Out);
    }

    [Fact]
    public void Keys_add_with_an_unknown_role_is_a_usage_error_and_stores_nothing()
    {
        var (code, _, stderr) = Cli("keys", "add", "--role", "superuser");
        Assert.Equal(2, code);
        Assert.StartsWith("Fel: okänd roll 'superuser' (controller, ivo eller admin).", stderr);
        Assert.Empty(new KeyStore(_env.Db).List());
    }

    [Fact]
    public void Keys_revoke_ends_a_key()
    {
        var key = Cli("keys", "add", "--role", "controller").Out.Trim();
        Assert.Equal(0, Cli("keys", "revoke", key.Split('.')[1]).Code);
        Assert.Null(new KeyStore(_env.Db).Verify(key));
    }
}
