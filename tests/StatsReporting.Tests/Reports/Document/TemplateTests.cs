using System.Diagnostics;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.Configuration;
using StatsReporting.Decisions;
using StatsReporting.Jobs;
using StatsReporting.Language;
using StatsReporting.Reports;
using StatsReporting.Reports.Document;
using StatsReporting.Tests.Support;

namespace StatsReporting.Tests.Reports.Document;

/// The tjänsteskrivelse written into the kommun's own template (Dokument:Mall): its header with the logo, its styles
/// and page are kept, every marker is replaced (one split over three runs in the footer), the body goes where
/// {{innehall}} stands, and the file is valid Open XML that LibreOffice prints with the logo on page 1.
public sealed class TemplateTests : IClassFixture<TemplateTests.Written>
{
    private static readonly Period Q2 = Period.Parse("2025Q2");

    public sealed class Written : IDisposable
    {
        public TestEnv Env { get; } = new();
        public string Template { get; }
        public string Docx { get; }
        public string Pdf { get; }

        public Written()
        {
            Template = TemplateFile.Write(Env.PathOf("mall.docx"));
            Env.Importer().Import(TestEnv.SampleCsv);
            var installation = Load(("StatsReporting:Dokument:Mall", Template), ("StatsReporting:Dokument:Forvaltning", "Omsorgsförvaltningen"),
                ("StatsReporting:Dokument:Handlaggare", ""));
            new ReportService(installation.For(Env.Db)).Write(Q2, Q2.End, Env.PathOf("reports"), input: new DocumentInput("SN 2025/117", null));
            Docx = Env.PathOf("reports/2025Q2/tjansteskrivelse-sol-2025Q2.docx");
            Pdf = Print(Docx, Env.PathOf("pdf"), Env.PathOf("lo"));
        }

        public void Dispose() => Env.Dispose();
    }

    private readonly Written _w;

    public TemplateTests(Written w) => _w = w;

    public static Installation Load(params (string Key, string Value)[] values) =>
        Installation.From(new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"))
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build());

    public static string Print(string docx, string outDir, string profile)
    {
        Run("soffice", ["--headless", $"-env:UserInstallation=file://{profile}", "--convert-to", "pdf", "--outdir", outDir, docx]);
        return Path.Combine(outDir, Path.GetFileNameWithoutExtension(docx) + ".pdf");
    }

