using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using StatsReporting.Decisions;
using StatsReporting.Reports;
using StatsReporting.Reports.Document;
using StatsReporting.Tests.Support;

namespace StatsReporting.Tests.Reports.Document;

/// Every sentence the program writes for the nämnd (the tjänsteskrivelse's paragraphs, list items and labels, and
/// the Text sheet) in one Swedish style, for the sample, a smaller municipality of our own, a file where every status
/// and reason occurs exactly once, one where no man occurs, and 200 seeds of the synthetic municipality. Each rule is
/// its own test and names the offending sentence and where it stands.
public sealed partial class LanguageTests(LanguageTests.Corpus corpus) : IClassFixture<LanguageTests.Corpus>
{
    public enum Kind { Prose, ListItem, Label }

    public sealed record Line(string Where, string Text, Kind Kind);

    public sealed class Corpus : IDisposable
    {
        private static readonly Period Q2 = Period.Parse("2025Q2");
        private readonly TestEnv _env = new();
        public List<Line> Lines { get; } = [];
        /// Per written document: its whole text, for the rules that count mentions.
        public Dictionary<string, string> Documents { get; } = new();

        public Corpus()
        {
            Written("exempel", TestEnv.SampleCsv, TestEnv.Settings);
            Written("liten-kommun", Csv("liten.csv", SmallMunicipality), TemplateTests.Load(("StatsReporting:Avgift:Exempel", "false"),
                ("StatsReporting:Dokument:Avsnitt:0:Rubrik", "Samverkan"), ("StatsReporting:Dokument:Avsnitt:0:Text", "Ärendet har beretts i samverkan med kommunens revisorer.")));
            Written("varje-status-en-gang", Csv("varje.csv", EveryStatusOnce), TestEnv.Settings);
            Written("bara-kvinnor", Csv("kvinnor.csv", SmallMunicipality.Select(r => Regex.Replace(r, ";M;", ";K;"))), TestEnv.Settings);
            for (var seed = 1; seed <= 200; seed++) Synthetic(seed);
        }

        /// The real program on real files: imported, reported by ReportService, read back from the .docx and .xlsx.
        private void Written(string name, string csv, Jobs.Installation settings)
        {
            using var env = new TestEnv();
            env.Importer().Import(csv);
            new ReportService(settings.For(env.Db)).Write(Q2, Q2.End, env.PathOf("reports"));
            foreach (var law in new[] { "sol", "lss" })
            {
                ReadDocx(env.PathOf($"reports/2025Q2/tjansteskrivelse-{law}-2025Q2.docx"), $"{name} {law}");
                var text = Xlsx.Read(env.PathOf($"reports/2025Q2/evb-{law}-2025Q2.xlsx"))["Text"].Select(r => r[0]).ToList();
                AddText(text, $"{name} {law}, fliken Text");
            }
        }

        /// A seed of the synthetic municipality, 40–640 records, aggregated and written as the report writes it.
        private void Synthetic(int seed)
        {
            var csv = _env.PathOf($"syntet-{seed}.csv");
            Bench.SyntheticMunicipality.Write(csv, 40 + seed * 37 % 600, seed: seed);
            var decisions = File.ReadLines(csv).Skip(1).Select(Parse).ToList();
            var agg = new KfAggregation(TestEnv.Catalog, TestEnv.Report);
            foreach (var lag in new[] { Lag.SoL, Lag.LSS })
            {
                var r = agg.Build(decisions, lag, Q2, Q2.End);
                var path = _env.PathOf($"syntet-{seed}-{lag}.docx");
                Tjansteskrivelse.Write(r, [], TestEnv.Catalog, TestEnv.Report, new DateOnly(2025, 7, 15), path);
                ReadDocx(path, $"syntet seed {seed} {lag}");
                AddText(r.Text, $"syntet seed {seed} {lag}, fliken Text");
                File.Delete(path);
            }
        }

