using System.Globalization;
using System.Text.RegularExpressions;
using StatsReporting.FileSystem;

namespace StatsReporting.Backups;

public sealed record BackupEntry(string Folder, DateTimeOffset TakenAt);

/// Which backups go: the nightly job keeps the newest Backup:Dagar, and gallring deletes every backup older than
/// Gallring:Manader months (a backup holds IVO codes and kommentar like the database, so the same limit reaches it).
/// The choices are pure functions over the list; Delete removes a folder by renaming it to a hidden name first, so a
/// kill halfway leaves a folder that is not a backup and is swept, never one that looks whole.
public static partial class BackupRetention
{
    /// The backups under `root`, oldest first, by the time in their names (also when a manifest is damaged).
    public static IReadOnlyList<BackupEntry> List(string root) => !Directory.Exists(root) ? [] :
        Directory.EnumerateDirectories(root).Select(d => (d, m: Name().Match(Path.GetFileName(d)))).Where(x => x.m.Success)
            .Select(x => new BackupEntry(x.d, DateTimeOffset.ParseExact(x.m.Groups[1].Value, "yyyy-MM-dd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)))
            .OrderBy(e => e.TakenAt).ThenBy(e => e.Folder, StringComparer.Ordinal).ToList();

    /// All but the newest `keep`.
    public static IReadOnlyList<BackupEntry> BeyondNewest(IReadOnlyList<BackupEntry> backups, int keep) =>
        backups.OrderByDescending(b => b.TakenAt).ThenByDescending(b => b.Folder, StringComparer.Ordinal).Skip(keep).ToList();

    /// Taken before the start of the day `months` months before `today` (UTC).
    public static IReadOnlyList<BackupEntry> OlderThanMonths(IReadOnlyList<BackupEntry> backups, int months, DateOnly today)
    {
        var limit = new DateTimeOffset(today.AddMonths(-months).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return backups.Where(b => b.TakenAt < limit).ToList();
    }

    public static void Delete(BackupEntry backup)
    {
        var parent = Path.GetDirectoryName(backup.Folder)!;
        var hidden = Path.Combine(parent, TempNames.For(Path.GetFileName(backup.Folder), ".del"));
        Directory.Move(backup.Folder, hidden);
        Directory.Delete(hidden, recursive: true);
    }

    /// The nightly job's rule: the newest `keep` stay.
    public static IReadOnlyList<BackupEntry> KeepNewest(string root, int keep) => DeleteAll(BeyondNewest(List(root), keep));

    /// Gallring's rule: every backup under `root` older than `months` months is deleted.
    public static IReadOnlyList<BackupEntry> DeleteOlderThan(string root, int months, DateOnly today) => DeleteAll(OlderThanMonths(List(root), months, today));

    private static IReadOnlyList<BackupEntry> DeleteAll(IReadOnlyList<BackupEntry> backups)
    {
        foreach (var b in backups) Delete(b);
        return backups;
    }

    [GeneratedRegex(@"^statsreporting-(\d{4}-\d{2}-\d{2}T\d{6}Z)(-\d+)?$")]
    private static partial Regex Name();
}
