using System.Text;
using System.Text.Json.Nodes;
using Dapper;
using StatsReporting.Import;
using StatsReporting.Storage;
using StatsReporting.Tests.Support;

namespace StatsReporting.Tests.Import;

/// Issue 23: the case system's export as it comes. The test writes samples/beslut.csv the way a case system exports
/// it (Excel's sep= line, two title rows, the kommun's own headers and words configured in Import:Kolumner and
/// Import:Varden, full personnummer in every common form, timestamps, Windows-1252, trailing empty columns and rows)
/// and imports it through the real CLI in an installation of its own; the sample in our own format goes into another.
/// The KF workbooks of the two are the same cell for cell, and no full personnummer is anywhere on disk or in the output.
public class CaseSystemExportTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("statsreporting-export-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// One decision more than the sample: a person over 100, whose ten-digit personnummer is written with '+'.
    private const string Centenarian = "X-9001;19210304-T232;M;SoL;ÄO;Hemtjänst;;2025-01-10;;;;;";

    private const string Mapping = """
        {
          "Kolumner": { "beslut_id": [ "Ärende-ID" ], "lag": [ "Lagrum" ], "kommentar": [ "Anteckning" ] },
          "Varden": {
            "lag": { "SoL": [ "Socialtjänstlagen (SoL)" ], "LSS": [ "LSS (1993:387)" ] },
            "verksamhet": { "ÄO": [ "Vård och omsorg" ] }
          }
        }
        """;

    private string Installation(string name)
    {
        var dir = Directory.CreateDirectory(Path.Combine(_dir, name)).FullName;
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "appsettings.json")))!;
        var s = config["StatsReporting"]!;
        s["Paths"]!["Database"] = "data/statsreporting.db";
        foreach (var (key, value) in JsonNode.Parse(Mapping)!.AsObject()) s["Import"]![key] = value!.DeepClone();
        File.WriteAllText(Path.Combine(dir, "appsettings.json"), config.ToJsonString());
        return dir;
    }

    private static string[] Sample => File.ReadAllLines(TestEnv.SampleCsv).Skip(1).Append(Centenarian).ToArray();

    /// The personnummer whose IVO code `code` is (ÅÅÅÅMMDD-TNNN): the digit behind the T is the one that makes the
    /// Luhn check digit right. `samordning`: the day + 60.
    public static string PersonNumberOf(string code, bool samordning = false)
    {
        var date = code[..8];
        if (samordning) date = date[..6] + (int.Parse(date[6..8]) + 60).ToString("00");
        for (var x = 0; x <= 9; x++)
        {
            var ten = date[2..] + x + code[10..13];
            if (PersonNumber.Luhn(ten)) return date + x + code[10..13];
        }
        throw new InvalidOperationException("no digit fits");
    }

    /// The export's rows and every personnummer written in it, in the form written.
    private static (string Text, List<string> Numbers) Export(string[] rows)
    {
        var numbers = new List<string>();
        var lines = new List<string> { "sep=;", "Ej verkställda beslut, uttag 2025-07-01", "Exempelkommunen, socialförvaltningen;;;",
            "Ärende-ID;Personnummer;Kön;Lagrum;Verksamhet;Insats;Utförare;Beslutsdatum;Avbrott;Verkställt;Avslutsdatum;Orsak;Anteckning;;" };
        for (var i = 0; i < rows.Length; i++)
        {
            var f = rows[i].Split(';');
            var code = f[1];
            // About one person in ten has a samordningsnummer, in every row of theirs.
            var full = PersonNumberOf(code, samordning: code[12] == '7');
            var written = code.StartsWith("1921", StringComparison.Ordinal) ? full[2..8] + "+" + full[8..]
                : (i % 4) switch
                {
                    0 => full[..8] + "-" + full[8..],
                    1 => full,
                    2 => full[2..8] + "-" + full[8..],
                    _ => full[2..],
                };
            numbers.Add(written);
            f[1] = written;
            f[2] = f[2] == "K" ? "Kvinna" : "Man";
            f[3] = f[3] == "SoL" ? "Socialtjänstlagen (SoL)" : "LSS (1993:387)";
            if (f[4] == "ÄO") f[4] = "Vård och omsorg";
            f[7] = i % 2 == 0 ? f[7] + " 00:00" : f[7] + "T13:45:00";
            lines.Add(string.Join(';', f) + ";;");
        }
        lines.AddRange([";;;;", "", ""]);
        return (string.Join("\r\n", lines), numbers);
    }

    private static List<string> KfCells(string installation)
    {
        var cells = new List<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(installation, "reports", "2025Q2"), "evb-*.xlsx").Order(StringComparer.Ordinal))
            foreach (var (sheet, rows) in Xlsx.Read(file).OrderBy(s => s.Key, StringComparer.Ordinal))
                for (var r = 0; r < rows.Count; r++)
                    for (var c = 0; c < rows[r].Length; c++)
                        cells.Add($"{Path.GetFileName(file)} | {sheet} | R{r + 1}C{c + 1}: {rows[r][c]}");
        return cells;
    }

    [Fact]
    public void The_export_as_it_comes_gives_the_same_kf_workbooks_as_the_sample_and_no_personnummer_is_kept_anywhere()
    {
        var own = Installation("egen");
        File.WriteAllLines(Path.Combine(own, "beslut.csv"), Sample.Prepend(TestEnv.RecordHeader), new UTF8Encoding(true));
        var export = Installation("uttag");
        var (text, numbers) = Export(Sample);
        File.WriteAllBytes(Path.Combine(export, "beslut.csv"), TextEncoding.Windows1252.GetBytes(text));
        Assert.Contains(numbers, n => n.Contains('+'));
        Assert.Contains(numbers, n => n.Length == 10);
        Assert.Contains(numbers, n => n.Length == 13 && n[6] >= '6'); // a samordningsnummer, day 61–91

        var a = CliProcess.Run(own, "import", "beslut.csv");
        var b = CliProcess.Run(export, "import", "beslut.csv");
        Assert.True(a.ExitCode == 0, a.Stderr);
        Assert.True(b.ExitCode == 0, b.Stderr);
        Assert.Equal("beslut.csv: 310 beslut importerade som import 1 (310 nya, 0 ändrade, 0 oförändrade), 1 varningar. Rubrikraden är rad 4; "
            + "rad 2 och 3 ovanför den hoppades över. 310 personnummer ersattes med IVO-kod vid inläsningen.", b.Stdout.Trim());
        Assert.Contains("kolumn person_id: filen har samordningsnummer (dag + 60)", b.Stderr);
        foreach (var dir in new[] { own, export })
        {
            var report = CliProcess.Run(dir, "report", "--period", "2025Q2", "--as-of", "2025-06-30");
            Assert.True(report.ExitCode == 0, report.Stderr);
        }
        var expected = KfCells(own);
        Assert.Equal(2, expected.Select(c => c[..c.IndexOf(" | ", StringComparison.Ordinal)]).Distinct().Count());
        Assert.Equal(expected, KfCells(export));

        // Every byte the export's installation holds or printed: the database and any journal beside it, the archive.
        var data = Path.Combine(export, "data");
        var files = Directory.GetFiles(data, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".run-lock", StringComparison.Ordinal)).ToList();
        Assert.Contains(Path.Combine(data, "statsreporting.db"), files);
        var archived = Assert.Single(Directory.GetFiles(Path.Combine(data, "archive")));
        Assert.EndsWith(".csv", archived);
        List<(string File, byte[] Bytes)> blobs = [.. files.Select(f => (f, File.ReadAllBytes(f))), ("utskrift", Encoding.UTF8.GetBytes(b.Stdout + b.Stderr))];
        // The search finds what is there: the IVO codes are in the database and the archive.
        Assert.True(blobs.Single(x => x.File.EndsWith("statsreporting.db", StringComparison.Ordinal)).Bytes.AsSpan().IndexOf("19621226-T314"u8) >= 0);
        Assert.True(File.ReadAllBytes(archived).AsSpan().IndexOf("19621226-T314"u8) >= 0);
        foreach (var n in numbers.Distinct())
        {
            var digits = n.Replace("-", "").Replace("+", "");
            foreach (var form in new[] { n, digits, digits[^10..] }.Distinct())
                foreach (var (file, bytes) in blobs)
                    Assert.False(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(form)) >= 0, $"{form} finns i {file}");
        }
        // The archive copy is named by the original's sha256: the same export again is already imported.
        var again = CliProcess.Run(export, "import", "beslut.csv");
        Assert.Equal("beslut.csv: redan importerad (import 1), inget ändrat.", again.Stdout.Trim());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(export, "beslut.csv")))),
            Path.GetFileNameWithoutExtension(archived));
    }

    [Fact]
    public void A_wrong_check_digit_names_row_and_column_never_the_number_and_stores_nothing()
    {
        var export = Installation("fel");
        var (text, numbers) = Export(Sample);
        // Row 7 of the file (the third decision): its last digit one off.
        var wrong = numbers[2][..^1] + (char)('0' + (numbers[2][^1] - '0' + 1) % 10);
        File.WriteAllBytes(Path.Combine(export, "beslut.csv"), TextEncoding.Windows1252.GetBytes(text.Replace(numbers[2], wrong)));
        var before = CliProcess.Run(export, "import", "--check", Path.Combine(AppContext.BaseDirectory, "Fixtures", "beslut.csv"));
        Assert.True(before.ExitCode == 0, before.Stderr); // a dry run makes the database, stores nothing
        var db = Path.Combine(export, "data", "statsreporting.db");
        var snapshot = BadInput.Refusal.Snapshot(db);

        var r = CliProcess.Run(export, "import", "beslut.csv");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("Importen avbröts: 1 fel. Inget från filen har sparats.\n"
            + "beslut.csv, rad 7, kolumn person_id: personnumrets kontrollsiffra (den sista) stämmer inte: numret är felskrivet; rätta det i verksamhetssystemet.",
            r.Stderr.Trim());
        Assert.DoesNotContain(wrong, r.Stderr + r.Stdout);
        Assert.Equal(snapshot, BadInput.Refusal.Snapshot(db));
        using var c = new Db(db).Open();
        Assert.Equal(0, c.ExecuteScalar<long>("SELECT count(*) FROM decision_versions"));
        Assert.False(Directory.Exists(Path.Combine(export, "data", "archive")) && Directory.EnumerateFiles(Path.Combine(export, "data", "archive")).Any());
    }
}
