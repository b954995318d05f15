using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
using StatsReporting.Storage;

namespace StatsReporting.Logg;

/// A stored row of the behandlingslogg (table behandlingslogg, migration 0013).
public sealed record LogRow
{
    public long Id { get; init; }
    public string Tid { get; init; } = "";
    public string Vem { get; init; } = "";
    public string? Subjekt { get; init; }
    public string Handling { get; init; } = "";
    public string? Objekt { get; init; }
    public string? Kvartal { get; init; }
    public string? Namnd { get; init; }
    public long? AntalPersoner { get; init; }
    public string? Adress { get; init; }
    public string? Nod { get; init; }
    public string Resultat { get; init; } = "";
    public string Foregaende { get; init; } = "";
    public string Hash { get; init; } = "";
}

/// The behandlingslogg (issue 24): every access to personal data and every change of who may access it, appended in
/// the same transaction as what it records, so that what happened is logged exactly when it is done. Each row holds
/// the SHA-256 of the one before (its first row: of the anchor its gallring recorded, or 64 zeros), so a row edited or
/// deleted afterwards is found by Verify. The table's triggers refuse UPDATE and DELETE besides.
public static class Behandlingslogg
{
    public static readonly string Genesis = new('0', 64);

    /// Appends `e` inside the caller's transaction `tx` (which must be the one that does what `e` records).
    public static LogRow Write(Db db, DbConnection c, DbTransaction tx, LogEntry e, DateTimeOffset at)
    {
        db.LogLock(c, tx);
        var (lastId, lastHash) = Last(c, tx);
        var row = new LogRow
        {
            Id = lastId + 1, Tid = Time(at), Vem = e.Vem, Subjekt = e.Subjekt, Handling = e.Handling, Objekt = e.Objekt,
            Kvartal = e.Kvartal, Namnd = e.Namnd, AntalPersoner = e.AntalPersoner, Adress = e.Adress, Nod = e.Nod,
            Resultat = e.Resultat, Foregaende = lastHash,
        };
        row = row with { Hash = HashOf(row) };
        const string sql = """
            INSERT INTO behandlingslogg (id, tid, vem, subjekt, handling, objekt, kvartal, namnd, antal_personer, adress, nod, resultat, foregaende, hash)
            VALUES (@Id, @Tid, @Vem, @Subjekt, @Handling, @Objekt, @Kvartal, @Namnd, @AntalPersoner, @Adress, @Nod, @Resultat, @Foregaende, @Hash)
            """;
        c.Execute(sql, row, tx);
        return row;
    }

    /// Appends `e` in a transaction of its own: for an event that changes nothing else (a download, a refusal).
    public static LogRow Write(Db db, LogEntry e, DateTimeOffset at)
    {
        using var c = db.Open();
        using var tx = c.BeginTransaction();
        var row = Write(db, c, tx, e, at);
        tx.Commit();
        return row;
    }

    /// The rows from `from` to `to` (whole days, UTC; either may be null), oldest first; at most `limit`.
    public static IReadOnlyList<LogRow> Read(Db db, DateOnly? from, DateOnly? to, int limit = int.MaxValue)
    {
        const string sql = $"""
            SELECT {Columns} FROM behandlingslogg
            WHERE (@from IS NULL OR tid >= @from) AND (@to IS NULL OR tid < @to) ORDER BY id LIMIT @limit
            """;
        using var c = db.Open();
        return c.Query<LogRow>(sql, new { from = from?.ToString("yyyy-MM-dd"), to = to?.AddDays(1).ToString("yyyy-MM-dd"), limit = (long)limit }).ToList();
    }

