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
/// and trend charts as pictures. Its sentences are the Text sheet's (TextDraft and Wording). No person data.
public static class Tjansteskrivelse
{
    public static string FileName(Lag lag, Period p, string? namnd = null) => namnd is null
        ? $"tjansteskrivelse-{lag.ToString().ToLowerInvariant()}-{p}.docx" : $"Tjänsteskrivelse EVB {lag} {p.Swedish} {namnd}.docx";

    /// "Tjänsteskrivelse EVB SoL 2025 kv2.docx", the name a controller downloads it under.
    public static string DisplayName(Lag lag, Period p, string? namnd = null) => $"Tjänsteskrivelse EVB {lag} {p.Swedish}{ReportService.Named(namnd)}.docx";

    public static void Write(KfReport r, IReadOnlyList<ChartImage> charts, Catalog catalog, ReportSettings settings, DateOnly made, string path) =>
        AtomicFile.Write(path, stream =>
        {
            using var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document);
            var main = doc.AddMainDocumentPart();
            WordParts.AddStyles(main);
            WordParts.AddNumbering(main);
            var content = new WordContent(main);
            Compose(content, r, charts, catalog, settings, made);
            var title = TextDraft.Title(r);
            content.Body.Append(WordParts.Section(main, $"{settings.Kommun} · {settings.Namnd}", $"Tjänsteskrivelse {Wording.Date(made)}",
                $"{title}. Framtagen {Wording.Date(made)}"));
            main.Document = new DocumentFormat.OpenXml.Wordprocessing.Document(content.Body);
            main.Document.Save();
            doc.PackageProperties.Title = title;
            doc.PackageProperties.Creator = settings.Namnd;
        });

    private static void Compose(WordContent d, KfReport r, IReadOnlyList<ChartImage> charts, Catalog catalog, ReportSettings settings, DateOnly made)
    {
        d.Paragraph($"{settings.Kommun}, {settings.Namnd}", bold: true);
        d.Paragraph($"Tjänsteskrivelse {Wording.Date(made)}");
        d.Placeholder("Ärendenr:", "fylls i");
        d.Placeholder("Handläggare:", "namn, titel, telefon – fylls i");
        d.Styled("Title", TextDraft.Title(r));

        d.Heading("Förslag till beslut");
        d.Paragraph($"{settings.Namnd} beslutar att överlämna redovisad statistikrapport till kommunfullmäktige.");

        d.Heading("Sammanfattning av ärendet");
        d.Paragraph(Requirement(r));
        d.Paragraph(TextDraft.Main(r, settings));
        d.Styled("Caption", $"Tabell 1. Ej verkställda gynnande beslut per insats och kön, {Wording.Quarter(r.Period)}");
        d.Table(r.Sammanstallning);

        d.Heading("Beskrivning av ärendet");
        d.Paragraph(TextDraft.LawLine(r));
        if (r.Total == 0) d.Paragraph(Wording.NoneToReport);
        foreach (var block in r.Orsaker)
        {
            d.Paragraph(Wording.InsatsIntro(TextDraft.InsatsName(catalog, r.Lag, block.Label), block.Total), keepWithList: true);
            foreach (var line in block.Lines) d.Bullet(Wording.StatusCount(line.Status, line.Reason, line.Count));
        }
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
        d.Table(r.Jamforelse);
        Chart(d, charts, ChartKind.Trend, "Diagram 2");
        d.Paragraph("Uppgifterna är avidentifierade.");

        d.Heading("Beslutsunderlag");
        d.Bullet($"Tjänsteskrivelse {Wording.Date(made)}");
        d.Bullet($"Statistikrapport ej verkställda gynnande beslut enligt {r.LawName}, {Wording.Quarter(r.Period)} "
                 + $"({ReportService.WorkbookDisplayName(r.Lag, r.Period)})");
        if (r.Basis is { } basis) d.Paragraph(basis);

        d.Heading("Beslutet skickas till");
        d.Bullet("Kommunfullmäktige");
        d.Bullet("Kommunens revisorer");
        d.Placeholder("Övriga mottagare:", "fylls i eller stryks");

        d.Paragraph("");
        d.Placeholder("Underskrift:", "namn, titel – fylls i");
    }

    /// What the law asks of the nämnd each quarter, citing the provisions for the decisions' dates (spec §1).
    private static string Requirement(KfReport r) =>
        $"Enligt {TextDraft.Statistics(r)} ska nämnden varje kvartal lämna en statistikrapport till kommunfullmäktige över hur "
        + $"många gynnande beslut enligt {TextDraft.Covered(r)} som inte har verkställts inom tre månader från dagen för "
        + "beslutet. Rapporten ska ange vilka typer av insatser besluten gäller, hur lång tid som har förflutit från dagen för "
        + "varje beslut och om beslutet avser ett avbrott i en verkställighet. Uppgifterna ska lämnas avidentifierade.";

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
