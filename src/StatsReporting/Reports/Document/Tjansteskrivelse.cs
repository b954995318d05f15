using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using StatsReporting.Decisions;
using StatsReporting.Reports.Charts;
using StatsReporting.FileSystem;
using StatsReporting.Language;
using StatsReporting.Organisation;

namespace StatsReporting.Reports.Document;

/// The tjänsteskrivelse to the nämnd for one law and quarter (spec §9, the seed protocols' § 73 and § 74), as a Word
/// document: the standard sections, the tables as Word tables, the reason breakdown as bullets per insats and the kön
/// and trend charts as pictures, then Jämställdhetsanalys, Barnrättsperspektiv, Ekonomiska konsekvenser and the kommun's
/// own sections. Its sentences are the Text sheet's (TextDraft and Wording). No person data. Written into the
/// kommun's own template (Dokument:Mall) when there is one, else in the built-in layout.
public static class Tjansteskrivelse
{
    public static string FileName(Lag lag, Period p, string? namnd = null) => namnd is null
        ? $"tjansteskrivelse-{lag.ToString().ToLowerInvariant()}-{p}.docx" : $"Tjänsteskrivelse EVB {lag} {p.Swedish} {namnd}.docx";

    /// "Tjänsteskrivelse EVB SoL 2025 kv2.docx", the name a controller downloads it under.
    public static string DisplayName(Lag lag, Period p, string? namnd = null) => $"Tjänsteskrivelse EVB {lag} {p.Swedish}{ReportService.Named(namnd)}.docx";

    public static void Write(KfReport r, IReadOnlyList<ChartImage> charts, Catalog catalog, ReportSettings settings, DateOnly made, string path,
        DocumentOptions? options = null)
    {
        options ??= DocumentOptions.BuiltIn;
        var template = options.Template is { } mall ? WordTemplate.Check(mall, $"{DocumentSettings.Section}:Mall") : null;
        var title = TextDraft.Title(r);
        var fields = new Dictionary<string, string?>
        {
            ["kommun"] = settings.Kommun, ["namnd"] = settings.Namnd, ["forvaltning"] = options.Forvaltning, ["arendenr"] = options.Arendenr,
            ["datum"] = Prose.Date(made), ["handlaggare"] = options.Handlaggare, ["rubrik"] = title,
        };
        AtomicFile.Write(path, stream =>
        {
            using var doc = template is null ? BuiltIn(stream) : WordTemplate.Open(template, stream);
            var main = doc.MainDocumentPart!;
            var styles = WordParts.EnsureStyles(main);
            var bullets = WordParts.EnsureNumbering(main);
            WordParts.EnsureSettings(main);
            var content = new WordContent(main, styles, bullets, WordParts.TextWidthOf(main));
            if (template is null) Letterhead(content, settings, options, made);
            if (template is null || !WordTemplate.HasMarker(main, "rubrik")) content.Styled("Title", title);
            Compose(content, r, charts, catalog, settings, made, options);
            if (template is null)
            {
                content.Body.Append(WordParts.Section(main, $"{settings.Kommun} · {settings.Namnd}", $"Tjänsteskrivelse {Prose.Date(made)}",
                    $"{title}. Framtagen {Prose.Date(made)}"));
                main.Document = new DocumentFormat.OpenXml.Wordprocessing.Document(content.Body);
            }
            else WordTemplate.Fill(main, content.Body, fields);
            main.Document.Save();
            doc.PackageProperties.Title = title;
            doc.PackageProperties.Creator = settings.Namnd;
        });
    }

