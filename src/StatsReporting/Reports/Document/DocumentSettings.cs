using StatsReporting.Configuration;
using StatsReporting.Organisation;

namespace StatsReporting.Reports.Document;

/// "StatsReporting:Dokument": how the tjänsteskrivelse is made. `Mall`: the kommun's own Word template (.docx or .dotx)
/// the document is written into; empty gives the built-in layout. `Forvaltning` sends the ärende ("Socialförvaltningen"
/// gives "Socialförvaltningens förslag till beslut"), `Handlaggare` is the default handläggare, `Avsnitt` the kommun's
/// further fixed sections, in order. Organisation:Namnder:<code>:Dokument sets Mall, Forvaltning and Handlaggare per nämnd.
public sealed class DocumentSettings : ISettingsSection
{
    public static string Section => "StatsReporting:Dokument";

    public string? Mall { get; set; }
    public string? Forvaltning { get; set; }
    public string? Handlaggare { get; set; }
    public List<FixedSection> Avsnitt { get; set; } = [];

    public void Validate()
    {
        if (!string.IsNullOrWhiteSpace(Mall)) WordTemplate.Check(Mall, $"{Section}:Mall");
        for (var i = 0; i < Avsnitt.Count; i++)
            if (string.IsNullOrWhiteSpace(Avsnitt[i].Rubrik) || string.IsNullOrWhiteSpace(Avsnitt[i].Text))
                throw new InvalidOperationException($"appsettings.json: {Section}:Avsnitt:{i} ska ha både Rubrik och Text.");
    }

    /// The settings as nämnd `n` sees them: its own Mall, Forvaltning and Handlaggare where it has them.
    public DocumentOptions For(NamndSettings n, string? arendenr = null, string? handlaggare = null) => new(
        Blank(n.Dokument?.Mall) ?? Blank(Mall), Blank(n.Dokument?.Forvaltning) ?? Blank(Forvaltning),
        Blank(handlaggare) ?? Blank(n.Dokument?.Handlaggare) ?? Blank(Handlaggare), Blank(arendenr), Avsnitt);

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// A section a kommun requires in every tjänsteskrivelse (e.g. "Samverkan"), with its fixed text.
public sealed class FixedSection
{
    public string Rubrik { get; set; } = "";
    public string Text { get; set; } = "";
}

/// What one tjänsteskrivelse is made with: the template (null: built-in layout), the sending förvaltning, the
/// handläggare and ärendenummer (null: a yellow placeholder) and the fixed sections.
public sealed record DocumentOptions(string? Template, string? Forvaltning, string? Handlaggare, string? Arendenr,
    IReadOnlyList<FixedSection> Avsnitt)
{
    public static DocumentOptions BuiltIn { get; } = new(null, null, null, null, []);
}

/// What `report` and `run` are told on the command line for this quarter's documents (--arendenr, --handlaggare).
public sealed record DocumentInput(string? Arendenr, string? Handlaggare);
