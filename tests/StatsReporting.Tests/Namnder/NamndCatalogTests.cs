using System.Text.Json.Nodes;
using StatsReporting.Decisions;
using StatsReporting.Import;
using StatsReporting.Tests.Support;
using StatsReporting.Jobs;

namespace StatsReporting.Tests.Namnder;

/// A nämnd may use its own catalog (Organisation:Namnder:N:Catalog): b here has no IFO.
public class NamndCatalogTests : IDisposable
{
    private readonly TestEnv _env = new();
    public void Dispose() => _env.Dispose();

    private Installation Load(Action<JsonNode> change)
    {
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "appsettings.json")))!;
        var s = config["StatsReporting"]!;
        var own = s["Catalog"]!.DeepClone();
        change(own);
        s["Organisation"]!["Namnder"] = new JsonArray(
            new JsonObject { ["Code"] = "a", ["Name"] = "Socialnämnden", ["Kommun"] = "Exempelkommunen" },
            new JsonObject { ["Code"] = "b", ["Name"] = "Vård- och omsorgsnämnden", ["Kommun"] = "Exempelkommunen", ["Catalog"] = own });
        File.WriteAllText(_env.PathOf("appsettings.json"), config.ToJsonString());
        return Installation.Load(_env.Dir);
    }

    [Fact]
    public void The_sample_imports_under_a_but_not_under_b_whose_catalog_has_no_IFO()
    {
        var settings = Load(c => c["SoL"]!.AsArray().RemoveAt(2));
        StatsReporting.Organisation.Namnder.Sync(_env.Db, settings.Organisation);
        Importer For(string code) => new(_env.Db.For(code), settings.For(code, _env.Db).Catalog,
            _env.PathOf("archive"), _env.Clock);
        Assert.Equal(309, For("a").Import(TestEnv.SampleCsv).New);
        var e = Assert.Throws<ImportFailedException>(() => For("b").Import(TestEnv.SampleCsv));
        Assert.All(e.Errors, x => Assert.Equal("verksamhet", x.Column));
        Assert.Contains(e.Errors, x => x.Message.Contains("'IFO'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_namnds_catalog_is_checked_like_the_installations()
    {
        var x = Assert.Throws<InvalidOperationException>(() => Load(c => c["LSS"]!.AsArray().RemoveAt(0)));
        Assert.Equal("appsettings.json: StatsReporting:Organisation:Namnder:b:Catalog:LSS ska ha 10 punkter (9 § 1–10).", x.Message);
    }
}
