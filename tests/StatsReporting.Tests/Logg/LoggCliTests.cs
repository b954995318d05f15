using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Dapper;
using StatsReporting.Tests.Support;

namespace StatsReporting.Tests.Logg;

/// The behandlingslogg from the command line: the CLI's import, `ivo` and `keys` are logged with user@machine;
/// `logg` prints the rows, `logg verify` passes until a row is changed with sqlite3, then exits 1 naming it; and no IVO
/// code, key or kommentar text is anywhere in the log table.
[Collection("Console")]
public class LoggCliTests : IDisposable
{
    private static readonly string Me = $"{Environment.UserName}@{Environment.MachineName}";
    private readonly TestEnv _env = new();
    public void Dispose() => _env.Dispose();

    private (int Code, string Out, string Err) Cli(params string[] args) => CliInProcess.Run([.. args, "--db", _env.Db.Path]);

    [Fact]
    public void Cli_import_ivo_and_keys_are_logged_with_user_at_machine_and_verify_finds_a_row_changed_with_sqlite3()
    {
        Assert.Equal(0, Cli("import", TestEnv.SampleCsv).Code);
        Assert.Equal(0, Cli("ivo", "--period", "2025Q2", "--out", _env.PathOf("ivo")).Code);
        var key = Cli("keys", "add", "--role", "ivo", "--name", "IVO-rapportör").Out.Trim();

        var printed = Cli("logg");
        Assert.Equal(0, printed.Code);
        var rows = JsonDocument.Parse(printed.Out).RootElement.EnumerateArray().ToList();
        Assert.Equal(["import", "ivo_export_skriven", "nyckel_skapad"], rows.Select(r => r.GetProperty("handling").GetString()));
        Assert.All(rows, r => Assert.Equal(Me, r.GetProperty("vem").GetString()));
        Assert.Equal(("beslut.csv", "ok"), (rows[0].GetProperty("objekt").GetString(), rows[0].GetProperty("resultat").GetString()));
        // The sample's 309 decisions are about this many persons (distinct person_id in the file).
        var persons = File.ReadLines(TestEnv.SampleCsv).Skip(1).Select(l => l.Split(';')[1]).Distinct().Count();
        Assert.Equal(persons, rows[0].GetProperty("antal_personer").GetInt64());
        Assert.Equal(("2025Q2", "ivo-individrapport-2025Q2.xlsx, ivo-individrapport-2025Q2.csv, sarskild-avgift-2025Q2.xlsx"),
            (rows[1].GetProperty("kvartal").GetString(), rows[1].GetProperty("objekt").GetString()));
        Assert.Equal("adress", rows[1].EnumerateObject().ElementAt(7).Name);
        Assert.Equal($"lokalt via {Environment.MachineName}", rows[1].GetProperty("adress").GetString());

        // No IVO code, birth date, key or kommentar in any byte of the log's rows.
        var dump = Sqlite3("SELECT * FROM behandlingslogg;");
        using (var c = _env.Db.Open())
        {
            var secrets = c.Query<string>("SELECT person_id FROM decision_versions UNION SELECT ivo_code FROM ivo_person_codes UNION SELECT kommentar FROM decision_versions WHERE kommentar IS NOT NULL AND kommentar <> ''").ToList();
            Assert.True(secrets.Count > 100, $"{secrets.Count}");
            Assert.DoesNotContain(secrets, dump.Contains);
        }
        Assert.DoesNotContain(key[(key.LastIndexOf('.') + 1)..], dump);

        var verified = Cli("logg", "verify");
        Assert.Equal(0, verified.Code);
        Assert.StartsWith("Behandlingsloggen är hel: 4 rader, senaste hash ", verified.Out); // the `logg` reading is row 4

        Sqlite3("DROP TRIGGER behandlingslogg_ingen_andring; UPDATE behandlingslogg SET vem = 'någon annan' WHERE id = 2;");
        var broken = Cli("logg", "verify");
        Assert.Equal(1, broken.Code);
        Assert.Equal("Fel: behandlingsloggen är inte hel: rad 2 har ändrats (dess hash stämmer inte med innehållet). 1 rader före den är hela.\n", broken.Err);
    }

    [Fact]
    public void Logg_as_csv_between_two_days_and_bad_options()
    {
        Assert.Equal(0, Cli("import", TestEnv.SampleCsv).Code);
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");
        var csv = Cli("logg", "--from", today, "--to", today, "--format", "csv");
        Assert.Equal(0, csv.Code);
        var lines = csv.Out.TrimEnd('\n').Split('\n');
        Assert.Equal("tid;vem;handling;objekt;kvartal;namnd;antal_personer;adress;resultat", lines[0]);
        Assert.EndsWith($";{Me};import;beslut.csv;;standard;{lines[1].Split(';')[6]};lokalt via {Environment.MachineName};ok", lines[1]);
        Assert.Equal(2, lines.Length);
        Assert.Single(Cli("logg", "--to", "2000-01-01", "--format", "csv").Out.TrimEnd('\n').Split('\n')); // the header only
        Assert.Equal((2, "Fel: --from 'igår' är inget datum (ÅÅÅÅ-MM-DD).\n"), (Cli("logg", "--from", "igår").Code, Cli("logg", "--from", "igår").Err.Split('\n')[0] + "\n"));
        Assert.Equal(2, Cli("logg", "--format", "xml").Code);
    }

    private string Sqlite3(string sql)
    {
        var p = Process.Start(new ProcessStartInfo("sqlite3", [_env.Db.Path, sql]) { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = Encoding.UTF8 })!;
        var output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
        p.WaitForExit();
        return output;
    }
}
