using System.Globalization;
using Dapper;
using StatsReporting.Decisions;
using StatsReporting.Storage;
using StatsReporting.Logg;
using StatsReporting.Records;

namespace StatsReporting.Ivo;

/// The IVO feature's tables: pseudonym codes and the record of exports (migration 0003).
public sealed class IvoStore(Db db)
{
    /// The codes of the pseudonymous persons among `decisions`, making and storing those not yet made, in one
    /// transaction. Codes never collide with one another nor with an IVO code the records use directly.
    public IReadOnlyDictionary<string, AssignedCode> Codes(IEnumerable<Decision> decisions, DateTimeOffset now)
    {
        const string stored = "SELECT pseudonym AS Pseudonym, ivo_code AS IvoCode, kon AS Kon, birth_date_known AS BirthDateKnown FROM ivo_person_codes WHERE namnd = namnd()";
        // A scan, not a walk of the (namnd, beslut_id, version) index with a table look-up per row (Engine.ScanNamnd).
        var direct = $"SELECT DISTINCT person_id FROM decision_versions WHERE {db.Engine.ScanNamnd("namnd")} = namnd()";
        const string insert = """
            INSERT INTO ivo_person_codes (namnd, pseudonym, ivo_code, kon, birth_date_known, created_at)
            VALUES (namnd(), @pseudonym, @code, @kon, @known, @at)
            """;
        using var c = db.Open();
        using var tx = c.BeginTransaction();
        db.WriteLock(c, tx); // Postgres: two nodes exporting at once must not hand out the same code (SQLite: BEGIN IMMEDIATE)
        var codes = c.Query<StoredCode>(stored, transaction: tx)
            .ToDictionary(s => s.Pseudonym, s => new AssignedCode(s.IvoCode, Enum.Parse<Kon>(s.Kon), s.BirthDateKnown != 0), StringComparer.Ordinal);
        // Every stored person code is read only when some pseudonym still needs a code (a million decisions: seconds).
        var list = decisions as IReadOnlyCollection<Decision> ?? decisions.ToList();
        var needed = list.Any(d => !codes.ContainsKey(d.PersonId) && PersonCode.Classify(d.PersonId) == PersonCode.Kind.Pseudonym);
        var taken = !needed ? [] : codes.Values.Select(a => a.Code)
            .Concat(c.Query<string>(direct, transaction: tx).Where(p => PersonCode.Classify(p) == PersonCode.Kind.IvoCode));
        foreach (var (pseudonym, a) in PseudonymCodes.Make(list, codes.Keys.ToHashSet(StringComparer.Ordinal), taken))
        {
            c.Execute(insert, new { pseudonym, code = a.Code, kon = a.Kon.ToString(), known = a.BirthDateKnown ? 1 : 0, at = now.ToString("O") }, tx);
            codes[pseudonym] = a;
        }
        tx.Commit();
        return codes;
    }

    /// The export's row and its behandlingslogg row, in one transaction.
    public void RecordExport(IvoExportResult r, long? importId, DateTimeOffset now, Actor by)
    {
        const string sql = """
            INSERT INTO ivo_exports (namnd, period, exported_at, import_id, ny, kvarstar, avslutande, forsvunna, folder)
            VALUES (namnd(), @period, @at, @importId, @ny, @kvarstar, @avslutande, @forsvunna, @folder)
            """;
        using var c = db.Open();
        using var tx = c.BeginTransaction();
        c.Execute(sql, new
        {
            period = r.Period.ToString(), at = now.ToString("O"), importId, ny = r.Count(Rapporttyp.Ny),
            kvarstar = r.Count(Rapporttyp.Kvarstar), avslutande = r.Count(Rapporttyp.Avslutande), forsvunna = r.Forsvunna.Count,
            folder = r.Folder,
        }, tx);
        Behandlingslogg.Write(db, c, tx, by.Did(Handling.IvoExport, Resultat.Ok) with
        {
            Objekt = string.Join(", ", r.Files.Select(f => Path.GetFileName(f.Path))), Kvartal = r.Period.ToString(), Namnd = db.Namnd,
            AntalPersoner = r.Rows.Select(x => x.PersonCode).Distinct(StringComparer.Ordinal).Count(),
        }, now);
        tx.Commit();
    }

    /// The latest export recorded for each quarter.
    public IReadOnlyDictionary<Period, DateTimeOffset> LastExports()
    {
        const string sql = "SELECT period AS Period, MAX(exported_at) AS ExportedAt FROM ivo_exports WHERE namnd = namnd() GROUP BY period";
        using var c = db.Open();
        return c.Query<(string Period, string ExportedAt)>(sql)
            .ToDictionary(e => Period.Parse(e.Period), e => DateTimeOffset.Parse(e.ExportedAt, CultureInfo.InvariantCulture));
    }

    /// Every decision StatsReporting.Records.Snapshots finds vanished, in either law (as the run's QuarterRecords found them),
    /// described for quarter q's report.
    public IReadOnlyList<ForsvunnetArende> Forsvunna(Catalog catalog, Period q, IReadOnlyDictionary<Lag, IReadOnlyList<VanishedDecision>> byLaw)
    {
        var vanished = new[] { Lag.SoL, Lag.LSS }.SelectMany(lag => byLaw[lag]).ToList();
        if (vanished.Count == 0) return [];
        using var c = db.Open();
        var imports = c.Query<(long Id, string FileName, string ImportedAt)>("SELECT id, file_name, imported_at FROM imports WHERE namnd = namnd()")
            .ToDictionary(i => i.Id, i => $"import {i.Id} ({i.FileName}, {i.ImportedAt[..10]})");
        return vanished.OrderBy(v => v.Decision.BeslutId, StringComparer.Ordinal)
            .Select(v => ForsvunnetArende.Of(v, catalog, q, imports[v.LastSeenImport], imports[v.CurrentImport]))
            .ToList();
    }

    private sealed class StoredCode
    {
        public string Pseudonym { get; init; } = "";
        public string IvoCode { get; init; } = "";
        public string Kon { get; init; } = "";
        public long BirthDateKnown { get; init; }
    }
}