    public static string Run(string program, IReadOnlyList<string> args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["LC_ALL"] = "sv_SE.UTF-8";
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(4))) { process.Kill(entireProcessTree: true); throw new TimeoutException(program); }
        Assert.True(process.ExitCode == 0, $"{program} slutade med {process.ExitCode}: {error.Result}");
        return output.Result;
    }

    private static string Today => Prose.Date(DateOnly.FromDateTime(DateTime.Now));

    [Fact]
    public void The_header_keeps_the_logo_and_every_marker_is_replaced_in_body_header_and_footer()
    {
        using var doc = WordprocessingDocument.Open(_w.Docx, false);
        var main = doc.MainDocumentPart!;
        var header = main.HeaderParts.Single();
        Assert.Single(header.ImageParts);
        Assert.Equal(["Kommunens logotyp"], header.Header.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.DocProperties>().Select(d => d.Description!.Value));
        Assert.Equal(["  Exempelkommunen", "Omsorgsförvaltningen"], header.Header.Elements<Paragraph>().Select(p => p.InnerText));
        Assert.Equal($"Socialnämnden · {Today}", main.FooterParts.Single().Footer.InnerText);
        var body = main.Document.Body!.Elements<Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Equal(["Ärendenr: SN 2025/117", "Handläggare: [namn, titel, telefon – fylls i]", "Ej verkställda gynnande beslut enligt SoL, kvartal 2 2025",
            "Omsorgsförvaltningens förslag till beslut"], body.Take(4));
        Assert.Equal(TemplateFile.OwnText, body[^1]);
        foreach (var part in new OpenXmlElement[] { main.Document, header.Header, main.FooterParts.Single().Footer })
            Assert.DoesNotContain("{{", part.InnerText);
        // The marker without a value is today's yellow placeholder.
        Assert.Equal(["[namn, titel, telefon – fylls i]"], main.Document.Body.Elements<Paragraph>().Take(4)
            .SelectMany(p => p.Descendants<Run>()).Where(r => r.RunProperties?.Highlight is not null).Select(r => r.InnerText));
    }

    [Fact]
    public void The_templates_own_style_ids_and_page_are_used_and_ours_fill_in_what_it_lacks()
    {
        using var doc = WordprocessingDocument.Open(_w.Docx, false);
        var main = doc.MainDocumentPart!;
        var used = main.Document.Body!.Descendants<ParagraphStyleId>().Select(s => s.Val!.Value!).ToList();
        Assert.Equal(9, used.Count(s => s == "Rubrik1"));
        Assert.Equal(1, used.Count(s => s == "Rubrik"));
        Assert.DoesNotContain("Heading1", used);
        Assert.DoesNotContain("Title", used);
        var ids = main.StyleDefinitionsPart!.Styles!.Elements<Style>().Select(s => s.StyleId!.Value).ToList();
        Assert.Equal(["Normal", "Rubrik1", "Rubrik", "Heading2", "Caption", "ListParagraph", "TableGrid"], ids);
        var margin = main.Document.Body.Elements<SectionProperties>().Single().GetFirstChild<PageMargin>()!;
        Assert.Equal((1701u, 1134u), (margin.Left!.Value, margin.Right!.Value));
        // The tables fill the template's text width: 11906 − 1701 − 1134 twips.
        Assert.All(main.Document.Body.Elements<Table>(), t => Assert.Equal("9071", t.GetFirstChild<TableProperties>()!.GetFirstChild<TableWidth>()!.Width!.Value));
    }

    [Fact]
    public void The_document_is_valid_open_xml_with_Word_2013_compatibility()
    {
        using var doc = WordprocessingDocument.Open(_w.Docx, false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2016).Validate(doc).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(10)));
        var mode = doc.MainDocumentPart!.DocumentSettingsPart!.Settings!.Descendants<CompatibilitySetting>()
            .Single(c => c.Name!.Value == CompatSettingNameValues.CompatibilityMode);
        Assert.Equal("15", mode.Val!.Value);
    }

    [Fact]
    public void LibreOffice_prints_it_with_the_logo_on_page_1()
    {
        // pdfimages -list: page, num, type, width, height …; the logo is the one 120 × 48 picture of page 1.
        var images = Run("pdfimages", ["-list", _w.Pdf]).Split('\n').Skip(2).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(c => c.Length > 4).Select(c => (Page: int.Parse(c[0]), Width: int.Parse(c[3]), Height: int.Parse(c[4]))).ToList();
        Assert.Contains((1, TemplateFile.LogoWidth, TemplateFile.LogoHeight), images);
        var first = System.Text.RegularExpressions.Regex.Replace(Run("pdftotext", ["-f", "1", "-l", "1", _w.Pdf, "-"]), @"\s+", " ");
        Assert.Contains("Exempelkommunen", first);
        Assert.Contains("Ärendenr: SN 2025/117", first);
        Assert.Contains("Ej verkställda gynnande beslut enligt SoL, kvartal 2 2025", first);
    }

    [Fact]
    public void A_dotx_template_gives_a_docx_document()
    {
        using var env = new TestEnv();
        var dotx = TemplateFile.Write(env.PathOf("mall.dotx"), WordprocessingDocumentType.Template);
        env.Importer().Import(TestEnv.SampleCsv);
        new ReportService(Load(("StatsReporting:Dokument:Mall", dotx)).For(env.Db)).Write(Q2, Q2.End, env.PathOf("reports"));
        using var doc = WordprocessingDocument.Open(env.PathOf("reports/2025Q2/tjansteskrivelse-lss-2025Q2.docx"), false);
        Assert.Equal(WordprocessingDocumentType.Document, doc.DocumentType);
        Assert.Contains("Ej verkställda gynnande beslut enligt LSS, kvartal 2 2025", doc.MainDocumentPart!.Document.Body!.InnerText);
    }

    /// The sample's own template (samples/mall-tjansteskrivelse.docx): its logo, its Diarienummer and Datum in the
    /// header table, the kommun split over three runs in its footer.
    [Fact]
    public void The_sample_template_gives_a_valid_document_with_its_logo_and_every_marker_filled()
    {
        using var env = new TestEnv();
        env.Importer().Import(TestEnv.SampleCsv);
        var mall = Path.Combine(AppContext.BaseDirectory, "Fixtures", "mall-tjansteskrivelse.docx");
        new ReportService(Load(("StatsReporting:Dokument:Mall", mall)).For(env.Db))
            .Write(Q2, Q2.End, env.PathOf("reports"), input: new DocumentInput("SN 2025/117", "Anna Andersson, utredare"));
        using var doc = WordprocessingDocument.Open(env.PathOf("reports/2025Q2/tjansteskrivelse-lss-2025Q2.docx"), false);
        var main = doc.MainDocumentPart!;
        Assert.Single(main.HeaderParts.Single().ImageParts);
        var header = main.HeaderParts.Single().Header.Descendants<Paragraph>().Select(p => p.InnerText).Where(t => t.Length > 0).ToList();
        Assert.Equal(["TJÄNSTESKRIVELSE", "Socialförvaltningen", $"Datum: {Today}", "Diarienummer: SN 2025/117"], header);
        Assert.StartsWith("Exempelkommunen · Box 100", main.FooterParts.Single().Footer.InnerText);
        Assert.Equal(["Socialnämnden", "Handläggare: Anna Andersson, utredare", "Ej verkställda gynnande beslut enligt LSS, kvartal 2 2025"],
            main.Document.Body!.Elements<Paragraph>().Take(3).Select(p => p.InnerText));
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2016).Validate(doc));
    }

    public static TheoryData<string, string> Refused => new()
    {
        { "saknas.docx", "mallen '{0}' finns inte." },
        { "mall.txt", "mallen '{0}' är ingen Word-fil; ange en .docx eller .dotx." },
        { "mall.docm", "mallen '{0}' innehåller makron (.docm/.dotm); spara den som .docx eller .dotx." },
        { "trasig.docx", "mallen '{0}' är skadad och går inte att öppna som Word-fil." },
        { "stor.docx", "mallen '{0}' är större än 20 MB." },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_template_that_is_missing_not_word_macro_enabled_damaged_or_too_large_is_refused_at_start(string name, string message)
    {
        using var env = new TestEnv();
        var path = env.PathOf(name);
        if (name == "mall.txt" || name == "mall.docm") TemplateFile.Write(path);
        if (name == "trasig.docx") File.WriteAllText(path, "PK inte en zip");
        if (name == "stor.docx") using (var f = File.Create(path)) f.SetLength(WordTemplate.MaxBytes + 1);
        var e = Assert.Throws<InvalidOperationException>(() => Load(("StatsReporting:Dokument:Mall", path)));
        Assert.Equal($"appsettings.json: StatsReporting:Dokument:Mall: {string.Format(message, path)}", e.Message);
    }

    [Fact]
    public void A_namnds_own_template_is_checked_at_start_and_named_by_its_setting()
    {
        using var env = new TestEnv();
        var e = Assert.Throws<InvalidOperationException>(() => Namnder.TwoNamnder.Load(("StatsReporting:Organisation:Namnder:1:Dokument:Mall", env.PathOf("b.docx"))));
        Assert.Equal($"appsettings.json: StatsReporting:Organisation:Namnder:b:Dokument:Mall: mallen '{env.PathOf("b.docx")}' finns inte.", e.Message);
    }
}
