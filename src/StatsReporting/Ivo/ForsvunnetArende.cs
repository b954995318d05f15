using Dapper;
using Microsoft.Data.Sqlite;
using StatsReporting.Decisions;
using StatsReporting.Storage;

namespace StatsReporting.Ivo;

/// A decision an earlier import held open and the latest import of its law no longer holds, with no date that
/// closes it: an error for the rapportör to resolve, never a case to drop silently.
public sealed record ForsvunnetArende(VanishedDecision Vanished, string Insats, string LastSeenIn, string MissingFrom, Rapporttyp? InReportAs)
{
    public static readonly string[] Columns =
        ["Beslut-id", "Lag", "Insats", "Beslutsdatum", "Avbrottsdatum", "Senast med i import", "Saknas i import", "Fel"];

    public string BeslutId => Vanished.Decision.BeslutId;

    public string Message => $"Beslutet var öppet i {LastSeenIn} men saknas i {MissingFrom} utan verkställt- eller avslutsdatum. "
        + (InReportAs is { } t
            ? $"Det står kvar i individrapporten som {IvoRules.Text(t)} tills verksamhetssystemet visar vad som hänt med det."
            : "Det är ännu inte rapporteringspliktigt, men ta reda på vad som hänt med det.");

    public string[] Cells()
    {
        var d = Vanished.Decision;
        return [d.BeslutId, d.Lag.ToString(), Insats, d.Beslutsdatum.ToString("yyyy-MM-dd"), d.Avbrottsdatum?.ToString("yyyy-MM-dd") ?? "",
            LastSeenIn, MissingFrom, Message];
    }

    /// Every vanished decision of both laws, as Storage.Snapshots finds them, described for quarter q's report.
    public static IReadOnlyList<ForsvunnetArende> Find(SqliteConnection c, Catalog catalog, Period q)
    {
        var vanished = new[] { Lag.SoL, Lag.LSS }.SelectMany(lag => Snapshots.Vanished(c, lag)).ToList();
        if (vanished.Count == 0) return [];
        var imports = c.Query<ImportName>("SELECT id AS Id, file_name AS FileName, imported_at AS ImportedAt FROM imports")
            .ToDictionary(i => i.Id, i => $"import {i.Id} ({i.FileName}, {i.ImportedAt[..10]})");
        return vanished
            .OrderBy(v => v.Decision.BeslutId, StringComparer.Ordinal)
            .Select(v => new ForsvunnetArende(v, IvoRules.InsatsName(v.Decision, catalog), imports[v.LastSeenImport],
                imports[v.CurrentImport], IvoRules.Classify(v.Decision, q)))
            .ToList();
    }

    private sealed class ImportName
    {
        public long Id { get; init; }
        public string FileName { get; init; } = "";
        public string ImportedAt { get; init; } = "";
    }
}
