using Dapper;
using Npgsql;
using NpgsqlTypes;
using StatsReporting.Decisions;
using StatsReporting.Storage;

namespace StatsReporting.Import;

/// The importer's store on PostgreSQL: the validated records are bulk-loaded with binary COPY into a temporary
/// staging table, then compared with the newest stored versions set-wise, by content hash (the same FNV-1a as on
/// SQLite, computed here): one UPDATE sets gone_import on the versions that leave their law's snapshot, one INSERT
/// adds the new versions. Everything runs in the import's one transaction, so a refused file stores nothing and no
/// stored version is ever overwritten.
internal static class PostgresStore
{
    /// Import numbers are what users type (`report --import N`): the next after the highest, as SQLite's rowid gives,
    /// and not the identity sequence, which a refused import would leave a gap in. Imports run one at a time (the
    /// importer holds Db.WriteLock), so no two can take the same number.
    public const string InsertImport = """
        INSERT INTO imports (id, namnd, file_name, sha256, archive_path, imported_at, row_count, laws)
        VALUES ((SELECT COALESCE(MAX(id), 0) + 1 FROM imports), namnd(), @name, @sha, @archive, @at, 0, '') RETURNING id
        """;

    private const string Staging = """
        CREATE TEMP TABLE import_staging (
            seq bigint NOT NULL, beslut_id text NOT NULL, person_id text NOT NULL, kon text NOT NULL, lag text NOT NULL,
            verksamhet text, insats text NOT NULL, enhet text, beslutsdatum text NOT NULL, avbrottsdatum text,
            verkstallt_datum text, avslutat_datum text, orsak text, kommentar text, fodelsedatum text,
            content_hash bigint NOT NULL, first_late_day text NOT NULL
        ) ON COMMIT DROP
        """;

    private const string Copy = """
        COPY import_staging (seq, beslut_id, person_id, kon, lag, verksamhet, insats, enhet, beslutsdatum, avbrottsdatum,
            verkstallt_datum, avslutat_datum, orsak, kommentar, fodelsedatum, content_hash, first_late_day) FROM STDIN (FORMAT BINARY)
        """;

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
    private const string Insert = """
        INSERT INTO decision_versions (namnd, beslut_id, version, import_id, person_id, kon, lag, verksamhet, insats, enhet,
            beslutsdatum, avbrottsdatum, verkstallt_datum, avslutat_datum, orsak, kommentar, fodelsedatum, content_hash, first_late_day)
        SELECT namnd(), s.beslut_id, COALESCE(l.version, 0) + 1, @importId, s.person_id, s.kon, s.lag, s.verksamhet, s.insats,
            s.enhet, s.beslutsdatum, s.avbrottsdatum, s.verkstallt_datum, s.avslutat_datum, s.orsak, s.kommentar,
            s.fodelsedatum, s.content_hash, s.first_late_day
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

    /// Returns the rows read and the laws seen; the counts are only meaningful when fileOk() holds at the end.
    public static (int Rows, HashSet<Lag> Laws, long Added, long Changed, long Same) Store(NpgsqlConnection c,
        NpgsqlTransaction tx, long importId, IEnumerable<VersionRow> decisions, Func<bool> fileOk)
    {
        c.Execute(Staging, transaction: tx);
        var laws = new HashSet<Lag>();
        var rows = 0;
        using (var copy = c.BeginBinaryImport(Copy))
        {
            foreach (var row in decisions)
            {
                rows++;
                // After an error the file is refused: the rest is only read, for the errors it holds.
                if (!fileOk()) continue;
                laws.Add(row.Decision.Lag);
                Write(copy, rows, row);
            }
            copy.Complete();
        }
        if (!fileOk()) return (rows, laws, 0, 0, 0);
        c.Execute(Latest, transaction: tx);
        var t = c.QuerySingle<Tally>(Counts, transaction: tx);
        c.Execute(Gone, new { importId, laws = Importer.Laws(laws) }, tx);
        c.Execute(Insert, new { importId }, tx);
        return (rows, laws, t.Added, t.Changed, t.Same);
    }

    private static void Write(NpgsqlBinaryImporter copy, int seq, VersionRow row)
    {
        var d = row.Decision;
        copy.StartRow();
        copy.Write((long)seq, NpgsqlDbType.Bigint);
        Text(copy, d.BeslutId); Text(copy, d.PersonId); Text(copy, d.Kon == Kon.K ? "K" : "M"); Text(copy, d.Lag == Lag.LSS ? "LSS" : "SoL");
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
}