        private void ReadDocx(string path, string where)
        {
            using var doc = WordprocessingDocument.Open(path, false);
            var body = doc.MainDocumentPart!.Document.Body!;
            Documents[where] = string.Join("\n", body.Elements<Paragraph>().Select(p => p.InnerText));
            foreach (var p in body.Elements<Paragraph>().Where(p => p.InnerText.Length > 0))
            {
                var style = p.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
                var kind = style is "Heading1" or "Title" or "Caption" ? Kind.Label
                    : p.ParagraphProperties?.NumberingProperties is not null ? Kind.ListItem : Kind.Prose;
                Lines.Add(new(where, p.InnerText, kind));
            }
            // A table's header row and first column are labels.
            foreach (var t in body.Elements<Table>())
            {
                var rows = t.Elements<TableRow>().ToList();
                foreach (var c in rows[0].Elements<TableCell>()) Lines.Add(new($"{where}, tabellrubrik", c.InnerText, Kind.Label));
                foreach (var r in rows.Skip(1)) Lines.Add(new($"{where}, radetikett", r.GetFirstChild<TableCell>()!.InnerText, Kind.Label));
            }
        }

        private void AddText(IReadOnlyList<string> lines, string where)
        {
            for (var i = 0; i < lines.Count; i++)
                if (lines[i].Length > 0)
                    Lines.Add(new(where, lines[i].StartsWith(TextDraft.Bullet) ? lines[i][TextDraft.Bullet.Length..] : lines[i],
                        i == 0 ? Kind.Label : lines[i].StartsWith(TextDraft.Bullet) ? Kind.ListItem : Kind.Prose));
        }

        private static Decision Parse(string line)
        {
            var f = line.Split(';');
            DateOnly? D(int i) => f[i].Length == 0 ? null : DateOnly.ParseExact(f[i], "yyyy-MM-dd");
            return new Decision
            {
                BeslutId = f[0], PersonId = f[1], Kon = f[2] == "K" ? Kon.K : Kon.M, Lag = f[3] == "LSS" ? Lag.LSS : Lag.SoL,
                Verksamhet = f[4].Length == 0 ? null : f[4], Insats = f[5], Enhet = f[6].Length == 0 ? null : f[6], Beslutsdatum = D(7)!.Value,
                Avbrottsdatum = D(8), VerkstalltDatum = D(9), AvslutatDatum = D(10), Orsak = f[11].Length == 0 ? null : f[11],
                Kommentar = f[12].Length == 0 ? null : f[12],
            };
        }

        private string Csv(string name, IEnumerable<string> rows) =>
            TestEnv.WriteRecords(_env.PathOf(name), rows, TestEnv.RecordHeader + ";fodelsedatum");

        /// Nine decisions: a child in LSS, an avbrott, one waiting over a year, one insats with a single decision.
        private static readonly string[] SmallMunicipality =
        [
            "L-1;p1;K;SoL;ÄO;Särskilt boende;;2025-01-10;;;;SAKNAS_PLATS;;1938-04-02",
            "L-2;p2;M;SoL;ÄO;Särskilt boende;;2025-02-01;;;;TACKAT_NEJ;;1941-09-30",
            "L-3;p3;K;SoL;ÄO;Hemtjänst;;2024-03-01;;;;SAKNAR_RESURS;;1935-01-15",
            "L-4;p4;M;SoL;IFO;Kontaktfamilj;;2025-01-20;;2025-05-05;;;;2011-06-01",
            "L-5;p5;K;LSS;;9 § 4;;2024-12-01;;;;MATCHNING;;2013-02-11",
            "L-6;p6;M;LSS;;9 § 4;;2025-01-02;;;;MATCHNING;;1990-05-05",
            "L-7;p7;K;LSS;;9 § 9;;2024-09-01;2025-02-01;;;SAKNAS_PLATS;;1985-07-07",
            "L-8;p8;M;LSS;;9 § 10;;2025-02-15;;;2025-06-01;AVLIDIT;;1970-03-03",
            "L-9;p9;K;SoL;OF;Boendestöd;;2025-03-10;;;;;;",
        ];

