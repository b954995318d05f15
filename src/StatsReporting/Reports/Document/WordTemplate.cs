using System.IO.Compression;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using StatsReporting.FileSystem;

namespace StatsReporting.Reports.Document;

/// The kommun's own Word template (Dokument:Mall), checked when the program starts and read when a document is made.
public static partial class WordTemplate
{
    public const long MaxBytes = 20L * 1024 * 1024;
    /// A template's parts unpacked, at most: a zip that unpacks to more is refused as damaged.
    private const long MaxUnpackedBytes = 100L * 1024 * 1024;

    /// Refuses, in Swedish naming the setting, a template that is missing, not a Word file, macro-enabled, damaged or
    /// over 20 MB. Returns its bytes.
    public static byte[] Check(string path, string setting)
    {
        string Refuse(string why) => throw new InvalidOperationException($"appsettings.json: {setting}: mallen '{UserText.Escape(path)}' {why}");
        var ext = Path.GetExtension(path).ToLowerInvariant();
        if (ext is ".docm" or ".dotm") Refuse("innehåller makron (.docm/.dotm); spara den som .docx eller .dotx.");
        if (ext is not (".docx" or ".dotx")) Refuse("är ingen Word-fil; ange en .docx eller .dotx.");
        var info = new FileInfo(path);
        if (!info.Exists) Refuse("finns inte.");
        if (info.Length > MaxBytes) Refuse($"är större än {MaxBytes / 1024 / 1024} MB.");
        var bytes = File.ReadAllBytes(path);
        try
        {
            using (var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read))
                if (zip.Entries.Sum(e => e.Length) > MaxUnpackedBytes) Refuse("är skadad (packar upp till mer än 100 MB).");
            using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
            if (doc.DocumentType is DocumentFormat.OpenXml.WordprocessingDocumentType.MacroEnabledDocument
                or DocumentFormat.OpenXml.WordprocessingDocumentType.MacroEnabledTemplate)
                Refuse("innehåller makron; spara den som .docx eller .dotx.");
            if (doc.MainDocumentPart?.Document?.Body is null) Refuse("är skadad (dokumentet saknar innehåll).");
        }
        catch (Exception e) when (e is InvalidDataException or OpenXmlPackageException or System.Xml.XmlException or IOException
                                      or FileFormatException)
        {
            Refuse("är skadad och går inte att öppna som Word-fil.");
        }
        return bytes;
    }

    /// The template's bytes written to `stream` and opened there for editing, as a document (a .dotx becomes a .docx).
    internal static WordprocessingDocument Open(byte[] template, Stream stream)
    {
        stream.Write(template);
        stream.Position = 0;
        var doc = WordprocessingDocument.Open(stream, true);
        if (doc.DocumentType == WordprocessingDocumentType.Template) doc.ChangeDocumentType(WordprocessingDocumentType.Document);
        return doc;
    }

    /// Whether the template has `{{name}}` anywhere: body, headers or footers (a marker split across runs too).
    internal static bool HasMarker(MainDocumentPart main, string name) => Roots(main).Any(r => r.InnerText.Contains($"{{{{{name}}}}}"));

    /// The generated body where the paragraph {{innehall}} stands (after the template's own text when there is none),
    /// then every marker replaced in body, headers and footers; a marker without a value becomes a yellow placeholder.
    internal static void Fill(MainDocumentPart main, Body content, IReadOnlyDictionary<string, string?> fields)
    {
        var body = main.Document.Body!;
        var items = content.ChildElements.ToList();
        foreach (var item in items) item.Remove();
        var at = body.Elements<Paragraph>().FirstOrDefault(p => p.InnerText.Trim() == "{{innehall}}");
        foreach (var item in items)
            if (at is not null) at.InsertBeforeSelf(item);
            else if (body.LastChild is SectionProperties section) section.InsertBeforeSelf(item);
            else body.Append(item);
        at?.Remove();
        foreach (var root in Roots(main))
            foreach (var p in root.Descendants<Paragraph>().ToList()) Replace(p, fields);
        foreach (var h in main.HeaderParts) h.Header.Save();
        foreach (var f in main.FooterParts) f.Footer.Save();
    }

    private static IEnumerable<OpenXmlElement> Roots(MainDocumentPart main) =>
        new OpenXmlElement[] { main.Document.Body! }.Concat(main.HeaderParts.Select(h => h.Header)).Concat(main.FooterParts.Select(f => f.Footer));

    /// What a marker without a value asks for.
    private static readonly Dictionary<string, string> Asks = new()
    {
        ["arendenr"] = "ärendenummer – fylls i", ["handlaggare"] = "namn, titel, telefon – fylls i", ["forvaltning"] = "förvaltning – fylls i",
    };

    /// Word splits typed text into runs (spell-check, revision ids): the marker is found in the paragraph's text, its
    /// characters removed from the runs it spans, and the value put in a run of its own with the first run's look.
    private static void Replace(Paragraph p, IReadOnlyDictionary<string, string?> fields)
    {
        for (var guard = 0; guard < 200; guard++)
        {
            var texts = p.Descendants<Text>().ToList();
            var all = string.Concat(texts.Select(t => t.Text));
            var m = Marker().Matches(all).FirstOrDefault(x => fields.ContainsKey(x.Groups[1].Value));
            if (m is null) return;
            var (start, end) = (Locate(texts, m.Index), Locate(texts, m.Index + m.Length - 1));
            var first = texts[start.Element];
            var suffix = texts[end.Element].Text[(end.Offset + 1)..];
            var run = first.Ancestors<Run>().First();
            first.Text = first.Text[..start.Offset];
            first.Space = SpaceProcessingModeValues.Preserve;
            for (var i = start.Element + 1; i <= end.Element; i++) texts[i].Text = i == end.Element ? suffix : "";
            if (end.Element != start.Element) texts[end.Element].Space = SpaceProcessingModeValues.Preserve;
            var name = m.Groups[1].Value;
            var value = fields[name];
            var valueRun = Styled(run, value ?? $"[{Asks.GetValueOrDefault(name, "fylls i")}]", highlight: value is null);
            run.InsertAfterSelf(valueRun);
            if (end.Element == start.Element && suffix.Length > 0) valueRun.InsertAfterSelf(Styled(run, suffix, highlight: false));
        }
    }

    private static (int Element, int Offset) Locate(List<Text> texts, int index)
    {
        for (var i = 0; i < texts.Count; i++)
        {
            if (index < texts[i].Text.Length) return (i, index);
            index -= texts[i].Text.Length;
        }
        throw new InvalidOperationException("Internt fel: markören ligger utanför stycket.");
    }

    /// A run with `like`'s properties (font, size, style) and the text; yellow when it is a placeholder.
    private static Run Styled(Run like, string text, bool highlight)
    {
        var props = (RunProperties?)like.RunProperties?.CloneNode(true) ?? new RunProperties();
        props.RemoveAllChildren<Highlight>();
        if (highlight)
        {
            var mark = new Highlight { Val = HighlightColorValues.Yellow };
            var after = props.ChildElements.FirstOrDefault(e => HighlightSuccessors.Contains(e.LocalName));
            if (after is null) props.Append(mark); else after.InsertBeforeSelf(mark);
        }
        var run = new Run();
        if (props.HasChildren) run.Append(props);
        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    /// The elements of w:rPr that come after w:highlight in the schema.
    private static readonly HashSet<string> HighlightSuccessors =
        ["u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath"];

    [GeneratedRegex(@"\{\{\s*([a-zåäö]+)\s*\}\}")]
    private static partial Regex Marker();
}