    private static WordprocessingDocument BuiltIn(Stream stream)
    {
        var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document);
        doc.AddMainDocumentPart().Document = new DocumentFormat.OpenXml.Wordprocessing.Document(new Body());
        return doc;
    }

    /// The built-in layout's first lines; a template carries its own (its markers).
    private static void Letterhead(WordContent d, ReportSettings settings, DocumentOptions options, DateOnly made)
    {
        d.Paragraph($"{settings.Kommun}, {settings.Namnd}", bold: true);
        d.Paragraph($"Tjänsteskrivelse {Prose.Date(made)}");
        if (options.Forvaltning is { } f) d.Paragraph(f);
        d.Field("Ärendenr:", options.Arendenr, "fylls i");
        d.Field("Handläggare:", options.Handlaggare, "namn, titel, telefon – fylls i");
    }

    private static void Compose(WordContent d, KfReport r, IReadOnlyList<ChartImage> charts, Catalog catalog, ReportSettings settings, DateOnly made,
        DocumentOptions options)
    {
        var manFirst = settings.KonColumns(r.Lag)[0] == Kon.M;
        d.Heading(Sections.ProposalHeading(options.Forvaltning));
        d.Paragraph(Sections.Proposal(settings.Namnd));

        d.Heading("Sammanfattning av ärendet");
        d.Paragraph(TextDraft.Requirement(r));
        d.Paragraph(TextDraft.Main(r, settings));
        d.Styled("Caption", $"Tabell 1. Ej verkställda gynnande beslut per insats och kön, {Wording.Quarter(r.Period)}");
        d.Table(r.Sammanstallning);

        d.Heading("Beskrivning av ärendet");
        d.Paragraph(TextDraft.LawLine(r));
        if (r.Total == 0) d.Paragraph(Wording.NoneToReport);
        foreach (var block in r.Orsaker)
            d.List(Wording.InsatsIntro(TextDraft.InsatsName(catalog, r.Lag, block.Label), block.Total),
                block.Lines.Select(line => Wording.StatusCount(line.Status, line.Reason, line.Count)).ToList());
        foreach (var fact in TextDraft.Facts(r)) d.Paragraph(fact);
        var per = r.Lag == Lag.SoL ? "per verksamhet" : "per insats med beslut";
        d.Styled("Caption", $"Tabell 2. Tid sedan beslutet eller avbrottet, {per}");
        d.Table(Short(r.Vantetid));
        d.Styled("Caption", $"Tabell 3. Beslut som avser avbrott i en påbörjad insats, {per}");
        d.Table(Short(r.Avbrott));
        Chart(d, charts, ChartKind.Kon, "Diagram 1");

        d.Heading("Jämförelse med tidigare kvartal");
        d.Paragraph(TextDraft.Comparison(r));
        d.Styled("Caption", "Tabell 4. Antal ej verkställda beslut vid utgången av de tre senaste kvartalen");
        // The quarters as the charts name them ("2025 kv2"), not as the workbook's dates.
        d.Table(r.Jamforelse with { Columns = r.Period.Window(r.Jamforelse.Columns.Count).Select(q => q.Swedish).ToList() });
        Chart(d, charts, ChartKind.Trend, "Diagram 2");
        d.Paragraph("Uppgifterna är avidentifierade.");

        Section(d, "Jämställdhetsanalys", Sections.Jamstalldhet(r, manFirst));
        Section(d, "Barnrättsperspektiv", Sections.Barnratt(r));
        Section(d, "Ekonomiska konsekvenser", Sections.Ekonomi(r));
        foreach (var fixedSection in options.Avsnitt) Section(d, fixedSection.Rubrik, [new(fixedSection.Text)]);

        d.Heading("Beslutsunderlag");
        d.List(null, [$"Tjänsteskrivelse, {Prose.Date(made)}", Sections.Attachment(r)]);
        if (r.Basis is { } basis) d.Paragraph(basis);

        // The last block and the signature stay on one page: no page holds only the signature.
        d.Heading("Beslutet skickas till");
        d.List(null, ["Kommunfullmäktige", "Kommunens revisorer"], keepAll: true);
        d.Field("Övriga mottagare:", null, "fylls i eller stryks", keepNext: true);
        d.Paragraph("", keepNext: true);
        if (options.Forvaltning is { } f) d.Paragraph(f, keepNext: true);
        d.Field("Underskrift:", null, "namn, titel – fylls i");
    }

    private static void Section(WordContent d, string heading, IReadOnlyList<SectionText> texts)
    {
        d.Heading(heading);
        foreach (var t in texts)
            if (t.List is { Count: > 0 } list) d.List(t.Text, list);
            else d.Paragraph(t.Text);
    }

    /// Väntetid and Avbrott in short: per verksamhet and in total for SoL, the points with decisions and the total for LSS.
    private static ReportTable Short(ReportTable t) => t with
    {
        Rows = t.Rows.Where(r => r.Kind != RowKind.Detail || (!t.Rows.Any(x => x.Kind == RowKind.Subtotal) && !r.IsZero)).ToList(),
    };

    private static void Chart(WordContent d, IReadOnlyList<ChartImage> charts, ChartKind kind, string number)
    {
        if (charts.FirstOrDefault(c => c.Kind == kind) is not { } chart) return;
        d.Styled("Caption", $"{number}. {chart.Title}");
        d.Picture(chart.Png, chart.Title, ChartRenderer.Width, ChartRenderer.Height);
    }
}
