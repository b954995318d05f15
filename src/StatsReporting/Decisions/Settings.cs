using Microsoft.Extensions.Configuration;
using StatsReporting.Ivo;
using StatsReporting.Access;

namespace StatsReporting.Decisions;

/// The "StatsReporting" section of appsettings.json.
public sealed partial class AppSettings
{
    public PathSettings Paths { get; set; } = new();
    public OrganisationSettings Organisation { get; set; } = new();
    public ReportSettings Report { get; set; } = new();
    public CatalogSettings Catalog { get; set; } = new();
    public IvoSettings Ivo { get; set; } = new();
    public ScheduleSettings Schedule { get; set; } = new();
    public WebSettings Web { get; set; } = new();
    public AccessSettings Access { get; set; } = new();
    public Import.ImportLimits Import { get; set; } = new();
    public Storage.StorageSettings Storage { get; set; } = new();

    /// appsettings.json from the working folder if there is one, else the copy beside the program,
    /// then environment variables (StatsReporting__Paths__Database=…).
    public static IConfiguration Configuration(string? folder = null)
    {
        var here = Path.Combine(folder ?? Directory.GetCurrentDirectory(), "appsettings.json");
        var file = File.Exists(here) ? here : Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        try { return new ConfigurationBuilder().AddJsonFile(file, optional: false).AddEnvironmentVariables().Build(); }
        catch (InvalidDataException e)
        {
            for (Exception? x = e; x is not null; x = x.InnerException)
                if (x is System.Text.Json.JsonException { LineNumber: { } line })
                    throw new InvalidOperationException($"{file} är ingen giltig JSON (rad {line + 1}): rätta filen.", e);
            throw new InvalidOperationException($"{file} kan inte läsas: {e.Message}", e);
        }
    }

    public static AppSettings From(IConfiguration config)
    {
        AppSettings? s;
        try { s = config.GetSection("StatsReporting").Get<AppSettings>(); }
        catch (InvalidOperationException e) when (WrongType().Match(e.Message) is { Success: true } m)
        {
            var wanted = m.Groups[3].Value switch
            {
                "System.Int32" or "System.Int64" => "ett heltal",
                "System.Boolean" => "true eller false",
                var type => type,
            };
            throw new InvalidOperationException($"appsettings.json: värdet '{m.Groups[1].Value}' för {m.Groups[2].Value} har fel typ ({wanted} behövs).", e);
        }
        if (s is null) throw new InvalidOperationException("appsettings.json saknar avsnittet 'StatsReporting'.");
        s.Storage.PostgresConnection = config.GetConnectionString("Postgres"); // top-level ConnectionStrings, the .NET convention
        s.Report.Organisation = s.Organisation; // the report writers take ReportSettings; the names come from one place
        s.Validate();
        return s;
    }

    // The configuration binder's own (English) words for a value it cannot convert.
    [System.Text.RegularExpressions.GeneratedRegex(@"^Failed to convert configuration value '(.*)' at '(.*)' to type '(.*)'")]
    private static partial System.Text.RegularExpressions.Regex WrongType();

    public static AppSettings Load(string? folder = null) => From(Configuration(folder));

    internal AppSettings Copy() => (AppSettings)MemberwiseClone();

    private void Validate()
    {
        Catalog.Validate("StatsReporting:Catalog");
        if (!string.IsNullOrEmpty(Report.RecordsFrom) && !Period.TryParse(Report.RecordsFrom, out _))
            throw new InvalidOperationException($"appsettings.json: StatsReporting:Report:RecordsFrom '{Report.RecordsFrom}' är ingen period (skriv t.ex. 2024Q4).");
        foreach (var lag in new[] { "SoL", "LSS" })
        {
            var order = Report.KonOrder.GetValueOrDefault(lag) ?? [];
            if (order.Length != 2 || order.Select(k => Decisions.Catalog.ResolveKon(k)).Distinct().Count(k => k is not null) != 2)
                throw new InvalidOperationException($"appsettings.json: StatsReporting:Report:KonOrder:{lag} ska vara [\"K\",\"M\"] eller [\"M\",\"K\"].");
        }
        Ivo.Validate();
        Schedule.Validate();
        Web.Validate();
        Access.Validate();
        Bevakning.Validate();
        Avgift.Validate();
        Import.Validate();
        Organisation.Validate();
        Storage.Validate();
    }
}

public sealed class PathSettings
{
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
            ? System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(databasePath))!, folder)
            : configured;
}

/// Who the reports are from: printed in every page header and as the subject of the ärende text. Kommun and Namnd are
/// the one-nämnd installation (code Db.DefaultNamnd); Namnder lists several nämnder instead (Organisation/Namnder.cs).
public sealed class OrganisationSettings
{
    public string Kommun { get; set; } = "Exempelkommunen";
    public string Namnd { get; set; } = "Socialnämnden";
    public List<NamndSettings> Namnder { get; set; } = [];
}

public sealed class ReportSettings
{
    /// Set from StatsReporting:Organisation when the settings are loaded (not a key of Report).
    internal OrganisationSettings Organisation { get; set; } = new();
    public string Namnd => Organisation.Namnd;
    public string Kommun => Organisation.Kommun;
    /// The nämnd's name in output file names when the installation has several nämnder; null with one.
    public string? NamedOutputs => Organisation.Several() ? Organisation.Namnd : null;
    public Dictionary<string, string[]> KonOrder { get; set; } = new();
    /// The first quarter the case system's records describe completely (e.g. "2024Q4"); earlier quarters come only
    /// from imported published tables, or show "uppgift saknas". Empty: every quarter is taken from the records.
    public string? RecordsFrom { get; set; }

    public bool RecordsCover(Period q) => string.IsNullOrEmpty(RecordsFrom) || q >= Period.Parse(RecordsFrom);

    public Kon[] KonColumns(Lag lag) =>
        (KonOrder.GetValueOrDefault(lag.ToString()) ?? ["K", "M"]).Select(k => Decisions.Catalog.ResolveKon(k)!.Value).ToArray();
}

public sealed class CatalogSettings
{
    public List<VerksamhetSettings> SoL { get; set; } = [];
    public List<string> LSS { get; set; } = [];
    public Dictionary<string, string> InsatsAliases { get; set; } = new();
    public List<OrsakSettings> Orsaker { get; set; } = [];

    internal void Validate(string where)
    {
        if (SoL.Count == 0) throw new InvalidOperationException($"appsettings.json: {where}:SoL är tom.");
        if (LSS.Count != 10) throw new InvalidOperationException($"appsettings.json: {where}:LSS ska ha 10 punkter (9 § 1–10).");
        if (Orsaker.All(o => o.Code != Decisions.Catalog.OvrigtCode))
            throw new InvalidOperationException($"appsettings.json: {where}:Orsaker saknar OVRIGT.");
    }
}

public sealed class VerksamhetSettings
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public List<string> Aliases { get; set; } = [];
    public List<string> Insatser { get; set; } = [];
}

public sealed class OrsakSettings
{
    public string Code { get; set; } = "";
    public string Label { get; set; } = "";
    public bool Closing { get; set; }
    /// Other spellings that resolve to this orsak on import (e.g. an earlier label).
    public List<string> Aliases { get; set; } = [];
}
