using StatsReporting.Configuration;
using StatsReporting.Decisions;

namespace StatsReporting.Organisation;

/// "StatsReporting:Report": how a nämnd's reports are laid out where it has no settings of its own (NamndSettings),
/// and who they are from (Organisation, set per nämnd by Installation.For).
public sealed class ReportSettings : ISettingsSection
{
    public static string Section => "StatsReporting:Report";

    /// Set per nämnd when its context is made (not a key of Report).
    internal OrganisationSettings Organisation { get; set; } = new();
    public string Namnd => Organisation.Namnd;
    public string Kommun => Organisation.Kommun;
    /// The nämnd's name in output file names when the installation has several nämnder; null with one.
    public string? NamedOutputs => Organisation.Several() ? Organisation.Namnd : null;
    public Dictionary<string, string[]> KonOrder { get; set; } = new();
    /// The first quarter the case system's records describe completely (e.g. "2024Q4"); earlier quarters come only
    /// from imported published tables, or show "uppgift saknas". Empty: every quarter is taken from the records.
    public string? RecordsFrom { get; set; }

    public bool RecordsCover(Period q) => string.IsNullOrEmpty(RecordsFrom) || q >= Period.Parse(RecordsFrom);

    public Kon[] KonColumns(Lag lag) =>
        (KonOrder.GetValueOrDefault(lag.ToString()) ?? ["K", "M"]).Select(k => Catalog.ResolveKon(k)!.Value).ToArray();

    public void Validate()
    {
        if (!string.IsNullOrEmpty(RecordsFrom) && !Period.TryParse(RecordsFrom, out _))
            throw new InvalidOperationException($"appsettings.json: StatsReporting:Report:RecordsFrom '{RecordsFrom}' är ingen period (skriv t.ex. 2024Q4).");
        foreach (var lag in new[] { "SoL", "LSS" })
        {
            var order = KonOrder.GetValueOrDefault(lag) ?? [];
            if (order.Length != 2 || order.Select(k => Catalog.ResolveKon(k)).Distinct().Count(k => k is not null) != 2)
                throw new InvalidOperationException($"appsettings.json: StatsReporting:Report:KonOrder:{lag} ska vara [\"K\",\"M\"] eller [\"M\",\"K\"].");
        }
    }

    /// The same settings as one nämnd's reports see them: its names, and its kön order and RecordsFrom where it has them.
    internal ReportSettings For(NamndSettings n, OrganisationSettings o) => new()
    {
        Organisation = new OrganisationSettings { Kommun = n.Kommun, Namnd = n.Name, Namnder = o.Namnder },
        KonOrder = n.KonOrder ?? KonOrder,
        RecordsFrom = n.RecordsFrom ?? RecordsFrom,
    };
}
