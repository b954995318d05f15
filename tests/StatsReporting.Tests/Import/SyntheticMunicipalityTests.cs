using System.Security.Cryptography;
using StatsReporting.Bench;
using StatsReporting.Import;
using StatsReporting.Tests.Support;

namespace StatsReporting.Tests.Import;

/// The benchmark's synthetic municipality is valid against our own import rules and the same on every run.
public class SyntheticMunicipalityTests : IDisposable
{
    private readonly TestEnv _env = new();
    public void Dispose() => _env.Dispose();

    [Fact]
    public void It_imports_without_an_error_and_its_second_snapshot_changes_one_decision_in_a_hundred()
    {
        var (first, again, second) = (_env.PathOf("s1.csv"), _env.PathOf("s1b.csv"), _env.PathOf("s2.csv"));
        SyntheticMunicipality.Write(first, 5000);
        SyntheticMunicipality.Write(again, 5000);
        SyntheticMunicipality.Write(second, 5000, snapshot: 2);
        Assert.Equal(SHA256.HashData(File.ReadAllBytes(first)), SHA256.HashData(File.ReadAllBytes(again)));

        var one = _env.Importer().Import(first);
        var two = _env.Importer().Import(second);
        Assert.Equal((5000, 5000, 0), (one.Rows, one.New, one.Warnings.Count));
        Assert.Equal((0, 50, 4950), (two.New, two.Changed, two.Unchanged));
    }

    [Fact]
    public void Errors_past_the_first_batches_read_ahead_are_reported_with_their_rows_and_nothing_is_stored()
    {
        var path = _env.PathOf("fel.csv");
        SyntheticMunicipality.Write(path, 5000);
        var lines = File.ReadAllLines(path).ToList();
        // Row 4001 (line 4001 of the file, the header being row 1) repeats row 2's beslut_id; the last row has a bad date.
        lines[4000] = lines[1].Split(';')[0] + lines[4000][lines[4000].IndexOf(';')..];
        var last = lines[^1].Split(';');
        last[7] = "2025-02-30";
        lines[^1] = string.Join(";", last);
        File.WriteAllLines(path, lines);

        var e = Assert.Throws<ImportFailedException>(() => _env.Importer().Import(path));
        Assert.Equal([(4001, "beslut_id"), (5001, "beslutsdatum")], e.Errors.Where(p => !p.IsWarning).Select(p => (p.Row, p.Column)));
        Assert.Contains("finns redan på rad 2", e.Errors.First(p => p.Row == 4001).Message);
        using var c = _env.Db.Open();
        Assert.Equal((0L, 0L), (Dapper.SqlMapper.ExecuteScalar<long>(c, "SELECT COUNT(*) FROM decision_versions"),
            Dapper.SqlMapper.ExecuteScalar<long>(c, "SELECT COUNT(*) FROM imports")));
    }
}
