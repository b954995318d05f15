namespace StatsReporting.Decisions;

public enum Lag { SoL, LSS }

public enum Kon { K, M }

/// One decision record as the case system exported it (spec §2).
public sealed record Decision
{
    public required string BeslutId { get; init; }
    public required string PersonId { get; init; }
    public required Kon Kon { get; init; }
    public required Lag Lag { get; init; }
    /// ÄO, OF or IFO for SoL; null for LSS.
    public string? Verksamhet { get; init; }
    /// The catalog name of the insats (aliases already resolved).
    public required string Insats { get; init; }
    public string? Enhet { get; init; }
    public required DateOnly Beslutsdatum { get; init; }
    public DateOnly? Avbrottsdatum { get; init; }
    public DateOnly? VerkstalltDatum { get; init; }
    public DateOnly? AvslutatDatum { get; init; }
    /// An orsak code from the catalog, or free text as written.
    public string? Orsak { get; init; }
    public string? Kommentar { get; init; }
    /// Optional; only builds the IVO code for a person known by a local pseudonym. Never printed in KF outputs.
    public DateOnly? Fodelsedatum { get; init; }
}