    /// The whole chain checked, from its anchor: null when it is whole, else the first broken row, in Swedish.
    public static VerifyResult Verify(Db db)
    {
        using var c = db.Open();
        var anchor = c.QueryFirstOrDefault<(long TillId, string Hash)?>("SELECT till_id, hash FROM behandlingslogg_ankare ORDER BY till_id DESC LIMIT 1");
        var (expected, previous) = anchor is { } a ? (a.TillId + 1, a.Hash) : (1L, Genesis);
        long rows = 0;
        foreach (var row in c.Query<LogRow>($"SELECT {Columns} FROM behandlingslogg ORDER BY id", buffered: false))
        {
            string? broken = row.Id < expected ? $"rad {row.Id} ligger före loggens ankare (rad {expected - 1} och äldre är gallrade)"
                : row.Id > expected ? $"rad {expected} saknas (borttagen); nästa rad är {row.Id}"
                : row.Foregaende != previous ? $"rad {row.Id}: hashen av föregående rad stämmer inte (raden före den har ändrats)"
                : HashOf(row) != row.Hash ? $"rad {row.Id} har ändrats (dess hash stämmer inte med innehållet)"
                : null;
            if (broken is not null) return new(false, rows, broken, previous);
            (expected, previous, rows) = (row.Id + 1, row.Hash, rows + 1);
        }
        return new(true, rows, null, previous);
    }

    public sealed record VerifyResult(bool Whole, long Rows, string? FirstBroken, string LastHash);

    /// The log's own gallring: rows older than `months` months before `today` are deleted, oldest first and without
    /// gaps (a row is kept while an older-numbered one is kept), after an anchor with the last deleted row's hash is
    /// recorded; the gallring is itself logged. Returns how many rows went.
    public static long Prune(Db db, DateOnly today, int months, string vem, DateTimeOffset at)
    {
        var cutoff = today.AddMonths(-months).ToString("yyyy-MM-dd");
        using var c = db.Open();
        using var tx = c.BeginTransaction();
        db.LogLock(c, tx);
        var firstKept = c.ExecuteScalar<long?>("SELECT MIN(id) FROM behandlingslogg WHERE tid >= @cutoff", new { cutoff }, tx);
        var last = c.QueryFirstOrDefault<(long Id, string Hash)?>(
            "SELECT id, hash FROM behandlingslogg WHERE (@firstKept IS NULL OR id < @firstKept) ORDER BY id DESC LIMIT 1", new { firstKept }, tx);
        long count = 0;
        if (last is { } l)
        {
            c.Execute("INSERT INTO behandlingslogg_ankare (till_id, hash, gallrad_at, antal) VALUES (@id, @hash, @at, @count)",
                new { id = l.Id, hash = l.Hash, at = Time(at), count = c.ExecuteScalar<long>("SELECT COUNT(*) FROM behandlingslogg WHERE id <= @id", new { id = l.Id }, tx) }, tx);
            count = c.Execute("DELETE FROM behandlingslogg WHERE id <= @id", new { id = l.Id }, tx);
        }
        Write(db, c, tx, new LogEntry
        {
            Vem = vem, Handling = Handling.LoggGallrad, Objekt = $"{count} rader äldre än {cutoff}", Resultat = Resultat.Ok, Nod = Environment.MachineName,
        }, at);
        tx.Commit();
        return count;
    }

    private const string Columns = """
        id AS Id, tid AS Tid, vem AS Vem, subjekt AS Subjekt, handling AS Handling, objekt AS Objekt, kvartal AS Kvartal,
        namnd AS Namnd, antal_personer AS AntalPersoner, adress AS Adress, nod AS Nod, resultat AS Resultat,
        foregaende AS Foregaende, hash AS Hash
        """;

    private static (long Id, string Hash) Last(DbConnection c, DbTransaction tx) =>
        c.QueryFirstOrDefault<(long, string)?>("SELECT id, hash FROM behandlingslogg ORDER BY id DESC LIMIT 1", transaction: tx)
        ?? c.QueryFirstOrDefault<(long, string)?>("SELECT till_id, hash FROM behandlingslogg_ankare ORDER BY till_id DESC LIMIT 1", transaction: tx)
        ?? (0, Genesis);

    /// UTC to the millisecond, ISO text: sorts as it reads, on both providers.
    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'");

    /// The SHA-256 of the previous row's hash and this row's fields, as JSON (one spelling on every machine).
    public static string HashOf(LogRow r)
    {
        var fields = JsonSerializer.Serialize(new object?[]
            { r.Id, r.Tid, r.Vem, r.Subjekt, r.Handling, r.Objekt, r.Kvartal, r.Namnd, r.AntalPersoner, r.Adress, r.Nod, r.Resultat });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(r.Foregaende + "\n" + fields)));
    }
}
