using StatsReporting.Configuration;

namespace StatsReporting.Decisions;

/// "StatsReporting:Catalog": the verksamheter, insatser and orsaker of spec §4 (a nämnd may have its own, whole, under
/// Organisation:Namnder).
public sealed class CatalogSettings : ISettingsSection
{
    public static string Section => "StatsReporting:Catalog";

    public List<VerksamhetSettings> SoL { get; set; } = [];
    public List<string> LSS { get; set; } = [];
    public Dictionary<string, string> InsatsAliases { get; set; } = new();
    public List<OrsakSettings> Orsaker { get; set; } = [];

    public void Validate() => Validate(Section);

    /// `where`: the key the catalog was read from, for the message.
    public void Validate(string where)
    {
        if (SoL.Count == 0) throw new InvalidOperationException($"appsettings.json: {where}:SoL är tom.");
        if (LSS.Count != 10) throw new InvalidOperationException($"appsettings.json: {where}:LSS ska ha 10 punkter (9 § 1–10).");
        if (Orsaker.All(o => o.Code != Catalog.OvrigtCode))
            throw new InvalidOperationException($"appsettings.json: {where}:Orsaker saknar OVRIGT.");
    }
}

public sealed class VerksamhetSettings
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public List<string> Aliases { get; set; } = [];
    public List<string> Insatser { get; set; } = [];
}

public sealed class OrsakSettings
{
    public string Code { get; set; } = "";
    public string Label { get; set; } = "";
    public bool Closing { get; set; }
    /// Other spellings that resolve to this orsak on import (e.g. an earlier label).
    public List<string> Aliases { get; set; } = [];
}
