using StatsReporting.Access;
using StatsReporting.Bevakning;
using StatsReporting.Decisions;
using StatsReporting.Tests.Ivo;
using StatsReporting.Tests.Support;
using StatsReporting.Web.Jobs;

namespace StatsReporting.Tests.Postgres;

/// An installation that lived a year on SQLite (IvoHistory's four quarterly snapshots, each reported with its IVO
/// export, the published tables, an admin key and two runs) moved with `copy-to-postgres`; afterwards every quarter's
/// workbooks (the latest records and `--import N`), the IVO rows, the bevakningslista, the keys and the run history
/// are the same on both, read back from the files each writes.
public class CopyHistoryTests : IClassFixture<CopyHistoryTests.Run>
{
    public sealed class Run : IDisposable
    {
        public CopyToPostgres Move { get; } = new();
        public CliResult Copy { get; }
        public string Key { get; }
        public List<Outputs[]> Latest { get; } = [];
        public List<Outputs[]> FromImport { get; } = [];
        public string[] Bevakning { get; }
        public List<RunRow>[] Runs { get; }
        public string[] Logg { get; }

        public Run()
        {
            var sqlite = Move.Sqlite;
            for (var n = 1; n <= 4; n++)
            {
                IvoHistory.Import(sqlite, n);
                Outputs.Of(sqlite, IvoHistory.Quarters[n - 1], IvoHistory.Quarters[n - 1].End, tag: $"-{n}");
            }
            foreach (var (file, lag) in new[] { ("sol-2025Q2-tabell.csv", Lag.SoL), ("lss-2025Q2-tabell.csv", Lag.LSS) })
                global::StatsReporting.Checks.PublishedTableStore.Import(sqlite.Db, Path.Combine(AppContext.BaseDirectory, "Fixtures", "published", file), lag, new Period(2025, 2), sqlite.Clock);
            Key = new KeyStore(sqlite.Db).Add(Role.Admin, "flyttad nyckel", sqlite.Clock.Now).Key;
            var history = new RunHistory(sqlite.Db, sqlite.Clock);
            history.Finish(history.Start(new Period(2025, 3), "schedule", "7"), RunHistory.Succeeded, "2025 kv3 rapporterat.");
            history.Finish(history.Start(new Period(2025, 4), RunHistory.Cli, null, "anna@kommun"), RunHistory.Failed, "Kör kvartalet igen.");

            Copy = Move.Copy();
            if (Copy.ExitCode != 0) throw new InvalidOperationException(Copy.Stderr);
            // The behandlingslogg's hash chain, as copied, before anything else is logged on either side.
            Logg = Move.Both.Select(e => global::StatsReporting.Logg.Behandlingslogg.Verify(e.Db) is var v ? $"{v.Whole} {v.Rows} {v.LastHash}" : "").ToArray();
            for (var n = 1; n <= 4; n++)
            {
                var q = IvoHistory.Quarters[n - 1];
                FromImport.Add(Move.Both.Select(e => Outputs.Of(e, q, q.End, import: n, tag: $"-kf-{n}")).ToArray());
                Latest.Add(Move.Both.Select(e => Outputs.Of(e, q, q.End, tag: $"-ny-{n}")).ToArray());
            }
            Bevakning = Move.Both.Select(e => BevakningOutput.Json(new BevakningService(TestEnv.Settings.For(e.Db)).List(new DateOnly(2026, 1, 10)))).ToArray();
            Runs = Move.Both.Select(e => new RunHistory(e.Db, e.Clock).All().ToList()).ToArray();
        }

        public void Dispose() => Move.Dispose();
    }

    private readonly Run _run;
    public CopyHistoryTests(Run run) => _run = run;