        /// Every status and every reason exactly once, each in an insats of its own where the catalog has enough.
        private static readonly string[] EveryStatusOnce =
        [
            "E-01;e01;K;SoL;ÄO;Särskilt boende;;2025-01-10;;2025-05-01;;;;1940-01-01",
            "E-02;e02;M;SoL;ÄO;Korttidsboende;;2025-01-10;;;2025-05-02;;;1940-01-02",
            "E-03;e03;K;SoL;ÄO;Dagverksamhet/sysselsättning;;2025-01-10;;;2025-05-03;EGEN_BEGARAN;;1940-01-03",
            "E-04;e04;M;SoL;ÄO;Kontaktperson;;2025-01-10;;;2025-05-03;AVLIDIT;;1940-01-04",
            "E-05;e05;K;SoL;ÄO;Hemtjänst;;2025-01-10;;;2025-05-03;BEHOV_UPPHORT;;1940-01-05",
            "E-06;e06;M;SoL;ÄO;Annat bistånd;;2025-01-10;;;;TACKAT_NEJ;;1940-01-06",
            "E-07;e07;K;SoL;OF;Särskilt boende;;2025-01-10;;;;SAKNAS_PLATS;;1960-01-07",
            "E-08;e08;M;SoL;OF;Dagverksamhet/sysselsättning;;2025-01-10;;;;SAKNAR_RESURS;;1960-01-08",
            "E-09;e09;K;SoL;OF;Kontaktperson;;2025-01-10;;;;MATCHNING;;1960-01-09",
            "E-10;e10;M;SoL;OF;Boendestöd;;2025-01-10;;;;HALSOTILLSTAND;;1960-01-10",
            "E-11;e11;K;SoL;OF;Övrigt;;2025-01-10;;;;EJ_MEDVERKAN;;1960-01-11",
            "E-12;e12;M;SoL;IFO;Bostad;;2025-01-10;;;;ONSKEMAL;;1980-01-12",
            "E-13;e13;K;SoL;IFO;Kontaktperson;;2025-01-10;;;;KOMMUNIKATION;;1980-01-13",
            "E-14;e14;M;SoL;IFO;Kontaktfamilj;;2025-01-10;;;;ANNAN_HUVUDMAN;;2012-01-14",
            "E-15;e15;K;SoL;IFO;Familjehem;;2025-01-10;;;;ARBETSMILJO;;2010-01-15",
            "E-16;e16;M;SoL;IFO;Öppenvård;;2025-01-10;;;;OVRIGT;;1980-01-16",
            "E-17;e17;K;SoL;IFO;Behandlingshem;;2025-01-10;;;;;;1980-01-17",
            // Closed after the report day with a closing reason: "orsak vid rapporteringstillfället okänd".
            "E-18;e18;M;SoL;IFO;Externt skyddat boende;;2025-01-10;;;2025-07-05;BEHOV_UPPHORT;;",
        ];

        public void Dispose() => _env.Dispose();
    }

    /// Sentences of a paragraph: split after . ! ? but never after "kap." ("4 kap. 1 §").
    private static IEnumerable<(Line Line, string Sentence)> Sentences(IEnumerable<Line> lines) =>
        lines.SelectMany(l => SentenceEnd().Split(l.Text).Where(s => s.Length > 0).Select(s => (l, s)));

    private static void None(IEnumerable<(Line Line, string Sentence)> offending, string rule)
    {
        var found = offending.Take(5).Select(x => $"{x.Line.Where}: \"{x.Sentence}\"").ToList();
        Assert.True(found.Count == 0, $"{rule}:\n{string.Join("\n", found)}");
    }

    private IEnumerable<Line> Prose => corpus.Lines.Where(l => l.Kind == Kind.Prose);

    [Fact]
    public void The_corpus_covers_every_source_and_both_laws()
    {
        var wheres = corpus.Lines.Select(l => l.Where.Split(',')[0]).ToHashSet();
        Assert.Equal((4 + 200) * 2, wheres.Count);
        Assert.True(Prose.Count() > 5000, $"{Prose.Count()} stycken");
    }

    [Fact]
    public void No_sentence_begins_with_a_digit() =>
        None(Sentences(Prose).Where(x => char.IsDigit(x.Sentence[0])), "En mening börjar med en siffra");

