using System.Security.Cryptography;
using StatsReporting.Bench;
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
}
