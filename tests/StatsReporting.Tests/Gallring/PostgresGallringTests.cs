using Dapper;
using StatsReporting.Decisions;
using StatsReporting.Gallring;
using StatsReporting.Ivo;
using StatsReporting.Logg;
using StatsReporting.Storage;
using StatsReporting.Tests.Postgres;
using StatsReporting.Tests.Support;

namespace StatsReporting.Tests.Gallring;

/// The same gallring on PostgreSQL (then VACUUM FULL): the sample's 198 due decisions, the KF workbook of 2025Q2 the
/// same cell for cell, no gallrad IVO code left in any row, the IVO export of 2025Q2 refused, the log whole.
public class PostgresGallringTests : IDisposable
{
    private readonly PostgresDatabase _pg = new();
    private readonly TestEnv _env;
    private readonly Period _q2 = new(2025, 2);

    public PostgresGallringTests() => _env = new TestEnv(dir => Db.Postgres(_pg.ConnectionString, Path.Combine(dir, "data", "statsreporting.db")));

    public void Dispose()
    {
        _env.Dispose();
        PostgresDatabase.Drop(_pg.Name);
    }

    [Fact]
    public void The_sample_gallrad_on_postgres_keeps_the_kf_cells_and_no_row_keeps_a_gallrad_code()
    {
        _env.Importer().Import(TestEnv.SampleCsv);
        var n = TestEnv.Settings.For(_env.Db);
        new IvoExport(n, TimeProvider.System).Write(_q2, _env.PathOf("ivo"));
        _env.Reports().Write(_q2, _q2.End, _env.PathOf("fore"));
        List<(string BeslutId, string PersonId)> before;
        using (var c = _env.Db.Open()) before = c.Query<(string, string)>("SELECT beslut_id, person_id FROM decision_versions").ToList();

        var result = Gallra.Run(_env.Db, [n], new DateOnly(2029, 1, 1), 24, 36, visa: false, Actor.ThisProcess, DateTimeOffset.UtcNow);

        Assert.Equal((198, 198, 198), (result.Namnder[0].Beslut, result.Namnder[0].Versioner, result.Namnder[0].Personer));
        Assert.Null(result.Varning);
        _env.Reports().Write(_q2, _q2.End, _env.PathOf("efter"));
        foreach (var law in new[] { "sol", "lss" })
        {
            var (a, b) = (Xlsx.Read(_env.PathOf($"fore/2025Q2/evb-{law}-2025Q2.xlsx")), Xlsx.Read(_env.PathOf($"efter/2025Q2/evb-{law}-2025Q2.xlsx")));
            foreach (var sheet in a.Keys) Assert.Equal(a[sheet], b[sheet]);
        }
        using (var c = _env.Db.Open())
        {
            var gallrade = c.Query<string>("SELECT beslut_id FROM decision_versions WHERE person_id LIKE 'GALLRAD-%'").ToHashSet();
            var left = c.Query<string>("SELECT person_id FROM decision_versions").ToHashSet();
            var goneCodes = before.Where(v => gallrade.Contains(v.BeslutId)).Select(v => v.PersonId).Where(p => !left.Contains(p)).ToList();
            Assert.True(goneCodes.Count > 100, $"{goneCodes.Count}");
            // Every text column of every table, as PostgreSQL prints rows.
            var tables = c.Query<string>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'").ToList();
            var text = string.Join("\n", tables.SelectMany(t => c.Query<string>($"SELECT CAST(x AS text) FROM \"{t}\" x")));
            Assert.DoesNotContain(goneCodes, text.Contains);
        }
        var refused = Assert.Throws<InvalidOperationException>(() => new IvoExport(n, TimeProvider.System).Write(_q2, _env.PathOf("ivo2")));
        Assert.StartsWith("IVO-individrapporten för 2025 kv2 kan inte skrivas: 24 av dess beslut är gallrade", refused.Message);
        Assert.True(Behandlingslogg.Verify(_env.Db).Whole);
    }
}