    [Fact]
    public void No_ISO_date_or_period_code_stands_in_prose() =>
        None(Sentences(corpus.Lines.Where(l => l.Kind != Kind.Label)).Where(x => IsoDate().IsMatch(x.Sentence) || PeriodCode().IsMatch(x.Sentence)),
            "ISO-datum eller periodkod i löptext");

    [Fact]
    public void Zero_is_said_in_words_never_0_kvinnor_0_man_or_0_beslut() =>
        None(Sentences(corpus.Lines).Where(x => ZeroCount().IsMatch(x.Sentence)), "Noll skrivet som siffra");

    [Fact]
    public void No_setting_name_file_name_or_import_number() =>
        None(Sentences(corpus.Lines).Where(x => SettingName().IsMatch(x.Sentence) || FileName().IsMatch(x.Sentence) || x.Sentence.Contains("import nr")),
            "Inställningsnamn, filnamn eller importnummer");

    [Fact]
    public void Every_label_begins_with_a_capital() =>
        None(corpus.Lines.Where(l => l.Kind == Kind.Label && l.Text.Length > 0 && char.IsLower(l.Text[0])).Select(l => (l, l.Text)),
            "Etikett med liten begynnelsebokstav");

    [Fact]
    public void The_laws_sfs_numbers_and_ivo_are_written_out_once_per_document()
    {
        var twice = corpus.Documents.SelectMany(d => new[] { "(2001:453)", "(2025:400)", "(1993:387)", "Inspektionen för vård och omsorg" }
            .Where(s => Regex.Matches(d.Value, Regex.Escape(s)).Count > 1).Select(s => $"{d.Key}: {s}")).Take(5).ToList();
        Assert.True(twice.Count == 0, string.Join("\n", twice));
    }

    [Fact]
    public void No_list_item_takes_the_old_form_or_a_comma_less_da() =>
        None(corpus.Lines.Where(l => l.Kind == Kind.ListItem && (Regex.IsMatch(l.Text, @"^\d+ ej verkställda? beslut") || Regex.IsMatch(l.Text, @"[^,] då ")))
            .Select(l => (l, l.Text)), "Listpunkt i fel form");

    [Fact]
    public void Funktionsnedsatta_is_never_a_noun_and_sol_decisions_are_bistand() =>
        None(Sentences(corpus.Lines).Where(x => x.Sentence.Contains("funktionsnedsatta") || x.Sentence.Contains("beslut enligt 4 kap. 1 §")),
            "Avrådd term eller insatser för SoL");

    [Fact]
    public void The_sections_say_what_they_found_in_words()
    {
        var small = corpus.Documents["liten-kommun lss"];
        Assert.Contains("Ett av besluten avser ett barn under 18 år den 30 juni 2025:\nBiträde av kontaktperson (9 § 4), ett beslut", small);
        Assert.Contains("Grupperna är för små för att jämföra väntetiden mellan kvinnor och män", small);
        Assert.Contains("Samverkan\nÄrendet har beretts i samverkan med kommunens revisorer.", small);
        Assert.Contains("kan kommunen behöva betala uppskattningsvis", small);
        Assert.Contains("Inga av besluten avser barn.", corpus.Documents["exempel sol"]);
        Assert.Contains("Samtliga fem avser kvinnor.", corpus.Documents["bara-kvinnor sol"]);
        Assert.Contains("Någon uppskattning av de ekonomiska konsekvenserna görs inte", corpus.Documents["exempel sol"]);
    }

    [GeneratedRegex(@"(?<=(?<!\bkap)[.!?])\s+")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}\b")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\b\d{4}Q[1-4]\b")]
    private static partial Regex PeriodCode();

    [GeneratedRegex(@"(?<![\d ])0 (kvinnor|män|beslut)\b|\b0 (kvinnor|män|beslut)\b")]
    private static partial Regex ZeroCount();

    [GeneratedRegex(@"StatsReporting:|\b(Avgift|Dokument|Report|Organisation|Catalog|Paths|Ivo):[A-Z]")]
    private static partial Regex SettingName();

    [GeneratedRegex(@"\.(csv|xlsx|docx|dotx|json|zip|png|svg)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FileName();
}
