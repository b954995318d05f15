namespace StatsReporting.Logg;

/// One event of the behandlingslogg, as its writer knows it; the time and the chain are added by Behandlingslogg.Write.
/// Never an IVO code, a personnummer, a key or kommentar text in any field: a file name, a quarter, a nämnd's code and
/// a count say what was accessed.
public sealed record LogEntry
{
    /// The person's name (from the id token), the key's name, or user@machine for the CLI.
    public required string Vem { get; init; }
    /// The id token's subject, or the key's id; null for the CLI.
    public string? Subjekt { get; init; }
    /// One of Handling's constants.
    public required string Handling { get; init; }
    /// What was accessed or changed: a file name, a key's name, a role.
    public string? Objekt { get; init; }
    public string? Kvartal { get; init; }
    public string? Namnd { get; init; }
    /// How many persons' data the access held (an IVO file's rows, an import's decisions); null when not known.
    public long? AntalPersoner { get; init; }
    /// The client's address (after the trusted proxy), null for the CLI.
    public string? Adress { get; init; }
    /// The machine that served it (Environment.MachineName).
    public string? Nod { get; init; } = Environment.MachineName;
    /// One of Resultat's constants.
    public required string Resultat { get; init; }
}

/// What happened, as the log names it.
public static class Handling
{
    public const string Individrapport = "individrapport_hamtad";   // xlsx or csv download
    public const string Avgiftslista = "avgiftslista_hamtad";
    public const string IvoExport = "ivo_export_skriven";
    public const string Import = "import";
    public const string Gallring = "gallring";
    public const string Sakerhetskopia = "sakerhetskopia";           // a backup of the whole database and archive
    public const string Aterstallning = "aterstallning";             // a backup restored
    public const string LoggGallrad = "logg_gallrad";
    public const string LoggLast = "logg_last";                     // someone read this log
    public const string Inloggning = "inloggning";
    public const string Utloggning = "utloggning";
    public const string MisslyckadInloggning = "misslyckad_inloggning";
    public const string NyckelSkapad = "nyckel_skapad";
    public const string NyckelSparrad = "nyckel_sparrad";
    public const string RollAndrad = "roll_andrad";                 // OIDC: roles or nämnder differ from the last sign-in
}

public static class Resultat
{
    public const string Ok = "ok";
    /// Refused: a role too low (403), a wrong key.
    public const string Nekad = "nekad";
    public const string Fel = "fel";
}
