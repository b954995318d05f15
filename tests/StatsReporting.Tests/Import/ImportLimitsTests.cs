using Microsoft.Extensions.Configuration;
using StatsReporting.Tests.Support;
using StatsReporting.Jobs;
using StatsReporting.Import;
using StatsReporting.Configuration;

namespace StatsReporting.Tests.Import;

/// StatsReporting:Import is bound from appsettings.json and checked at start-up: a wrong limit stops the start with its key.
public class ImportLimitsTests
{
    [Fact]
    public void The_limits_of_appsettings_json_are_bound()
    {
        var l = TestEnv.Settings.Get<ImportLimits>();
        Assert.Equal((256L * 1024 * 1024, 2_000_000, 200, 32_767, 1990), (l.MaxFileBytes, l.MaxRows, l.MaxColumns, l.MaxCellChars, l.EarliestYear));
        Assert.Equal((64, 32_000), (l.MaxCharsOf("beslut_id"), l.MaxCharsOf("kommentar")));
    }

    [Theory]
    [InlineData("MaxCellChars", "40000", "appsettings.json: StatsReporting:Import:MaxCellChars ska vara mellan 1 och 32767 (Excels gräns för en cell).")]
    [InlineData("MaxRows", "0", "appsettings.json: StatsReporting:Import:MaxRows ska vara större än 0.")]
    [InlineData("EarliestYear", "1066", "appsettings.json: StatsReporting:Import:EarliestYear ska vara ett år mellan 1900 och 2100.")]
    [InlineData("MaxFieldChars:kommentar", "50000", "appsettings.json: StatsReporting:Import:MaxFieldChars:kommentar ska vara mellan 1 och 32767.")]
    public void A_wrong_limit_fails_at_start_up_with_its_key_named(string key, string value, string message)
    {
        var config = new ConfigurationBuilder().AddConfiguration(SettingsFile.Load(AppContext.BaseDirectory))
            .AddInMemoryCollection(new Dictionary<string, string?> { [$"StatsReporting:Import:{key}"] = value }).Build();
        var e = Assert.Throws<InvalidOperationException>(() => Installation.From(config));
        Assert.Equal(message, e.Message);
    }
}
