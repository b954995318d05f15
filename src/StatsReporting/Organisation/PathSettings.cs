using StatsReporting.Configuration;

namespace StatsReporting.Organisation;

/// "StatsReporting:Paths": where the database, the inbox and the outputs are.
public sealed class PathSettings : ISettingsSection
{
    public static string Section => "StatsReporting:Paths";

    public string Database { get; set; } = "data/statsreporting.db";
    public string Inbox { get; set; } = "samples";
    public string Reports { get; set; } = "reports";
    /// The IVO individrapport holds personal data: its own owner-only folder, never inside Reports.
    /// Empty means an "ivo" folder beside the database, where the other personal data lives.
    public string? Ivo { get; set; }
    /// Where imported files are archived; empty means an "archive" folder beside the database.
    public string? Archive { get; set; }
    /// Where `statsreporting backup` and the nightly job put their backups; empty means a "backup" folder beside the
    /// database. Backups hold the same personal data as the database: owner-only, and gallring reaches them.
    public string? Backup { get; set; }

    public string ArchiveFor(string databasePath) => OrBesideDatabase(Archive, databasePath, "archive");

    public string IvoFor(string databasePath) => OrBesideDatabase(Ivo, databasePath, "ivo");

    public string BackupFor(string databasePath) => OrBesideDatabase(Backup, databasePath, "backup");

    private static string OrBesideDatabase(string? configured, string databasePath, string folder) =>
        string.IsNullOrEmpty(configured)
            ? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(databasePath))!, folder)
            : configured;

    public void Validate() { }
}
