namespace StatsReporting.Logg;

/// Who does something that the behandlingslogg records, and from where: a person signed in (name, subject), a key
/// (its name, its id), or this process (user@machine: the CLI, the scheduled job).
public sealed record Actor(string Vem, string? Subjekt = null, string? Adress = null)
{
    public static Actor ThisProcess => new($"{Environment.UserName}@{Environment.MachineName}");

    public LogEntry Did(string handling, string resultat) => new() { Vem = Vem, Subjekt = Subjekt, Adress = Adress, Handling = handling, Resultat = resultat };
}
