using System.Data.Common;
using Dapper;
using Npgsql;
using NpgsqlTypes;
using StatsReporting.Decisions;
using StatsReporting.Storage;

namespace StatsReporting.Records;

/// Decision versions on PostgreSQL. An import bulk-loads the validated records with binary COPY into a temporary
/// staging table, then compares them with the newest stored versions set-wise, by content hash (the same as on
/// SQLite, DecisionTable.Hash): one UPDATE sets gone_import on the versions that leave their law's snapshot, one INSERT
/// adds the new versions. Everything runs in the import's one transaction, so a refused file stores nothing and no
/// stored version is ever overwritten. Reads go through Npgsql's data reader.
internal sealed class PostgresVersionStore : IVersionStore
{
    /// Import numbers are what users type (`report --import N`): the next after the highest, as SQLite's rowid gives,
    /// and not the identity sequence, which a refused import would leave a gap in. Imports run one at a time (the
    /// importer holds Db.WriteLock), so no two can take the same number.
    private const string InsertImport = """
        INSERT INTO imports (id, namnd, file_name, sha256, archive_path, imported_at, row_count, laws)
        VALUES ((SELECT COALESCE(MAX(id), 0) + 1 FROM imports), namnd(), @name, @sha, @archive, @at, 0, '') RETURNING id
        """;

    /// The file's rows as they came (seq: their order), in decision_versions' own columns.
    private static readonly string[] Staged = ["seq", "beslut_id", .. DecisionTable.Content, "content_hash", "first_late_day"];

    private static readonly string Staging = $"""
        CREATE TEMP TABLE import_staging (
            seq bigint NOT NULL, beslut_id text NOT NULL, {string.Join(", ", DecisionTable.Content.Select(c => c + " text"))},
            content_hash bigint NOT NULL, first_late_day text NOT NULL
        ) ON COMMIT DROP
        """;

    private static readonly string Copy = $"COPY import_staging ({string.Join(", ", Staged)}) FROM STDIN (FORMAT BINARY)";

    /// The newest version of every decision of this nämnd, before this file.
    private const string Latest = """
        CREATE TEMP TABLE import_latest ON COMMIT DROP AS
        SELECT DISTINCT ON (beslut_id) id, beslut_id, version, lag, gone_import IS NULL AS open, content_hash
        FROM decision_versions WHERE namnd = namnd() ORDER BY beslut_id, version DESC;
        CREATE INDEX ON import_latest (beslut_id);
        CREATE INDEX ON import_staging (beslut_id);
        ANALYZE import_latest;
        ANALYZE import_staging;
        """;

    private const string Counts = """
        SELECT COUNT(*) FILTER (WHERE l.id IS NULL) AS Added,
               COUNT(*) FILTER (WHERE l.id IS NOT NULL AND l.content_hash IS DISTINCT FROM s.content_hash) AS Changed,
               COUNT(*) FILTER (WHERE l.content_hash = s.content_hash) AS Same
        FROM import_staging s LEFT JOIN import_latest l ON l.beslut_id = s.beslut_id
        """;

    /// Open versions the file changed, and open versions of a law the file holds that the file did not carry.
    private const string Gone = """
        UPDATE decision_versions v SET gone_import = @importId
        FROM import_latest l LEFT JOIN import_staging s ON s.beslut_id = l.beslut_id
        WHERE v.id = l.id AND l.open
          AND CASE WHEN s.beslut_id IS NULL THEN (',' || @laws || ',') LIKE ('%,' || l.lag || ',%')
                   ELSE s.content_hash IS DISTINCT FROM l.content_hash END
        """;

    /// New decisions, changed ones, and ones back (changed or not) after missing from a snapshot, in file order.
    private static readonly string Insert = $"""
        INSERT INTO decision_versions ({string.Join(", ", DecisionTable.Written)})
        SELECT namnd(), s.beslut_id, COALESCE(l.version, 0) + 1, @importId, {string.Join(", ", DecisionTable.Content.Select(c => "s." + c))},
            s.content_hash, s.first_late_day
        FROM import_staging s LEFT JOIN import_latest l ON l.beslut_id = s.beslut_id
        WHERE l.id IS NULL OR NOT l.open OR l.content_hash IS DISTINCT FROM s.content_hash
        ORDER BY s.seq
        """;

    private sealed record Tally
    {
        public long Added { get; init; }
        public long Changed { get; init; }
        public long Same { get; init; }
    }

    public StoredImport Store(DbConnection connection, DbTransaction transaction, ImportFile file, IEnumerable<VersionRow> rows, Func<bool> fileOk)
    {
        var (c, tx) = ((NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        var importId = c.ExecuteScalar<long>(InsertImport, new { name = file.Name, sha = file.Sha256, archive = file.ArchivePath, at = file.At.ToString("O") }, tx);
        c.Execute(Staging, transaction: tx);
        var laws = new HashSet<Lag>();
        var read = 0;
        using (var copy = c.BeginBinaryImport(Copy))
        {
            foreach (var row in rows)
            {
                read++;
                // After an error the file is refused: the rest is only read, for the errors it holds.
                if (!fileOk()) continue;
                laws.Add(row.Decision.Lag);
                Write(copy, read, row);
            }
            copy.Complete();
        }
        var t = new Tally();
        if (fileOk())
        {
            c.Execute(Latest, transaction: tx);
            t = c.QuerySingle<Tally>(Counts, transaction: tx);
            c.Execute(Gone, new { importId, laws = VersionStore.Laws(laws) }, tx);
            c.Execute(Insert, new { importId }, tx);
        }
        c.Execute(VersionStore.Counted, new { rows = read, laws = VersionStore.Laws(laws), importId }, tx);
        return new(importId, read, (int)t.Added, (int)t.Changed, (int)t.Same);
    }

    /// One staged row, in Staged's order.
    private static void Write(NpgsqlBinaryImporter copy, int seq, VersionRow row)
    {
        var d = row.Decision;
        copy.StartRow();
        copy.Write((long)seq, NpgsqlDbType.Bigint);
        Text(copy, d.BeslutId); Text(copy, d.PersonId); Text(copy, DecisionTable.KonCode(d.Kon)); Text(copy, DecisionTable.LagCode(d.Lag));
        Text(copy, d.Verksamhet); Text(copy, d.Insats); Text(copy, d.Enhet); Text(copy, IsoDate.Format(d.Beslutsdatum));
        Text(copy, IsoDate.Format(d.Avbrottsdatum)); Text(copy, IsoDate.Format(d.VerkstalltDatum));
        Text(copy, IsoDate.Format(d.AvslutatDatum)); Text(copy, d.Orsak); Text(copy, d.Kommentar);
        Text(copy, IsoDate.Format(d.Fodelsedatum));
        copy.Write(row.Hash, NpgsqlDbType.Bigint);
        Text(copy, IsoDate.Format(row.FirstLateDay)); // migration 0011: what reports filter on
    }

    private static void Text(NpgsqlBinaryImporter copy, string? value)
    {
        if (value is null) copy.WriteNull();
        else copy.Write(value, NpgsqlDbType.Text);
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
