using System.Security.Cryptography;
using Dapper;
using StatsReporting.Backups;
using StatsReporting.Decisions;
using StatsReporting.Ivo;
using StatsReporting.Logg;
using StatsReporting.Organisation;
using StatsReporting.Storage;

namespace StatsReporting.Gallring;

/// One nämnd's share of a gallring. `Personer`: the distinct person codes replaced.
public sealed record GallringCount(string Namnd, int Beslut, int Versioner, int Personer, int Personkoder, int IvoMappar);

public sealed record GallringResult(DateOnly Cutoff, bool Visa, IReadOnlyList<GallringCount> Namnder, int Arkivfiler, long LoggRader, string? Varning, int Sakerhetskopior = 0)
{
    public string Summary =>
        (Visa ? "Gallring (visa, inget ändrat)" : "Gallring") + $" av det som stängdes före {Cutoff:yyyy-MM-dd}: " +
        string.Join("; ", Namnder.Select(n => $"{n.Namnd}: {n.Beslut} beslut ({n.Versioner} versioner, {n.Personer} personkoder), " +
            $"{n.Personkoder} IVO-koder för pseudonymer, {n.IvoMappar} IVO-mappar")) +
        $"; {Arkivfiler} arkiverade filer; {LoggRader} rader i behandlingsloggen." + (Sakerhetskopior == 0 ? "" : $" {Sakerhetskopior} säkerhetskopior tagna före {Cutoff:yyyy-MM-dd}.")
        + (Varning is null ? "" : $" Varning: {Varning}.");
}

/// Gallring (issue 24): the IVO code, birth date and kommentar of every version of a decision that GallringRule finds
/// due are replaced for good (the code by PersonCode.GallradPrefix and random hex, the same for one person within a
/// run; the others by NULL); kön, lag, insats, dates and orsak stay, so every KF workbook stays the same. Archived
/// input files imported before the cutoff and IVO folders last exported before it are deleted (the imports row and its
/// sha256 stay). One transaction, logged in it; the files after its commit; then the bytes are made unreadable in the
/// database's files (Db.Erased). `visa`: only counts.
public static class Gallra
{
    private static readonly string[] Tables = ["decision_versions", "ivo_person_codes", "output_sets", "output_files"];

