using System.Text;
using Dapper;
using StatsReporting.Bench;
using StatsReporting.Decisions;
using StatsReporting.Tests.Support;

namespace StatsReporting.Tests.Gallring;

/// Gallring through the CLI on the sample and on a synthetic municipality: every cell of every KF workbook of every
/// quarter is the same before and after; the gallrade IVO codes, birth dates and kommentar texts are in no byte of
/// the database file, its WAL or journal, the archive or the IVO folder; `--visa` leaves the database byte-identical;
/// an IVO export of a gallrad quarter is refused with the reason.
[Collection("Console")]
public class GallringTests : IDisposable
{
    private static readonly DateOnly Today = new(2029, 1, 1); // cutoff 2027-01-01: every closed decision, every export made now
    private readonly TestEnv _env = new();
    public void Dispose() => _env.Dispose();

    private (int Code, string Out, string Err) Cli(params string[] args) => CliInProcess.Run([.. args, "--db", _env.Db.Path]);

    [Fact]
    public void The_sample_gallrad_keeps_every_kf_cell_and_leaves_no_byte_of_what_went()
    {
        Assert.Equal(0, Cli("import", TestEnv.SampleCsv).Code);
        var summary = GallraAndCompare(["2024Q4", "2025Q1", "2025Q2"]);
        Assert.StartsWith("Gallring av det som stängdes före 2027-01-01: standard: 198 beslut (198 versioner, 198 personkoder), 0 IVO-koder för pseudonymer, 1 IVO-mappar; 1 arkiverade filer;", summary);

        var refused = Cli("ivo", "--period", "2025Q2");
        Assert.Equal(1, refused.Code);
        Assert.Equal("Fel: IVO-individrapporten för 2025 kv2 kan inte skrivas: 24 av dess beslut är gallrade (IVO-kod, födelsedatum och kommentar är borttagna för gott efter StatsReporting:Gallring:Manader), så den skulle bli ofullständig. Inget har skrivits.\n", refused.Err);
        Assert.False(Directory.Exists(_env.PathOf("ivo/2025Q2")));
        Assert.Equal(0, Cli("logg", "verify").Code);
    }

    [Fact]
    public void A_synthetic_municipality_over_four_quarters_gallrad_keeps_every_kf_cell_and_leaves_no_byte_of_what_went()
    {
        for (var s = 1; s <= 2; s++)
        {
            var file = _env.PathOf($"syntetisk-{s}.csv");
            SyntheticMunicipality.Write(file, 3000, snapshot: s);
            Assert.Equal(0, Cli("import", file).Code);
        }
        var summary = GallraAndCompare(["2024Q4", "2025Q1", "2025Q2", "2025Q3"]);
        Assert.Contains("2 arkiverade filer", summary);
    }

    /// Writes the KF workbooks of `quarters` and the last quarter's IVO export, gallrar (after a --visa that changes
    /// nothing), writes the workbooks again and compares; then searches every byte left for what went.
    private string GallraAndCompare(string[] quarters)
    {
        foreach (var q in quarters) Assert.Equal(0, Cli("report", "--period", q, "--out", _env.PathOf("fore")).Code);
        Assert.Equal(0, Cli("ivo", "--period", quarters[^1]).Code);
        List<(string BeslutId, string PersonId, string? Kommentar, string? Fodelsedatum)> before;
        using (var c = _env.Db.Open())
            before = c.Query<(string, string, string?, string?)>("SELECT beslut_id, person_id, kommentar, fodelsedatum FROM decision_versions").ToList();
        var ivoCodes = Query<string>("SELECT ivo_code FROM ivo_person_codes");

        var dbBefore = File.ReadAllBytes(_env.Db.Path);
        var visa = Cli("gallra", "--today", "2029-01-01", "--visa");
        Assert.Equal(0, visa.Code);
        Assert.StartsWith("Gallring (visa, inget ändrat)", visa.Out);
        Assert.Equal(dbBefore, File.ReadAllBytes(_env.Db.Path));
        Assert.NotEmpty(Directory.GetFiles(_env.PathOf("archive")));

        var run = Cli("gallra", "--today", Today.ToString("yyyy-MM-dd"));
        Assert.Equal(0, run.Code);
        foreach (var q in quarters) Assert.Equal(0, Cli("report", "--period", q, "--out", _env.PathOf("efter")).Code);
        foreach (var q in quarters)
            foreach (var law in new[] { "sol", "lss" })
            {
                var (a, b) = (Xlsx.Read(_env.PathOf($"fore/{q}/evb-{law}-{q}.xlsx")), Xlsx.Read(_env.PathOf($"efter/{q}/evb-{law}-{q}.xlsx")));
                Assert.Equal(a.Keys, b.Keys);
                foreach (var sheet in a.Keys) Assert.Equal(a[sheet], b[sheet]);
            }

        // What went: the codes of persons none of whose decisions are left, and the kommentar and birth dates only they had.
        var gallrade = Query<string>("SELECT DISTINCT beslut_id FROM decision_versions WHERE person_id LIKE 'GALLRAD-%'").ToHashSet();
        Assert.NotEmpty(gallrade);
        Assert.Empty(Query<string>("SELECT beslut_id FROM decision_versions WHERE person_id LIKE 'GALLRAD-%' AND (kommentar IS NOT NULL OR fodelsedatum IS NOT NULL)"));
        var (gone, kept) = (before.Where(v => gallrade.Contains(v.BeslutId)).ToList(), before.Where(v => !gallrade.Contains(v.BeslutId)).ToList());
        var keptPersons = kept.Select(v => v.PersonId).ToHashSet();
        var secrets = gone.Select(v => v.PersonId).Where(p => !keptPersons.Contains(p))
            .Concat(gone.Select(v => v.Kommentar).OfType<string>().Where(k => k.Length >= 6).Except(kept.Select(v => v.Kommentar).OfType<string>()))
            .Concat(gone.Where(v => !keptPersons.Contains(v.PersonId)).Select(v => v.Fodelsedatum).OfType<string>().Except(kept.Select(v => v.Fodelsedatum).OfType<string>()))
            .Concat(ivoCodes.Where(code => !Query<string>("SELECT ivo_code FROM ivo_person_codes").Contains(code)))
            .Distinct().ToList();
        Assert.True(secrets.Count > 50, $"{secrets.Count} secrets");
        var files = new[] { _env.Db.Path, _env.Db.Path + "-wal", _env.Db.Path + "-journal" }.Where(File.Exists)
            .Concat(Directory.GetFiles(_env.PathOf("archive"), "*", SearchOption.AllDirectories))
            .Concat(Directory.Exists(_env.PathOf("ivo")) ? Directory.GetFiles(_env.PathOf("ivo"), "*", SearchOption.AllDirectories) : []).ToList();
        Assert.Empty(Directory.GetFiles(_env.PathOf("archive")));
        foreach (var f in files)
        {
            var bytes = File.ReadAllBytes(f);
            var found = secrets.Where(s => bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(s)) >= 0).Take(3).ToList();
            Assert.True(found.Count == 0, $"{Path.GetFileName(f)} holds {found.Count}+ of what was gallrat: {string.Join(", ", found)}");
        }
        return run.Out;
    }

    private List<T> Query<T>(string sql)
    {
        using var c = _env.Db.Open();
        return c.Query<T>(sql).ToList();
    }
}
