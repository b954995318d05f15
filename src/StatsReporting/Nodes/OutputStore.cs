using System.Data;
using System.Security.Cryptography;
using Dapper;
using StatsReporting.Storage;
using StatsReporting.FileSystem;

namespace StatsReporting.Nodes;

/// One stored set: a quarter's folder of one nämnd, as a run last wrote it.
public sealed class StoredSet
{
    public long Id { get; init; }
    public string Namnd { get; init; } = "";
    public string Kind { get; init; } = "";
    public string Period { get; init; } = "";
}

/// The generated files in the database (migration 0010), so that every node serves the same bytes (README "Flera
/// noder"): the database is the one truth to back up, no shared folder's rename and lock semantics are needed, and
/// StaleFiles' sweep by process id never has to judge another machine's process.
public static class OutputStore
{
    public const string ReportsKind = "reports", IvoKind = "ivo";

    private sealed class StoredFile
    {
        public string Path { get; init; } = "";
        public string Sha256 { get; init; } = "";
        public byte[] Bytes { get; init; } = [];
    }

    /// After a run has swapped a quarter's folder in: every file of it, in one transaction; the folder's older sets go.
    public static long Save(Db db, string kind, string period, string folder, TimeProvider clock)
    {
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .Select(f => (Rel: Path.GetRelativePath(folder, f).Replace(Path.DirectorySeparatorChar, '/'), Bytes: File.ReadAllBytes(f)))
            .OrderBy(f => f.Rel, StringComparer.Ordinal).ToList();
        using var c = db.Open();
        using var tx = c.BeginTransaction();
        var id = c.ExecuteScalar<long>("""
            INSERT INTO output_sets (namnd, kind, period, stored_at) VALUES (@namnd, @kind, @period, @at) RETURNING id
            """, new { namnd = db.Namnd, kind, period, at = clock.GetUtcNow().ToString("O") }, tx);
        foreach (var (rel, bytes) in files)
            c.Execute("INSERT INTO output_files (set_id, path, sha256, bytes) VALUES (@id, @rel, @sha, @bytes)",
                new { id, rel, sha = Sha256(bytes), bytes }, tx);
        c.Execute("DELETE FROM output_files WHERE set_id IN (SELECT id FROM output_sets WHERE namnd = @namnd AND kind = @kind AND period = @period AND id <> @id)",
            new { namnd = db.Namnd, kind, period, id }, tx);
        c.Execute("DELETE FROM output_sets WHERE namnd = @namnd AND kind = @kind AND period = @period AND id <> @id",
            new { namnd = db.Namnd, kind, period, id }, tx);
        tx.Commit();
        return id;
    }

    /// The newest set of every folder of every nämnd (a few per quarter: one cheap query per request).
    public static IReadOnlyList<StoredSet> Latest(IDbConnection c) => c.Query<StoredSet>("""
        SELECT id AS Id, namnd AS Namnd, kind AS Kind, period AS Period FROM output_sets s
        WHERE id = (SELECT MAX(id) FROM output_sets t WHERE t.namnd = s.namnd AND t.kind = s.kind AND t.period = s.period)
        """).AsList();

    /// Writes the stored set into `folder` as one set (FileSystem/OutputSet: a fresh hidden folder swapped in), after
    /// checking every file's sha256. `ownerOnly` for the IVO folder (700/600), as the run itself writes it.
    public static IReadOnlyList<WrittenFile> Materialise(Db db, long setId, string folder, bool ownerOnly)
    {
        List<StoredFile> files;
        using (var c = db.Open())
            files = c.Query<StoredFile>("SELECT path AS Path, sha256 AS Sha256, bytes AS Bytes FROM output_files WHERE set_id = @setId ORDER BY path",
                new { setId }).AsList();
        foreach (var f in files)
            if (Sha256(f.Bytes) != f.Sha256 || f.Path.Split('/').Any(part => part is "" or "." or ".."))
                throw new InvalidOperationException($"Den lagrade filen '{UserText.Escape(f.Path)}' stämmer inte med sin SHA-256 eller har ett ogiltigt namn; mappen skrivs inte ut.");
        return OutputSet.Write(folder, dir => files.Select(f =>
        {
            var path = Path.Combine(dir, f.Path.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            AtomicFile.Write(path, s => s.Write(f.Bytes), ownerOnly);
            return new WrittenFile("lagrad", path);
        }).ToList(), ownerOnly);
    }

    /// What the database holds for one file of a set (the load test compares downloads with it).
    public static string? StoredSha256(IDbConnection c, long setId, string path) =>
        c.ExecuteScalar<string?>("SELECT sha256 FROM output_files WHERE set_id = @setId AND path = @path", new { setId, path });

    /// The sets this process has in its own folders (written by its own runs or materialised), by folder.
    public static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Namnd, string Kind, string Period), long> Local = new();

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
