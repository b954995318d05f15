namespace StatsReporting.Cli;

/// `--help`, `help <verb>` and `<verb> --help` print to standard output and exit 0; a mistake prints one line and
/// a pointer to the help, never the whole usage text.
public static class Help
{
    public static int Show(IEnumerable<string> verbs, string? verb)
    {
        if (verb is null) Console.WriteLine(Usage.Text);
        else if (!verbs.Contains(verb)) return Unknown(verb, verbs);
        else Console.WriteLine(Usage.Verbs.GetValueOrDefault(verb) ?? Usage.Text);
        return 0;
    }

    public static int Unknown(string verb, IEnumerable<string> verbs)
    {
        Console.Error.WriteLine($"Fel: okänt kommando '{verb}'.{DidYouMean(verb, verbs)}");
        Console.Error.WriteLine(Pointer(null));
        return 2;
    }

    public static string Pointer(string? verb) => verb is null
        ? "Skriv 'statsreporting --help' för en lista över kommandona."
        : $"Skriv 'statsreporting {verb} --help' för hjälp om {verb}.";

    /// " Menade du 'report'?" for the nearest name within a couple of typing mistakes, else "".
    public static string DidYouMean(string typed, IEnumerable<string> names)
    {
        var best = names.Select(n => (Name: n, Distance: Distance(typed.ToLowerInvariant(), n)))
            .Where(x => x.Distance <= Math.Max(2, typed.Length / 3)).OrderBy(x => x.Distance).FirstOrDefault();
        return best.Name is null ? "" : $" Menade du '{best.Name}'?";
    }

    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
        return d[a.Length, b.Length];
    }
}
