namespace StatsReporting.Cli;

public sealed class UsageException(string message) : Exception(message);

/// Positional arguments and --name value options; --flag without a value is "true".
public sealed class Args
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);
    public List<string> Positional { get; } = [];

    public static Args Parse(string[] args)
    {
        var a = new Args();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                var name = args[i][2..];
                if (name.IndexOf('=') is > 0 and var eq) { a._options[name[..eq]] = name[(eq + 1)..]; continue; } // --period=2025Q2
                var hasValue = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) && !Switches.Contains(name);
                // An empty value (--db "") would reach the runtime's path functions and fail there in English.
                if (hasValue && string.IsNullOrWhiteSpace(args[i + 1])) throw new UsageException($"--{name} saknar värde.");
                a._options[name] = hasValue ? args[++i] : "true";
            }
            else a.Positional.Add(args[i]);
        }
        return a;
    }

    /// Flags that never take a value, so the word after them stays positional (`import --check beslut.csv`).
    private static readonly HashSet<string> Switches = new(StringComparer.Ordinal) { "check" };

    public string? Option(string name) => _options.GetValueOrDefault(name);

    public string Required(string name) => Option(name) ?? throw new UsageException($"--{name} saknas.");

    public bool Flag(string name) => _options.ContainsKey(name);

    /// Refuses options `verb` does not take (--db is taken by all): a misspelt --asof would otherwise be ignored, and the
    /// report made as of another day.
    public void Allow(string verb, params string[] names)
    {
        foreach (var name in _options.Keys.Where(n => n != "db" && !names.Contains(n)))
            throw new UsageException($"okänd flagga '--{name}' för {verb}.{Help.DidYouMean("--" + name, [.. names.Append("db").Select(n => "--" + n)])}");
    }
}
