using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using StatsReporting.Tests.Support;

namespace StatsReporting.Tests.Reports.Document;

/// What a controller gets on paper: both KF workbooks, the IVO workbook and both tjänsteskrivelser converted to PDF
/// by LibreOffice (headless, a private profile, all five files in one run), read back with pdftotext. Needs Debian's
/// libreoffice-calc, libreoffice-writer, fonts-crosextra-carlito and poppler-utils (./test.sh installs them).
public partial class PrintedPdfTests(PrintedPdfTests.Printed p) : IClassFixture<PrintedPdfTests.Printed>
{
    /// A word box from pdftotext -bbox is about 1.3 times the font size in points on this set-up.
    private const double BoxPerPoint = 1.3;

    public sealed partial class Printed : IDisposable
    {
        private readonly SampleOutputs _outputs = new();
        public Dictionary<string, string[]> Pages { get; } = new();
        public Dictionary<string, List<List<double>>> WordHeights { get; } = new();
        public Dictionary<string, string> Info { get; } = new();
        /// The pages with pdftotext -layout: a table's rows stay on their lines.
        public Dictionary<string, string[]> Layout { get; } = new();
        public SampleOutputs Outputs => _outputs;

        public Printed()
        {
            var dir = _outputs.Env.PathOf("pdf");
            var profile = _outputs.Env.PathOf("lo-profile");
            Run("soffice", ["--headless", $"-env:UserInstallation=file://{profile}", "--convert-to", "pdf", "--outdir", dir, .. _outputs.AllOpenXmlFiles]);
            foreach (var file in _outputs.AllOpenXmlFiles)
            {
                var name = Path.GetFileNameWithoutExtension(file);
                var pdf = Path.Combine(dir, name + ".pdf");
                Assert.True(File.Exists(pdf), $"LibreOffice skrev inte {pdf}");
                Info[name] = Run("pdfinfo", [pdf]);
                Layout[name] = Run("pdftotext", ["-layout", pdf, "-"]).Split('\f').SkipLast(1).ToArray();
                Pages[name] = Run("pdftotext", [pdf, "-"]).Split('\f').SkipLast(1).ToArray();
                WordHeights[name] = Regex.Split(Run("pdftotext", ["-bbox", pdf, "-"]), "<page ").Skip(1)
                    .Select(page => Box().Matches(page).Select(m => double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)
                        - double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList()).ToList();
            }
        }