    [Fact]
    public void Every_table_of_the_schema_is_copied_and_printed_with_equal_counts_and_checksums()
    {
        var printed = _run.Copy.Stdout.Split('\n').Skip(1).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length == 6).Select(f => f[0]).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(_run.Move.SqliteTables(), printed);
        Assert.DoesNotContain("OLIKA", _run.Copy.Stdout);
        // Four snapshots, two published tables, one key, two runs, four IVO exports (one a quarter), the one nämnd.
        Assert.Equal("4 4 lika", CopyToPostgres.Line(_run.Copy, "imports"));
        Assert.Equal("2 2 lika", CopyToPostgres.Line(_run.Copy, "published_tables"));
        Assert.Equal("1 1 lika", CopyToPostgres.Line(_run.Copy, "api_keys"));
        Assert.Equal("2 2 lika", CopyToPostgres.Line(_run.Copy, "runs"));
        Assert.Equal("4 4 lika", CopyToPostgres.Line(_run.Copy, "ivo_exports"));
        Assert.Equal("2 2 lika", CopyToPostgres.Line(_run.Copy, "ivo_person_codes"));
        Assert.Equal("1 1 lika", CopyToPostgres.Line(_run.Copy, "namnder"));
        Assert.Contains("Klart: ", _run.Copy.Stdout);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Each_quarter_gives_the_same_workbooks_and_ivo_rows_after_the_move(int quarter)
    {
        var (sqlite, postgres) = (_run.Latest[quarter - 1][0], _run.Latest[quarter - 1][1]);
        Outputs.AssertSame(sqlite, postgres);
        Assert.Equal(5, postgres.Workbooks.Count());
        // The IVO export is numbered on in the copied registry: the fifth to eighth, on both.
        Assert.Equal(sqlite.Ivo!.Count(global::StatsReporting.Ivo.Rapporttyp.Ny), postgres.Ivo!.Count(global::StatsReporting.Ivo.Rapporttyp.Ny));
        var (kfSqlite, kfPostgres) = (_run.FromImport[quarter - 1][0], _run.FromImport[quarter - 1][1]);
        Outputs.AssertSame(kfSqlite, kfPostgres);
        Assert.Equal(2, kfPostgres.Workbooks.Count());
    }

    [Fact]
    public void The_behandlingslogg_is_copied_whole_with_the_same_last_hash()
    {
        Assert.Equal(_run.Logg[0], _run.Logg[1]);
        Assert.StartsWith("True ", _run.Logg[1]);
        Assert.NotEqual("True 0 ", _run.Logg[1][..7]);
    }

    [Fact]
    public void The_bevakning_json_is_the_same()
    {
        Assert.Equal(_run.Bevakning[0], _run.Bevakning[1]);
        Assert.Contains("\"today\": \"2026-01-10\"", _run.Bevakning[1]);
    }

    [Fact]
    public void A_key_made_on_sqlite_logs_in_on_postgres()
    {
        var holder = new KeyStore(_run.Move.Postgres.Db).Verify(_run.Key);
        Assert.NotNull(holder);
        Assert.Equal(("flyttad nyckel", Role.Admin), (holder.Name, holder.Role));
        Assert.Null(new KeyStore(_run.Move.Postgres.Db).Verify(_run.Key[..^1] + (_run.Key[^1] == 'A' ? 'B' : 'A')));
    }

    [Fact]
    public void The_run_history_is_shown_as_it_was_and_the_next_run_gets_the_next_id()
    {
        var (sqlite, postgres) = (_run.Runs[0], _run.Runs[1]);
        Assert.Equal(sqlite.Select(Text), postgres.Select(Text));
        Assert.Equal(["1 2025Q3 schedule succeeded 2025 kv3 rapporterat.", "2 2025Q4 cli failed Kör kvartalet igen."],
            postgres.OrderBy(r => r.Id).Select(r => $"{r.Id} {r.Period} {r.Trigger} {r.Status} {r.Message}"));
        // The identity goes on after the copied ids.
        Assert.Equal(3, new RunHistory(_run.Move.Postgres.Db, TimeProvider.System).Start(new Period(2026, 1), "manual", null));
    }

    private static string Text(RunRow r) => $"{r.Id} {r.Period} {r.Trigger} {r.JobId} {r.StartedAt} {r.FinishedAt} {r.Status} {r.Message} {r.StartedBy}";
}
