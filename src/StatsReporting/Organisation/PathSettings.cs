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

    public string ArchiveFor(string databasePath) => OrBesideDatabase(Archive, databasePath, "archive");

    public string IvoFor(string databasePath) => OrBesideDatabase(Ivo, databasePath, "ivo");

    private static string OrBesideDatabase(string? configured, string databasePath, string folder) =>
        string.IsNullOrEmpty(configured)
            ? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(databasePath))!, folder)
            : configured;

    public void Validate() { }
}
