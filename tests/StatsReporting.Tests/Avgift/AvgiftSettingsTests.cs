using System.Text.Json.Nodes;
using StatsReporting.Decisions;
using StatsReporting.Tests.Support;
using StatsReporting.Jobs;
using StatsReporting.Bevakning;
using StatsReporting.Avgift;

namespace StatsReporting.Tests.Avgift;

/// The Avgift and Bevakning sections of appsettings.json: defaults where the nämnd set nothing, Swedish errors naming the key.
public class AvgiftSettingsTests : IDisposable
{
    private readonly TestEnv _env = new();
    public void Dispose() => _env.Dispose();

    private Installation LoadWith(Action<JsonNode> change)
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "appsettings.json")))!;
        change(json["StatsReporting"]!);
        File.WriteAllText(_env.PathOf("appsettings.json"), json.ToJsonString());
        return Installation.Load(_env.Dir);
    }

    [Fact]
    public void Sample_settings_mark_the_costs_as_examples_and_default_to_no_sentence_and_30_days_on_mondays()
    {
        var s = TestEnv.Settings;
        Assert.Equal((true, false, 0.25m, 36_400m), (s.Get<AvgiftSettings>().Exempel, s.Get<AvgiftSettings>().VisaIText, s.Get<AvgiftSettings>().Paslag, s.Get<AvgiftSettings>().ManadskostnadKr["SoL"]["Särskilt boende"]));
        Assert.Equal((30, "0 7 * * 1", "Europe/Stockholm"), (s.Get<BevakningSettings>().Days, s.Get<BevakningSettings>().Cron, s.Get<BevakningSettings>().TimeZone));
    }

    [Fact]
    public void Without_ranges_the_laws_own_apply_with_the_lss_raise_from_2026()
    {
        var s = LoadWith(j => j["Avgift"]!.AsObject().Remove("Intervall"));
        var r = s.Get<AvgiftSettings>().RangeOn(Lag.LSS, new DateOnly(2026, 1, 1));
        Assert.Equal((15_000m, 1_500_000m), (r.MinKr, r.MaxKr));
        Assert.Equal(10_000m, s.Get<AvgiftSettings>().RangeOn(Lag.LSS, new DateOnly(2025, 12, 31)).MinKr);
    }

    [Fact]
    public void A_zero_cost_or_a_range_upside_down_is_refused_with_its_key()
    {
        var e = Assert.Throws<InvalidOperationException>(() => LoadWith(j => j["Avgift"]!["ManadskostnadKr"]!["SoL"]!["Hemtjänst"] = 0));
        Assert.Equal("appsettings.json: StatsReporting:Avgift:ManadskostnadKr:SoL:Hemtjänst ska vara större än 0 (ta bort raden om kostnaden saknas).", e.Message);
        e = Assert.Throws<InvalidOperationException>(() => LoadWith(j => j["Avgift"]!["Intervall"]!["SoL"]![0]!["MaxKr"] = 5000));
        Assert.Equal("appsettings.json: StatsReporting:Avgift:Intervall:SoL från 1900-01-01: MinKr ska vara större än 0 och högst MaxKr.", e.Message);
        e = Assert.Throws<InvalidOperationException>(() => LoadWith(j => j["Bevakning"]!["Days"] = 400));
        Assert.Equal("appsettings.json: StatsReporting:Bevakning:Days ska vara 0–366 (är 400).", e.Message);
    }
}
