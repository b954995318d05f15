using Dapper;
using StatsReporting.Import;
using StatsReporting.Tests.Support;
using StatsReporting.Organisation;

namespace StatsReporting.Tests.Postgres;

/// Several nämnder and several writers on one Postgres database.
public class PostgresNamndTests : IClassFixture<PostgresDatabase>, IDisposable
{
    private readonly TestEnv _env;

    public PostgresNamndTests(PostgresDatabase db) => _env = db.Env();

    [Fact]
    public void Two_namnder_see_only_their_own_records_and_the_same_file_twice_at_once_is_imported_once()
    {
        var settings = Namnder.TwoNamnder.Load();
        StatsReporting.Organisation.Namnder.Sync(_env.Db, settings.Organisation);
        var (a, b) = (_env.Db.For("a"), _env.Db.For("b"));
        // The sample sent for nämnd a by two writers at the same moment: one import, the other finds it done.
        using var start = new Barrier(2);
        var outcomes = Enumerable.Range(0, 2).AsParallel().WithDegreeOfParallelism(2).Select(_ =>
        {
            start.SignalAndWait();
            return new Importer(a, TestEnv.Catalog, _env.PathOf("archive"), _env.Clock).Import(TestEnv.SampleCsv);
        }).ToList();
        Assert.Equal([false, true], outcomes.Select(o => o.AlreadyImported).Order());
        Assert.All(outcomes, o => Assert.Equal(1, o.ImportId));
        new Importer(b, TestEnv.Catalog, _env.PathOf("archive"), _env.Clock).Import(Ivo.IvoHistory.WriteCsv(_env.PathOf("b.csv"), Ivo.IvoHistory.Rows(1)));
        int Count(Storage.Db db) => StatsReporting.Records.DecisionStore.Current(db).Count;
        Assert.Equal((309, 6, 0), (Count(a), Count(b), Count(_env.Db)));
        using var c = _env.Db.Open();
        Assert.Equal(["1 a 309", "2 b 6"], c.Query<string>("SELECT id || ' ' || namnd || ' ' || row_count FROM imports ORDER BY id"));
    }

    public void Dispose() => _env.Dispose();
}
