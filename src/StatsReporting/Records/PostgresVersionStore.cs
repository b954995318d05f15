using System.Data.Common;
using Dapper;
using Npgsql;
using StatsReporting.Decisions;
using StatsReporting.Storage;

namespace StatsReporting.Records;

/// Decision versions on PostgreSQL, at the speed of COPY (issue 25). A nämnd's first import streams its rows with
/// binary COPY straight into decision_versions: every row is a new decision, version 1. Into an empty table (the
/// installation's first import, or the first of a move) the indexes are made after the rows (BulkLoad): a btree built
/// from sorted keys costs a fifth of a million inserts in random order, and comes out smaller. A later import streams the
/// file into a temporary staging table, then compares it with the current versions set-wise in one full join (by
/// beslut_id, on the content hash, as on SQLite: DecisionTable.Hash) that keeps only what differs: the new, changed
/// and returning decisions and the open versions the file no longer carries, a per cent or so of a snapshot. One
/// UPDATE sets gone_import on the versions that leave their law's snapshot, one INSERT adds the new versions in file
/// order. Everything runs in the import's one transaction, so a refused file stores nothing and no stored version is
/// ever overwritten. decision_versions has no row-level foreign-key triggers on PostgreSQL (migration 0016): its nämnd
/// and import are the ones this transaction just wrote. Reads go through Npgsql's data reader.
internal sealed class PostgresVersionStore : IVersionStore
{
    /// Import numbers are what users type (`report --import N`): the next after the highest, as SQLite's rowid gives,
    /// and not the identity sequence, which a refused import would leave a gap in. Imports run one at a time (the
    /// importer holds Db.WriteLock), so no two can take the same number. The nämnd's first import is one with no
    /// stored version yet. Memory for the diff's hash join and for the staging table (this session's, if it has
    /// not used a temporary table yet), for this transaction only.
    private const string Begin = """
        SET LOCAL work_mem = '128MB';
        SET LOCAL temp_buffers = '128MB';
        INSERT INTO imports (id, namnd, file_name, sha256, archive_path, imported_at, row_count, laws)
        VALUES ((SELECT COALESCE(MAX(id), 0) + 1 FROM imports), namnd(), @name, @sha, @archive, @at, 0, '') RETURNING id, namnd,
            NOT EXISTS (SELECT 1 FROM decision_versions WHERE namnd = namnd()) AS first,
            NOT EXISTS (SELECT 1 FROM decision_versions) AS empty
        """;

    /// decision_versions' indexes (migrations 0001, 0006, 0009), dropped before a load into the empty table and made
    /// again after it under the same names: the table is locked (ACCESS EXCLUSIVE) until the import commits, which
    /// only keeps readers of an empty table waiting. A refused file rolls the whole of it back, indexes included.
    private const string DropIndexes = """
        ALTER TABLE decision_versions DROP CONSTRAINT decision_versions_pkey, DROP CONSTRAINT decision_versions_namnd_beslut_id_version_key;
        DROP INDEX ix_decision_versions_gone;
        """;

    private const string MakeIndexes = """
        SET LOCAL maintenance_work_mem = '256MB';
        ALTER TABLE decision_versions ADD CONSTRAINT decision_versions_pkey PRIMARY KEY (id),
            ADD CONSTRAINT decision_versions_namnd_beslut_id_version_key UNIQUE (namnd, beslut_id, version);
        CREATE INDEX ix_decision_versions_gone ON decision_versions (gone_import) WHERE gone_import IS NOT NULL;
        """;

    /// The file's rows as they came (seq: their order), in decision_versions' own columns.
    private static readonly string[] Staged = ["seq", "beslut_id", .. DecisionTable.Content, "content_hash", "first_late_day"];

    private static readonly string Staging = $"""
        CREATE TEMP TABLE import_staging (
            seq bigint NOT NULL, beslut_id text NOT NULL, {string.Join(", ", DecisionTable.Content.Select(c => c + " text"))},
            content_hash bigint NOT NULL, first_late_day text NOT NULL
        ) ON COMMIT DROP
        """;