        private static string Run(string program, IReadOnlyList<string> args)
        {
            var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in args) start.ArgumentList.Add(a);
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} startade inte");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(4))) { process.Kill(entireProcessTree: true); throw new TimeoutException(program); }
            Assert.True(process.ExitCode == 0, $"{program} slutade med {process.ExitCode}: {error.Result}");
            return output.Result;
        }

        [GeneratedRegex(@"yMin=""([\d.]+)"" xMax=""[\d.]+"" yMax=""([\d.]+)""")]
        private static partial Regex Box();

        public void Dispose() => _outputs.Dispose();
    }

    private static string Flat(string text) => Regex.Replace(text, @"\s+", " ").Trim();

    private IEnumerable<string> FlatPages(string name) => p.Pages[name].Select(Flat);

    [Fact]
    public void The_main_sentence_and_every_paragraph_of_the_text_sheet_print_whole_on_one_page()
    {
        var text = Xlsx.Read(p.Outputs.Workbook("sol"))["Text"].Select(r => r[0]).Where(l => l.Length > 0).ToList();
        Assert.StartsWith("Socialnämnden rapporterar 82 gynnande beslut om bistånd enligt 4 kap. 1 § SoL", text[3]);
        Assert.Contains(FlatPages("evb-sol-2025Q2"), page => page.Contains(text[3]));
        Assert.All(text, line => Assert.Contains(FlatPages("evb-sol-2025Q2"), page => page.Contains(Flat(line))));
    }

    [Fact]
    public void Every_row_label_of_the_sammanstallning_and_its_total_print()
    {
        var labels = Xlsx.Read(p.Outputs.Workbook("sol"))["Sammanställning"].Skip(1).Select(r => r[0]).ToList();
        Assert.Equal(22, labels.Count);
        var first = p.Layout["evb-sol-2025Q2"][0];
        Assert.All(labels, label => Assert.Contains(label, first));
        Assert.Matches(@"Totalt samtliga verksamheter +44 +38 +82\n", first);
        Assert.Contains("9 § 9 Bostad med särskild service för vuxna eller annan särskilt anpassad bostad för vuxna", Flat(p.Pages["evb-lss-2025Q2"][0]));
        Assert.Matches(@"Summa total +35 +16 +51\n", p.Layout["evb-lss-2025Q2"][0]);
    }

    [Theory]
    [InlineData("10 beslut verkställda")]
    [InlineData("20 beslut ej verkställda, då den enskilde har tackat nej till erbjudande")]
    [InlineData("1 beslut avslutat, då den enskilde har avlidit")]
    [InlineData("17 beslut ej verkställda, då det saknas plats (kö, sanering/renovering/ombyggnation)")]
    [InlineData("Socialnämnden rapporterar 82 gynnande beslut om bistånd enligt 4 kap. 1 § SoL som inte har verkställts inom tre månader")]
    public void The_word_document_prints_the_protocols_reason_lines(string expected) =>
        Assert.Contains(FlatPages("tjansteskrivelse-sol-2025Q2"), page => page.Contains(expected));

    [Theory]
    [InlineData("Totalt ÄO", 39, 23, 62)]
    [InlineData("Totalt OF", 0, 3, 3)]
    [InlineData("Totalt IFO", 5, 12, 17)]
    [InlineData("Totalt samtliga verksamheter", 44, 38, 82)]
    public void The_word_document_prints_the_sammanstallning(string label, int k, int m, int sum) =>
        Assert.Contains(p.Layout["tjansteskrivelse-sol-2025Q2"], page => Regex.IsMatch(page, $@"{label} +{k} +{m} +{sum}\n"));

    [Theory]
    [InlineData("evb-sol-2025Q2", 10)]
    [InlineData("evb-lss-2025Q2", 10)]
    [InlineData("ivo-individrapport-2025Q2", 9)]
    public void The_smallest_text_on_any_page_is_at_least_the_body_size(string name, double points)
    {
        var pages = p.WordHeights[name];
        Assert.NotEmpty(pages);
        var smallest = pages.Select((h, i) => (Page: i + 1, Points: h.Count == 0 ? double.MaxValue : h.Min() / BoxPerPoint)).MinBy(x => x.Points);
        Assert.True(smallest.Points >= points - 0.05, $"{name} sida {smallest.Page}: {smallest.Points:0.0} pt");
    }

    [Theory]
    [InlineData("evb-sol-2025Q2")]
    [InlineData("evb-lss-2025Q2")]
    [InlineData("ivo-individrapport-2025Q2")]
    [InlineData("tjansteskrivelse-sol-2025Q2")]
    [InlineData("tjansteskrivelse-lss-2025Q2")]
    public void Every_page_carries_Sida_N_av_M(string name)
    {
        var pages = p.Pages[name];
        Assert.True(pages.Length >= 2, $"{name}: {pages.Length} sidor");
        for (var i = 0; i < pages.Length; i++) Assert.Contains($"Sida {i + 1} av {pages.Length}", Flat(pages[i]));
    }

    [Theory]
    [InlineData("ivo-individrapport-2025Q2", "Personkod")]
    [InlineData("evb-sol-2025Q2", "Utkast till ärendetext")]
    public void The_header_row_repeats_on_the_next_page(string name, string header)
    {
        var pages = p.Pages[name].Where(page => page.Contains(header)).Count();
        Assert.True(pages >= 2, $"{name}: rubriken på {pages} sidor");
        if (name.StartsWith("ivo")) Assert.Equal(p.Pages[name].Length - 2, pages); // all but Försvunna ärenden and Kontroller
    }

    [Fact]
    public void Every_kf_page_names_kommun_and_namnd_and_the_word_document_prints_on_A4()
    {
        Assert.All(p.Pages["evb-sol-2025Q2"], page => Assert.Contains("Exempelkommunen", page));
        Assert.All(p.Pages["evb-lss-2025Q2"], page => Assert.Contains("Socialnämnden", page));
        Assert.All(p.Pages["tjansteskrivelse-lss-2025Q2"], page => Assert.Contains("Exempelkommunen · Socialnämnden", page));
        Assert.All(p.Info.Values, info => Assert.Matches(@"Page size:\s+(595\.\d+ x 841\.\d+|841\.\d+ x 595\.\d+) pts", info));
    }
}
