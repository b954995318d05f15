namespace StatsReporting.Decisions;

/// One row of a KF table: an insats within a verksamhet (SoL) or a point of 9 § (LSS).
public sealed record CatalogRow(Lag Lag, string? Verksamhet, string Insats, string Label);

public sealed record Orsak(string Code, string Label, bool Closing);

/// The catalogs of spec §4, built from settings; resolves the spellings found in exports.
public sealed class Catalog
{
    public const string OvrigtCode = "OVRIGT";
    private readonly Dictionary<string, string> _verksamhet = new();
    private readonly Dictionary<(string?, string), CatalogRow> _insats = new();
    private readonly Dictionary<string, Orsak> _orsak = new();
    private readonly Dictionary<(string?, string), CatalogRow> _byName = new();

    public IReadOnlyList<CatalogRow> SolRows { get; }
    public IReadOnlyList<CatalogRow> LssRows { get; }
    public IReadOnlyList<string> Verksamheter { get; }
    public IReadOnlyList<Orsak> Orsaker { get; }
    public IReadOnlyDictionary<string, string> VerksamhetNames { get; }

    public Catalog(CatalogSettings s)
    {
        Verksamheter = s.SoL.Select(v => v.Code).ToList();
        VerksamhetNames = s.SoL.ToDictionary(v => v.Code, v => v.Name);
        SolRows = s.SoL.SelectMany(v => v.Insatser.Select(i => new CatalogRow(Lag.SoL, v.Code, i, $"{i}, {v.Code}"))).ToList();
        LssRows = s.LSS.Select((name, i) => new CatalogRow(Lag.LSS, null, $"9 § {i + 1}", $"9 § {i + 1} {name}")).ToList();
        Orsaker = s.Orsaker.Select(o => new Orsak(o.Code, o.Label, o.Closing)).ToList();
        foreach (var row in SolRows.Concat(LssRows)) _byName[(row.Verksamhet, row.Insats)] = row;

        foreach (var v in s.SoL)
            foreach (var alias in v.Aliases.Append(v.Code).Append(v.Name))
                _verksamhet[Text.Key(alias)] = v.Code;
        foreach (var row in SolRows)
        {
            _insats[(row.Verksamhet, Text.Key(row.Insats))] = row;
            _insats[(row.Verksamhet, Text.Key(row.Label))] = row;
        }
        foreach (var (alias, insats) in s.InsatsAliases)
            foreach (var row in SolRows.Where(r => r.Insats == insats))
                _insats[(row.Verksamhet, Text.Key(alias))] = row;
        for (var i = 0; i < LssRows.Count; i++)
        {
            var row = LssRows[i];
            var n = i + 1;
            foreach (var alias in new[] { $"9 § {n}", $"9.{n}", $"9:{n}", $"9 § p. {n}", $"9 § punkt {n}", s.LSS[i], row.Label, $"9.{n} {s.LSS[i]}" })
                _insats[(null, Text.Key(alias))] = row;
        }
        foreach (var o in Orsaker)
        {
            _orsak[Text.Key(o.Code)] = o;
            _orsak[Text.Key(o.Label)] = o;
        }
        foreach (var o in s.Orsaker)
            foreach (var alias in o.Aliases)
                _orsak[Text.Key(alias)] = Orsaker.Single(x => x.Code == o.Code);
    }

    public IReadOnlyList<CatalogRow> Rows(Lag lag) => lag == Lag.SoL ? SolRows : LssRows;

    public string? ResolveVerksamhet(string text) => _verksamhet.GetValueOrDefault(Text.Key(text));

    public CatalogRow? ResolveInsats(Lag lag, string? verksamhet, string text) =>
        _insats.GetValueOrDefault((lag == Lag.SoL ? verksamhet : null, Text.Key(text)));

    /// Stored decisions carry the catalog's own names, so this is an exact look-up (it runs once per decision and table).
    public CatalogRow RowOf(Decision d) =>
        _byName.GetValueOrDefault((d.Lag == Lag.SoL ? d.Verksamhet : null, d.Insats))
        ?? ResolveInsats(d.Lag, d.Verksamhet, d.Insats)
        ?? throw new InvalidOperationException($"Insatsen '{d.Insats}' finns inte i katalogen.");

    /// A known orsak, or null for free text (which the KF tables group under Övrigt).
    public Orsak? ResolveOrsak(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : _orsak.GetValueOrDefault(Text.Key(text));

    public Orsak OrsakOrOvrigt(string text) => ResolveOrsak(text) ?? _orsak[Text.Key(OvrigtCode)];

    /// A closing reason (avliden, egen begäran …) on a case still open on `asOf` belongs to its later closing: it does
    /// not explain the delay on that day, so reports give no reason rather than that one.
    public bool IsLaterClosingReason(Decision d, DateOnly asOf) =>
        ResolveOrsak(d.Orsak) is { Closing: true } && ReportingRule.StatusAsOf(d, asOf) == Status.EjVerkstallt;

    public static Kon? ResolveKon(string text) => Text.Key(text) switch
    {
        "k" or "kvinna" or "kvinnor" or "f" => Kon.K,
        "m" or "man" or "man." or "men" => Kon.M,
        _ => null,
    };

    public static Lag? ResolveLag(string text) => Text.Key(text) switch
    {
        "sol" or "socialtjanstlagen" => Lag.SoL,
        "lss" => Lag.LSS,
        _ => null,
    };
}