    private static readonly string CopyStaged = $"COPY import_staging ({string.Join(", ", Staged)}) FROM STDIN (FORMAT BINARY)";

    /// A first import's rows go straight into the table, in DecisionTable.Written's order.
    private static readonly string CopyStored = $"COPY decision_versions ({string.Join(", ", DecisionTable.Written)}) FROM STDIN (FORMAT BINARY)";

    /// What differs between the file (s) and each decision's newest version (l). The newest version is the open one
    /// (gone_import NULL: a decision has at most one, as making a version ends the one before), else, for a decision
    /// missing from its law's latest snapshot, its highest version, found through ix_decision_versions_gone. Kept: a
    /// row of the file that is new (prev_id NULL), back (prev_open false) or changed, and an open version the file
    /// does not carry (seq NULL). The counts follow from it: the rest of the file is the same as stored.
    private const string Diff = """
        CREATE TEMP TABLE import_diff ON COMMIT DROP AS
        WITH latest AS (
            SELECT id, beslut_id, version, lag, true AS open, content_hash FROM decision_versions
            WHERE namnd = namnd() AND gone_import IS NULL
            UNION ALL
            SELECT DISTINCT ON (beslut_id) id, beslut_id, version, lag, false, content_hash FROM decision_versions g
            WHERE namnd = namnd() AND gone_import IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM decision_versions o WHERE o.namnd = g.namnd AND o.beslut_id = g.beslut_id AND o.gone_import IS NULL)
            )
        SELECT s.seq, l.id AS prev_id, l.version AS prev_version, l.open AS prev_open, l.lag AS prev_lag,
               l.content_hash IS DISTINCT FROM s.content_hash AS differs
        FROM import_staging s FULL JOIN latest l ON l.beslut_id = s.beslut_id
        WHERE (s.seq IS NULL AND l.open) OR l.id IS NULL OR NOT l.open OR l.content_hash IS DISTINCT FROM s.content_hash;
        ANALYZE import_diff;
        SELECT COUNT(*) FILTER (WHERE seq IS NOT NULL AND prev_id IS NULL) AS Added,
               COUNT(*) FILTER (WHERE seq IS NOT NULL AND prev_id IS NOT NULL AND differs) AS Changed
        FROM import_diff;
        """;

    /// Open versions the file changed (the only open ones with a row in the diff), and open versions of a law the
    /// file holds that the file did not carry; then the new versions, in file order.
    private static readonly string Apply = $"""
        UPDATE decision_versions v SET gone_import = @importId
        FROM import_diff d
        WHERE v.id = d.prev_id AND d.prev_open AND (d.seq IS NOT NULL OR (',' || @laws || ',') LIKE ('%,' || d.prev_lag || ',%'));
        INSERT INTO decision_versions ({string.Join(", ", DecisionTable.Written)})
        SELECT namnd(), s.beslut_id, COALESCE(d.prev_version, 0) + 1, @importId, {string.Join(", ", DecisionTable.Content.Select(c => "s." + c))},
            s.content_hash, s.first_late_day
        FROM import_diff d JOIN import_staging s ON s.seq = d.seq
        ORDER BY s.seq;
        """;

    private sealed record Opened
    {
        public long Id { get; init; }
        public string Namnd { get; init; } = "";
        public bool First { get; init; }
        public bool Empty { get; init; }
    }

    private sealed record Tally
    {
        public long Added { get; init; }
        public long Changed { get; init; }
    }

