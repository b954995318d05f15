using StatsReporting.Configuration;

namespace StatsReporting.Import;

/// "StatsReporting:Import": bounds on what one input file may hold. The defaults are far above any real export and
/// far below what would exhaust the machine; each refusal names the file and the limit (issue 10).
public sealed record ImportLimits : ISettingsSection
{
    public static string Section => "StatsReporting:Import";

    public static readonly ImportLimits Default = new();

    public long MaxFileBytes { get; init; } = 256L * 1024 * 1024;
    /// Uncompressed bytes of the parts an XLSX reader reads (declared in the zip and counted while reading).
    public long MaxUnzippedBytes { get; init; } = 1024L * 1024 * 1024;
    public int MaxRows { get; init; } = 2_000_000;
    public int MaxColumns { get; init; } = 200;
    /// Excel's own limit for one cell.
    public int MaxCellChars { get; init; } = 32_767;
    public long MaxCells { get; init; } = 40_000_000;
    /// All the text an XLSX's shared-string table holds; it is the one part that must be held in memory.
    public long MaxSharedStringChars { get; init; } = 50_000_000;
    public int EarliestYear { get; init; } = 1990;
    /// Longest text per column; a column not named here may hold MaxCellChars. The output steps rely on these: the
    /// IVO "Fritext" cell is the reason (at most ~530 characters with a 500-character orsak) and the kommentar, and it
    /// must fit in one Excel cell (32 767), so the kommentar gets 32 000.
    public Dictionary<string, int> MaxFieldChars { get; init; } = new()
    {
        ["beslut_id"] = 64, ["person_id"] = 64, ["kon"] = 100, ["lag"] = 100, ["verksamhet"] = 200, ["insats"] = 200,
        ["enhet"] = 200, ["orsak"] = 500, ["kommentar"] = 32_000,
    };

    /// Import:Kolumner: the kommun's own header names per column (`"beslut_id": ["Ärende-ID"]`), besides the built-in
    /// aliases (HeaderMap). Import:Varden: the case system's words for kon, lag and verksamhet (ValueMap). Not limits,
    /// but the same section: what a file of this kommun looks like.
    public Dictionary<string, string[]> Kolumner { get; init; } = new();
    public Dictionary<string, Dictionary<string, string[]>> Varden { get; init; } = new();

    public int MaxCharsOf(string column) => MaxFieldChars.TryGetValue(column, out var n) ? Math.Min(n, MaxCellChars) : MaxCellChars;

    public void Validate()
    {
        void Positive(long value, string key)
        {
            if (value <= 0) throw new InvalidOperationException($"appsettings.json: StatsReporting:Import:{key} ska vara större än 0.");
        }
        Positive(MaxFileBytes, nameof(MaxFileBytes));
        Positive(MaxUnzippedBytes, nameof(MaxUnzippedBytes));
        Positive(MaxRows, nameof(MaxRows));
        Positive(MaxColumns, nameof(MaxColumns));
        Positive(MaxCells, nameof(MaxCells));
        Positive(MaxSharedStringChars, nameof(MaxSharedStringChars));
        if (MaxCellChars is <= 0 or > 32_767)
            throw new InvalidOperationException("appsettings.json: StatsReporting:Import:MaxCellChars ska vara mellan 1 och 32767 (Excels gräns för en cell).");
        if (MaxColumns > 16_384) throw new InvalidOperationException("appsettings.json: StatsReporting:Import:MaxColumns ska vara högst 16384.");
        if (EarliestYear is < 1900 or > 2100)
            throw new InvalidOperationException("appsettings.json: StatsReporting:Import:EarliestYear ska vara ett år mellan 1900 och 2100.");
        HeaderMap.Validate(Kolumner);
        ValueMap.Validate(Varden);
        foreach (var (column, n) in MaxFieldChars)
            if (n is <= 0 or > 32_767)
                throw new InvalidOperationException($"appsettings.json: StatsReporting:Import:MaxFieldChars:{column} ska vara mellan 1 och 32767.");
    }
}
