using System.Globalization;
using StatsReporting.Decisions;
using StatsReporting.Language;

namespace StatsReporting.Avgift;

/// The Swedish words of the estimate, the same in every output: it is an uppskattning, not IVO's or a court's.
public static class AvgiftText
{
    private static readonly CultureInfo Sv = CultureInfo.GetCultureInfo("sv-SE");

    public static string Kr(decimal kr) => kr.ToString("#,##0", Sv).Replace('\u00a0', ' ') + " kr";

    public static string Months(decimal m) => m.ToString("0.0", Sv);

    public const string Saknas = "kostnad saknas";

    public static string Basis(AvgiftReport a) =>
        $"Uppskattning: månadskostnad × månader från första försenade dag till verkställighet eller avslut (annars till "
        + $"{Prose.Date(a.AsOf)}) × (1 + påslag {(a.Surcharge * 100).ToString("0.##", Sv)} %), per beslut inom intervallet "
        + $"{Kr(a.Range.MinKr)}–{Kr(a.Range.MaxKr)} som gäller för {a.Lag} den {Prose.Date(a.AsOf)}. Kostnader för insatser som getts "
        + "under väntetiden och kommunens ansträngningar är inte avräknade.";

    public const string NoClaim = "Uppskattningen är inget besked om att IVO ansöker om särskild avgift; det är förvaltningsrätten som bestämmer en avgift.";

    public const string ExampleCosts = "Månadskostnaderna är exempel och ska ersättas med kommunens egna kostnader.";

    public static string ExcludedLine(AvgiftReport a) => a.Excluded == 0 ? "Alla beslut har en månadskostnad."
        : $"{a.Excluded} beslut saknar månadskostnad för sin insats ({Saknas}) och ingår inte i summorna.";

    public static IReadOnlyList<string> Notes(AvgiftReport a) =>
        [Basis(a), NoClaim, ExcludedLine(a), .. a.Exempel ? new[] { ExampleCosts } : []];

    /// The Text sheet's sentence (only when Avgift:VisaIText is on).
    public static string Sentence(AvgiftReport a) =>
        $"En uppskattning av den särskilda avgift som förseningarna skulle kunna motsvara är {Kr(a.TotalKr)} för {a.WithCost} av "
        + $"{a.Items.Count} beslut (månadskostnad × försening × {(1 + a.Surcharge).ToString("0.00", Sv)}, inom lagens intervall"
        + (a.Excluded > 0 ? $"; {a.Excluded} beslut utan månadskostnad ingår inte" : "")
        + (a.Exempel ? "; månadskostnaderna är exempel" : "") + "). " + NoClaim;
}
