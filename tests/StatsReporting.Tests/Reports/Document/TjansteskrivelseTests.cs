using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using StatsReporting.Tests.Support;

namespace StatsReporting.Tests.Reports.Document;

/// The Word tjänsteskrivelse, read back with OpenXml: its sections, real tables with the protocol's numbers, the
/// reason breakdown as bullets, the charts as pictures, marked placeholders, A4; and every file is valid Open XML.
public class TjansteskrivelseTests(SampleOutputs outputs) : IClassFixture<SampleOutputs>
{
    private static List<string[]> Rows(Table t) =>
        t.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToArray()).ToList();

    [Fact]
    public void Every_xlsx_and_docx_the_program_writes_is_valid_open_xml()
    {
        foreach (var path in outputs.AllOpenXmlFiles)
        {
            using OpenXmlPackage doc = path.EndsWith(".docx") ? WordprocessingDocument.Open(path, false) : SpreadsheetDocument.Open(path, false);
            var errors = new OpenXmlValidator(FileFormatVersions.Office2016).Validate(doc)
                .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
            Assert.True(errors.Count == 0, $"{Path.GetFileName(path)}:\n{string.Join("\n", errors.Take(10))}");
        }
    }

    [Fact]
    public void The_sections_of_the_seed_protocol_come_in_order()
    {
        using var doc = WordprocessingDocument.Open(outputs.Docx("sol"), false);
        var headings = doc.MainDocumentPart!.Document.Body!.Elements<Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value is "Heading1" or "Title").Select(p => p.InnerText).ToList();
        Assert.Equal(["Ej verkställda gynnande beslut enligt SoL, kvartal 2 2025", "Socialförvaltningens förslag till beslut", "Sammanfattning av ärendet",
            "Beskrivning av ärendet", "Jämförelse med tidigare kvartal", "Jämställdhetsanalys", "Barnrättsperspektiv", "Ekonomiska konsekvenser",
            "Beslutsunderlag", "Beslutet skickas till"], headings);
        var text = doc.MainDocumentPart.Document.Body.InnerText;
        Assert.Contains("Socialnämnden beslutar att överlämna redovisad statistikrapport till kommunfullmäktige och kommunens revisorer.", text);
        Assert.Contains("Enligt 16 kap. 6 h § socialtjänstlagen (2001:453), SoL, ska nämnden varje kvartal", text);
    }

    [Theory]
    [InlineData("Totalt ÄO", "39", "23", "62")]
    [InlineData("Totalt OF", "0", "3", "3")]
    [InlineData("Totalt IFO", "5", "12", "17")]
    [InlineData("Totalt samtliga verksamheter", "44", "38", "82")]
    [InlineData("Korttidsboende, ÄO", "-", "-", "-")]
    public void Sammanstallning_is_a_word_table_with_bold_sums_and_dash_zero_rows(string label, string k, string m, string sum)
    {
        using var doc = WordprocessingDocument.Open(outputs.Docx("sol"), false);
        var table = doc.MainDocumentPart!.Document.Body!.Elements<Table>().First();
        var rows = Rows(table);
        Assert.Equal(["Verksamhet och insats (SoL)", "Kvinnor", "Män", "Summa total"], rows[0]);
        Assert.Equal([label, k, m, sum], rows.Single(r => r[0] == label));
        var row = table.Elements<TableRow>().Single(r => r.GetFirstChild<TableCell>()!.InnerText == label);
        Assert.Equal(label.StartsWith("Totalt"), row.Descendants<Bold>().Any());
        Assert.NotNull(table.Elements<TableRow>().First().TableRowProperties!.GetFirstChild<TableHeader>());
    }

    [Fact]
    public void The_tables_are_sammanstallning_vantetid_avbrott_and_jamforelse()
    {
        using var doc = WordprocessingDocument.Open(outputs.Docx("sol"), false);
        var tables = doc.MainDocumentPart!.Document.Body!.Elements<Table>().Select(Rows).ToList();
        Assert.Equal(4, tables.Count);
        // Väntetid and Avbrott in short: the verksamheter and the total.
        Assert.Equal(["Totalt ÄO", "Totalt OF", "Totalt IFO", "Totalt samtliga verksamheter"], tables[1].Skip(1).Select(r => r[0]));
        Assert.Equal(["Totalt samtliga verksamheter", "40", "26", "16", "0", "82"], tables[1][^1]);
        Assert.Equal(["Totalt samtliga verksamheter", "82", "0", "82"], tables[2][^1]);
        Assert.Equal(["Verksamhet och insats (SoL)", "Ej påbörjade", "Avbrott", "Summa total"], tables[2][0]);
        Assert.Equal(["Totalt samtliga verksamheter", "95", "86", "82"], tables[3][^1]);
    }

    [Fact]
    public void LSS_short_tables_keep_the_points_with_decisions()
    {
        using var doc = WordprocessingDocument.Open(outputs.Docx("lss"), false);
        var vantetid = Rows(doc.MainDocumentPart!.Document.Body!.Elements<Table>().ElementAt(1));
        Assert.Equal(["9 § 2 Biträde av personlig assistans", "9 § 4 Biträde av kontaktperson",
            "9 § 9 Bostad med särskild service för vuxna eller annan särskilt anpassad bostad för vuxna", "9 § 10 Daglig verksamhet", "Summa total"],
            vantetid.Skip(1).Select(r => r[0]));
    }

    [Fact]
    public void The_reason_breakdown_is_a_bullet_list_per_insats()
    {
        using var doc = WordprocessingDocument.Open(outputs.Docx("sol"), false);
        var paragraphs = doc.MainDocumentPart!.Document.Body!.Elements<Paragraph>().ToList();
        var intro = paragraphs.FindIndex(p => p.InnerText == "Särskilt boende (ÄO), 48 beslut:");
        var bullets = paragraphs.Skip(intro + 1).TakeWhile(p => p.ParagraphProperties?.NumberingProperties is not null).ToList();
        Assert.Equal(["10 beslut verkställda", "1 beslut avslutat, då den enskilde har avlidit",
            "20 beslut ej verkställda, då den enskilde har tackat nej till erbjudande",
            "17 beslut ej verkställda, då det saknas plats (kö, sanering/renovering/ombyggnation)"], bullets.Select(p => p.InnerText));
        // The lead line and every item but the last keep with what follows: the list is not parted from its lead line.
        Assert.NotNull(paragraphs[intro].ParagraphProperties!.KeepNext);
        Assert.Equal([true, true, true, false], bullets.Select(p => p.ParagraphProperties!.KeepNext is not null));
    }

    [Fact]
    public void The_kon_and_trend_charts_are_pictures_and_the_page_is_A4_with_margins()
    {
        using var doc = WordprocessingDocument.Open(outputs.Docx("lss"), false);
        var main = doc.MainDocumentPart!;
        Assert.Equal(2, main.ImageParts.Count());
        Assert.Equal(["Ej verkställda beslut per insats och kön, LSS 2025 kv2", "Ej verkställda beslut per kvartal, LSS 2024 kv4–2025 kv2"],
            main.Document.Body!.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.DocProperties>().Select(d => d.Description!.Value));
        var section = main.Document.Body.GetFirstChild<SectionProperties>()!;
        Assert.Equal((11906u, 16838u), (section.GetFirstChild<PageSize>()!.Width!.Value, section.GetFirstChild<PageSize>()!.Height!.Value));
        Assert.Equal(1418u, section.GetFirstChild<PageMargin>()!.Left!.Value);
        Assert.Contains("NUMPAGES", main.FooterParts.Single().Footer.Descendants<SimpleField>().Select(f => f.Instruction!.Value!.Trim()));
    }

    /// Word opens it in its normal mode, not in compatibility mode: word/settings.xml says Word 2013 or later (15).
    [Fact]
    public void The_document_has_settings_with_Word_2013_compatibility()
    {
        using var doc = WordprocessingDocument.Open(outputs.Docx("sol"), false);
        var settings = doc.MainDocumentPart!.DocumentSettingsPart!.Settings!;
        Assert.Equal("15", settings.Descendants<CompatibilitySetting>().Single(c => c.Name!.Value == CompatSettingNameValues.CompatibilityMode).Val!.Value);
        Assert.Equal("/word/settings.xml", doc.MainDocumentPart.DocumentSettingsPart.Uri.ToString());
    }

    [Fact]
    public void Placeholders_are_highlighted_and_no_person_data_or_command_line_is_in_the_document()
    {
        foreach (var law in new[] { "sol", "lss" })
        {
            using var doc = WordprocessingDocument.Open(outputs.Docx(law), false);
            var body = doc.MainDocumentPart!.Document.Body!;
            var marked = body.Descendants<Run>().Where(r => r.RunProperties?.Highlight is not null).Select(r => r.InnerText).ToList();
            Assert.Equal(["[fylls i]", "[namn, titel, telefon – fylls i]", "[fylls i eller stryks]", "[namn, titel – fylls i]"], marked);
            var text = body.InnerText;
            Assert.DoesNotMatch(@"\d{8}-T", text);
            Assert.DoesNotContain("A-0", text);
            Assert.DoesNotContain("p.g.a.", text);
            Assert.DoesNotContain("--import", text);
        }
    }

    [Fact]
    public void The_document_and_the_text_sheet_share_their_sentences()
    {
        using var doc = WordprocessingDocument.Open(outputs.Docx("sol"), false);
        var paragraphs = doc.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Select(p => p.InnerText).ToHashSet();
        var sheet = Xlsx.Read(outputs.Workbook("sol"))["Text"].Skip(2).Select(r => r[0].StartsWith("– ") ? r[0][2..] : r[0])
            .Where(l => l.Length > 0 && !l.StartsWith("Uppgifterna är avidentifierade")).ToList();
        Assert.True(sheet.Count > 20);
        Assert.All(sheet, line => Assert.Contains(line, paragraphs));
    }
}
