using ScottPlot;
using SkiaSharp;

namespace StatsReporting.Reports.Charts;

/// The charts' font, DejaVu Sans, shipped inside the assembly (Fonts/LICENSE.txt). Skia on Linux picks a serif font
/// by default, and on a machine without fonts ScottPlot draws no text at all and says nothing; with the font
/// embedded the charts look the same everywhere.
public static class ChartFont
{
    public const string Name = "DejaVu Sans";

    private static readonly Lazy<Resolver> Registered = new(() =>
    {
        var resolver = new Resolver(Load("DejaVuSans.ttf"), Load("DejaVuSans-Bold.ttf"));
        ScottPlot.Fonts.FontResolvers.Insert(0, resolver);
        ScottPlot.Fonts.Default = Name;
        return resolver;
    });

    /// Idempotent; must run before a Plot is created, since a plot takes its font names from Fonts.Default.
    public static void Register() => _ = Registered.Value;

    private static SKData Load(string file)
    {
        using var stream = typeof(ChartFont).Assembly.GetManifestResourceStream($"fonts/{file}")
            ?? throw new InvalidOperationException($"Typsnittet {file} saknas i programmet.");
        return SKData.Create(stream);
    }

    /// A new typeface per request: ScottPlot disposes the typefaces it is given.
    private sealed class Resolver(SKData regular, SKData bold) : IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
            fontName == Name ? SKTypeface.FromData(weight >= FontWeight.SemiBold ? bold : regular) : null;

        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
            CreateTypeface(fontName, bold ? FontWeight.Bold : FontWeight.Normal, FontSlant.Upright, FontSpacing.Normal);
    }
}
