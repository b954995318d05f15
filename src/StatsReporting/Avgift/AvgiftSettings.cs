using System.Globalization;
using StatsReporting.Configuration;
using StatsReporting.Decisions;

namespace StatsReporting.Avgift;

/// "StatsReporting:Avgift": what the särskild avgift estimate is computed from. Lists and maps start empty (the
/// configuration binder appends to a list it finds filled); Validate puts in the law's ranges when none are set.
public sealed class AvgiftSettings : ISettingsSection
{
    public static string Section => "StatsReporting:Avgift";

    /// Monthly cost per law and insats, in kronor. A key is a KF row label ("Särskilt boende, ÄO"), an insats
    /// name ("Särskilt boende", for every verksamhet) or an LSS point ("9 § 9"); the row label wins.
    public Dictionary<string, Dictionary<string, decimal>> ManadskostnadKr { get; set; } = new();
    /// The court's range per law, each from the day it applies (spec §1).
    public Dictionary<string, List<AvgiftRange>> Intervall { get; set; } = new();
    /// IVO's repressive surcharge on the saved cost.
    public decimal Paslag { get; set; } = 0.25m;
    /// The sentence in the Text sheet is the nämnd's choice.
    public bool VisaIText { get; set; }
    /// True while the costs are the sample's examples: every output then says so.
    public bool Exempel { get; set; }
    public string? Kommentar { get; set; }

    public static IReadOnlyDictionary<string, AvgiftRange[]> LawRanges { get; } = new Dictionary<string, AvgiftRange[]>
    {
        ["SoL"] = [new() { From = "1900-01-01", MinKr = 10_000, MaxKr = 1_000_000 }],
        ["LSS"] = [new() { From = "1900-01-01", MinKr = 10_000, MaxKr = 1_000_000 }, new() { From = "2026-01-01", MinKr = 15_000, MaxKr = 1_500_000 }],
    };

    /// The range in force on `day`: the latest one from on or before it (the earliest if `day` precedes all).
    public AvgiftRange RangeOn(Lag lag, DateOnly day)
    {
        var ranges = Intervall[lag.ToString()].OrderBy(r => r.FromDate).ToList();
        return ranges.LastOrDefault(r => r.FromDate <= day) ?? ranges[0];
    }

    public decimal? MonthlyCost(CatalogRow row)
    {
        if (!ManadskostnadKr.TryGetValue(row.Lag.ToString(), out var costs)) return null;
        var byKey = costs.GroupBy(c => Text.Key(c.Key)).ToDictionary(g => g.Key, g => g.First().Value);
        return byKey.TryGetValue(Text.Key(row.Label), out var v) || byKey.TryGetValue(Text.Key(row.Insats), out v) ? v : null;
    }

    public void Validate()
    {
        foreach (var (lag, defaults) in LawRanges)
            if (!Intervall.TryGetValue(lag, out var list) || list.Count == 0) Intervall[lag] = [.. defaults];
        foreach (var (lag, list) in Intervall)
        {
            if (!LawRanges.ContainsKey(lag)) throw new InvalidOperationException($"appsettings.json: StatsReporting:Avgift:Intervall:{lag} är ingen lag (SoL eller LSS).");
            foreach (var r in list)
            {
                if (!DateOnly.TryParseExact(r.From, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                    throw new InvalidOperationException($"appsettings.json: StatsReporting:Avgift:Intervall:{lag}: From '{r.From}' är inget datum (ÅÅÅÅ-MM-DD).");
                if (r.MinKr <= 0 || r.MaxKr < r.MinKr)
                    throw new InvalidOperationException($"appsettings.json: StatsReporting:Avgift:Intervall:{lag} från {r.From}: MinKr ska vara större än 0 och högst MaxKr.");
            }
        }
        foreach (var (lag, costs) in ManadskostnadKr)
            foreach (var (insats, kr) in costs)
                if (kr <= 0) throw new InvalidOperationException($"appsettings.json: StatsReporting:Avgift:ManadskostnadKr:{lag}:{insats} ska vara större än 0 (ta bort raden om kostnaden saknas).");
        if (Paslag is < 0 or > 10) throw new InvalidOperationException($"appsettings.json: StatsReporting:Avgift:Paslag ska vara mellan 0 och 10 (0,25 = 25 %), är {Paslag}.");
    }
}

public sealed class AvgiftRange
{
    public string From { get; set; } = "";
    public decimal MinKr { get; set; }
    public decimal MaxKr { get; set; }

    public DateOnly FromDate => DateOnly.ParseExact(From, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