    public StoredImport Store(DbConnection connection, DbTransaction transaction, ImportFile file, IEnumerable<VersionRow> rows, Func<bool> fileOk)
    {
        var (c, tx) = ((NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        var opened = c.QuerySingle<Opened>(Begin, new { name = file.Name, sha = file.Sha256, archive = file.ArchivePath, at = file.At.ToString("O") }, tx);
        var (importId, namnd) = (opened.Id, opened.Namnd);
        if (!opened.First) c.Execute(Staging, transaction: tx);
        if (opened.Empty) c.Execute(DropIndexes, transaction: tx);
        var laws = new HashSet<Lag>();
        var read = 0;
        using (var copy = new PgCopyRows(c, opened.First ? CopyStored : CopyStaged))
        {
            foreach (var row in rows)
            {
                read++;
                // After an error the file is refused: the rest is only read, for the errors it holds.
                if (!fileOk()) continue;
                laws.Add(row.Decision.Lag);
                if (opened.First) StoredRow(copy, namnd, importId, row);
                else StagedRow(copy, read, row);
            }
            copy.Complete();
        }
        var t = new Tally { Added = read };
        if (opened.Empty && fileOk()) c.Execute(MakeIndexes, transaction: tx);
        if (fileOk() && !opened.First)
        {
            t = c.QuerySingle<Tally>(Diff, transaction: tx);
            c.Execute(Apply, new { importId, laws = VersionStore.Laws(laws) }, tx);
        }
        c.Execute(VersionStore.Counted, new { rows = read, laws = VersionStore.Laws(laws), importId }, tx);
        return new(importId, read, (int)t.Added, (int)t.Changed, read - (int)t.Added - (int)t.Changed);
    }

    /// A first import's row, as decision_versions' Written columns: version 1.
    private static void StoredRow(PgCopyRows copy, string namnd, long importId, VersionRow row)
    {
        copy.StartRow((short)DecisionTable.Written.Count);
        copy.Text(namnd);
        copy.Text(row.Decision.BeslutId);
        copy.Int64(1);
        copy.Int64(importId);
        Content(copy, row);
    }

    /// One staged row, in Staged's order.
    private static void StagedRow(PgCopyRows copy, int seq, VersionRow row)
    {
        copy.StartRow((short)Staged.Length);
        copy.Int64(seq);
        copy.Text(row.Decision.BeslutId);
        Content(copy, row);
    }

    /// The content columns, the content hash and the first late day, as DecisionVersions writes them on SQLite.
    private static void Content(PgCopyRows copy, VersionRow row)
    {
        var d = row.Decision;
        copy.Text(d.PersonId); copy.Text(DecisionTable.KonCode(d.Kon)); copy.Text(DecisionTable.LagCode(d.Lag));
        copy.Text(d.Verksamhet); copy.Text(d.Insats); copy.Text(d.Enhet); copy.Day(d.Beslutsdatum);
        copy.Day(d.Avbrottsdatum); copy.Day(d.VerkstalltDatum); copy.Day(d.AvslutatDatum); copy.Text(d.Orsak);
        copy.Text(d.Kommentar); copy.Day(d.Fodelsedatum);
        copy.Int64(row.Hash);
        copy.Day(row.FirstLateDay); // migration 0011: what reports filter on
    }

    public void Read(DbConnection c, string sql, IReadOnlyList<(string Name, object Value)> parameters, List<Decision> into)
    {
        // The many equal catalog texts (insats, enhet, orsak) become one string each.
        var pool = new Dictionary<string, string>(StringComparer.Ordinal);
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters) cmd.AddParameter(name, value);
        using var r = cmd.ExecuteReader();
        while (r.Read()) into.Add(Row(r, pool));
    }

    /// A decision from a row of DecisionTable.Select's columns.
    private static Decision Row(DbDataReader r, Dictionary<string, string> pool)
    {
        string? Text(int i) => r.IsDBNull(1 + i) ? null : r.GetString(1 + i);
        string? Shared(int i) => Text(i) is not { } s ? null : pool.TryGetValue(s, out var same) ? same : pool[s] = s;
        DateOnly? Day(int i) => IsoDate.Parse(Text(i));
        return new()
        {
            BeslutId = r.GetString(0), PersonId = Text(0)!, Kon = DecisionTable.KonOf(Text(1)), Lag = DecisionTable.LagOf(Text(2)),
            Verksamhet = Shared(3), Insats = Shared(4)!, Enhet = Shared(5), Beslutsdatum = Day(6)!.Value, Avbrottsdatum = Day(7),
            VerkstalltDatum = Day(8), AvslutatDatum = Day(9), Orsak = Shared(10), Kommentar = Text(11), Fodelsedatum = Day(12),
        };
    }
}
