using Dapper;
using StatsReporting.Configuration;
using StatsReporting.Decisions;
using StatsReporting.Storage;
using StatsReporting.FileSystem;

namespace StatsReporting.Organisation;

/// "StatsReporting:Organisation": who the reports are from, printed in every page header and as the subject of the
/// ärende text. Kommun and Namnd are the one-nämnd installation (code Db.DefaultNamnd); Namnder lists several nämnder
/// instead.
public sealed class OrganisationSettings : ISettingsSection
{
    public static string Section => "StatsReporting:Organisation";

    public string Kommun { get; set; } = "Exempelkommunen";
    public string Namnd { get; set; } = "Socialnämnden";
    public List<NamndSettings> Namnder { get; set; } = [];

    public void Validate()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var n in Namnder)
        {
            if (!System.Text.RegularExpressions.Regex.IsMatch(n.Code, "^[a-z0-9][a-z0-9-]{0,31}$"))
                throw new InvalidOperationException($"appsettings.json: StatsReporting:Organisation:Namnder: koden '{UserText.Escape(n.Code)}' ska vara 1–32 små bokstäver a–z, siffror eller bindestreck.");
            if (!seen.Add(n.Code)) throw new InvalidOperationException($"appsettings.json: StatsReporting:Organisation:Namnder: koden '{n.Code}' finns två gånger.");
            if (string.IsNullOrWhiteSpace(n.Name) || string.IsNullOrWhiteSpace(n.Kommun))
                throw new InvalidOperationException($"appsettings.json: StatsReporting:Organisation:Namnder: nämnden '{n.Code}' saknar Name eller Kommun.");
            n.Catalog?.Validate($"StatsReporting:Organisation:Namnder:{n.Code}:Catalog");
            if (!string.IsNullOrEmpty(n.RecordsFrom) && !Period.TryParse(n.RecordsFrom, out _))
                throw new InvalidOperationException($"appsettings.json: StatsReporting:Organisation:Namnder:{n.Code}:RecordsFrom '{n.RecordsFrom}' är ingen period.");
        }
    }
}

/// One nämnd of Organisation:Namnder: its code (in paths, `--namnd` and the database), its name and kommun, and the
/// report settings where it differs from StatsReporting:Report (kön order, RecordsFrom) and StatsReporting:Catalog.
public sealed class NamndSettings
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string Kommun { get; set; } = "";
    public Dictionary<string, string[]>? KonOrder { get; set; }
    public string? RecordsFrom { get; set; }
    /// The nämnd's own catalog (verksamheter, insatser, orsaker), whole; absent: StatsReporting:Catalog.
    public CatalogSettings? Catalog { get; set; }
    /// The nämnd's own template, förvaltning and handläggare for its tjänsteskrivelse; absent: StatsReporting:Dokument.
    public NamndDocument? Dokument { get; set; }
}

/// Organisation:Namnder:<code>:Dokument (Reports/Document/DocumentSettings reads it).
public sealed class NamndDocument
{
    public string? Mall { get; set; }
    public string? Forvaltning { get; set; }
    public string? Handlaggare { get; set; }
}

public static class Namnder
{
    /// The installation's nämnder: Organisation:Namnder, or the one of Organisation:Kommun/Namnd (code 'standard').
    public static IReadOnlyList<NamndSettings> All(this OrganisationSettings o) => o.Namnder.Count > 0 ? o.Namnder
        : [new NamndSettings { Code = Db.DefaultNamnd, Name = o.Namnd, Kommun = o.Kommun }];

    /// More than one nämnd: outputs go to reports/<code>/<period>/ with the nämnd in every file name, and `import`
    /// needs --namnd. With one, every path and name stays as it was before nämnder existed.
    public static bool Several(this OrganisationSettings o) => o.All().Count > 1;

    /// A nämnd's own folder under a root (reports/<code>, ivo/<code>) when there are several; the root itself with one.
    public static string Folder(string root, OrganisationSettings o, string code) => o.Several() ? Path.Combine(root, code) : root;

    /// `--namnd CODE` (or none): the nämnd, in Swedish when it is not configured. Without a code the one nämnd is
    /// meant; with several a code is required.
    public static NamndSettings Resolve(this OrganisationSettings o, string? code)
    {
        var all = o.All();
        if (code is null)
            return all.Count == 1 ? all[0]
                : throw new ArgumentException($"flera nämnder finns: ange --namnd ({string.Join(", ", all.Select(n => n.Code))}).");
        return all.FirstOrDefault(n => n.Code == code)
            ?? throw new ArgumentException($"okänd nämnd '{UserText.Escape(code)}' (finns: {string.Join(", ", all.Select(n => n.Code))}).");
    }

    /// The configured nämnder, mirrored in the table namnder (migration 0009) so that records can refer to them.
    public static void Sync(Db db, OrganisationSettings o)
    {
        const string upsert = """
            INSERT INTO namnder (code, name, kommun) VALUES (@Code, @Name, @Kommun)
            ON CONFLICT (code) DO UPDATE SET name = excluded.name, kommun = excluded.kommun
            """;
        using var c = db.Open();
        c.Execute(upsert, o.All());
    }
}
