using StatsReporting.Decisions;
using StatsReporting.Records;

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
        return [d.BeslutId, d.Lag.ToString(), Insats, IsoDate.Format(d.Beslutsdatum)!, IsoDate.Format(d.Avbrottsdatum) ?? "",
            LastSeenIn, MissingFrom, Message];
    }

    public static ForsvunnetArende Of(VanishedDecision v, Catalog catalog, Period q, string lastSeenIn, string missingFrom) =>
        new(v, IvoRules.InsatsName(v.Decision, catalog), lastSeenIn, missingFrom, IvoRules.Classify(v.Decision, q));
}