    public static GallringResult Run(Db db, IReadOnlyList<NamndContext> namnder, DateOnly today, int months, int loggMonths, bool visa, Actor by, DateTimeOffset at)
    {
        var cutoff = GallringRule.Cutoff(today, months);
        var due = namnder.Select(n => (n, Due(n, cutoff), Folders(n, cutoff))).ToList();
        var archive = Archived(db, cutoff);
        // Backups hold the same personal data (Backups/BackupRetention): those taken before the cutoff go too.
        var backupRoot = namnder.Count > 0 ? namnder[0].Paths.BackupFor(db.Path) : null;
        var backups = backupRoot is null ? [] : BackupRetention.OlderThanMonths(BackupRetention.List(backupRoot), months, today);
        using var c = db.Open();
        if (!visa) db.Erasing(c);
        var counts = new List<GallringCount>();
        using (var tx = c.BeginTransaction())
        {
            db.WriteLock(c, tx);
            foreach (var (n, beslut, folders) in due)
            {
                // Every version's (beslut_id, person_id) of the nämnd in one scan; the due ones are updated by beslut_id (indexed).
                var dueSet = beslut.ToHashSet(StringComparer.Ordinal);
                var pairs = c.Query<(string BeslutId, string PersonId)>("SELECT beslut_id, person_id FROM decision_versions WHERE namnd = @namnd",
                    new { namnd = n.Code }, tx).Where(v => dueSet.Contains(v.BeslutId) && !PersonCode.IsGallrad(v.PersonId)).ToList();
                var versions = pairs.Count;
                var persons = pairs.Select(v => v.PersonId).Distinct(StringComparer.Ordinal).ToList();
                var codes = 0;
                if (!visa)
                {
                    var tokens = persons.ToDictionary(p => p, _ => PersonCode.GallradPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)), StringComparer.Ordinal);
                    c.Execute("""
                        UPDATE decision_versions SET person_id = @token, kommentar = NULL, fodelsedatum = NULL, content_hash = NULL
                        WHERE namnd = @namnd AND beslut_id = @beslutId AND person_id = @personId
                        """, pairs.Distinct().Select(v => new { token = tokens[v.PersonId], namnd = n.Code, beslutId = v.BeslutId, personId = v.PersonId }), tx);
                    // A pseudonym's IVO code, once no version names the pseudonym any more.
                    codes = c.Execute("""
                        DELETE FROM ivo_person_codes WHERE namnd = @namnd
                        AND NOT EXISTS (SELECT 1 FROM decision_versions v WHERE v.namnd = @namnd AND v.person_id = ivo_person_codes.pseudonym)
                        """, new { namnd = n.Code }, tx);
                    foreach (var folder in folders)
                        c.Execute("DELETE FROM output_sets WHERE namnd = @namnd AND kind = 'ivo' AND period = @period",
                            new { namnd = n.Code, period = Path.GetFileName(folder) }, tx);
                }
                counts.Add(new(n.Code, beslut.Count, versions, persons.Count, codes, folders.Count));
                if (!visa)
                    Behandlingslogg.Write(db, c, tx, by.Did(Handling.Gallring, Resultat.Ok) with
                    {
                        Namnd = n.Code, AntalPersoner = persons.Count,
                        Objekt = $"{beslut.Count} beslut ({versions} versioner) stängda före {cutoff:yyyy-MM-dd}; {codes} IVO-koder, {folders.Count} IVO-mappar, {archive.Count} arkivfiler",
                    }, at);
            }
            if (!visa) tx.Commit();
        }
        if (visa) return new(cutoff, true, counts, archive.Count, 0, null, backups.Count);
        // After the commit: a file whose deletion fails is tried again by the next gallring.
        foreach (var f in archive) Erase(f);
        foreach (var folder in due.SelectMany(d => d.Item3)) Directory.Delete(folder, recursive: true);
        foreach (var b in backups) BackupRetention.Delete(b);
        if (backups.Count > 0)
            Behandlingslogg.Write(db, by.Did(Handling.Gallring, Resultat.Ok) with
            {
                Objekt = $"{backups.Count} säkerhetskopior tagna före {cutoff:yyyy-MM-dd}: {string.Join(", ", backups.Select(b => Path.GetFileName(b.Folder)))}",
            }, at);
        var warning = db.Erased(c, Tables);
        var loggRader = Behandlingslogg.Prune(db, today, loggMonths, by.Vem, at);
        return new(cutoff, false, counts, archive.Count, loggRader, warning, backups.Count);
    }

    /// The beslut_id of the nämnd's decisions that are due, by their latest version (a decision gone from the case
    /// system's exports included).
    private static List<string> Due(NamndContext n, DateOnly cutoff)
    {
        const string sql = """
            SELECT v.beslut_id AS BeslutId, v.beslutsdatum AS Beslutsdatum, v.verkstallt_datum AS Verkstallt, v.avslutat_datum AS Avslutat, v.person_id AS PersonId
            FROM decision_versions v
            WHERE v.namnd = @namnd AND v.version = (SELECT MAX(w.version) FROM decision_versions w WHERE w.namnd = v.namnd AND w.beslut_id = v.beslut_id)
            """;
        var exports = new IvoStore(n.Db).LastExports();
        using var c = n.Db.Open();
        return c.Query<(string BeslutId, string Beslutsdatum, string? Verkstallt, string? Avslutat, string PersonId)>(sql, new { namnd = n.Code })
            .Where(r => !PersonCode.IsGallrad(r.PersonId))
            .Where(r => GallringRule.IsDue(new(r.BeslutId, IsoDate.Parse(r.Beslutsdatum)!.Value, IsoDate.Parse(r.Verkstallt), IsoDate.Parse(r.Avslutat)), cutoff, exports))
            .Select(r => r.BeslutId).Order(StringComparer.Ordinal).ToList();
    }

    /// The nämnd's IVO folders (<ivo>/<quarter>/) last exported before the cutoff (or, never recorded, of a quarter that ended before it).
    private static List<string> Folders(NamndContext n, DateOnly cutoff)
    {
        if (!Directory.Exists(n.IvoRoot)) return [];
        var exports = new IvoStore(n.Db).LastExports();
        return Directory.GetDirectories(n.IvoRoot)
            .Where(d => Period.TryParse(Path.GetFileName(d), out var q)
                && (exports.TryGetValue(q, out var last) ? DateOnly.FromDateTime(last.UtcDateTime) < cutoff : q.End < cutoff))
            .Order(StringComparer.Ordinal).ToList();
    }

    /// Archived input files of every nämnd imported before the cutoff that are still on disk.
    private static List<string> Archived(Db db, DateOnly cutoff)
    {
        using var c = db.Open();
        return c.Query<string>("SELECT archive_path FROM imports WHERE imported_at < @cutoff AND archive_path IS NOT NULL", new { cutoff = cutoff.ToString("yyyy-MM-dd") })
            .Where(File.Exists).Distinct().ToList();
    }

    /// Overwritten with zeros before it is deleted: on a plain file system the blocks no longer hold the data (on a
    /// copy-on-write or flash one that is not certain: README).
    private static void Erase(string path)
    {
        using (var f = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            var zeros = new byte[64 * 1024];
            for (var left = f.Length; left > 0; left -= zeros.Length) f.Write(zeros, 0, (int)Math.Min(left, zeros.Length));
            f.Flush(flushToDisk: true);
        }
        File.Delete(path);
    }
}
