using StatsReporting.Tests.Support;
using StatsReporting.Jobs;

namespace StatsReporting.Tests.Decisions;

/// A broken appsettings.json stops every verb with a Swedish message naming the file or the key, never a stack trace.
public class SettingsTests : IDisposable
{
    private readonly TestEnv _env = new();
    public void Dispose() => _env.Dispose();

    private InvalidOperationException LoadWith(string json)
    {
        File.WriteAllText(_env.PathOf("appsettings.json"), json);
        return Assert.Throws<InvalidOperationException>(() => Installation.Load(_env.Dir));
    }

    [Fact]
    public void Json_that_does_not_parse_is_named_with_its_line()
    {
        var e = LoadWith("{\n  \"StatsReporting\": {\n    \"Paths\": { \"Database\": \"x.db\" \n");
        Assert.StartsWith($"{_env.PathOf("appsettings.json")} är ingen giltig JSON (rad ", e.Message);
    }

    [Fact]
    public void A_value_of_the_wrong_type_names_its_key()
    {
        var e = LoadWith("{ \"StatsReporting\": { \"Web\": { \"MaxUploadBytes\": \"abc\" } } }");
        Assert.Equal("appsettings.json: värdet 'abc' för StatsReporting:Web:MaxUploadBytes har fel typ (ett heltal behövs).", e.Message);
    }
}
