namespace StatsReporting.FileSystem;

/// An output folder could not be written. The message names the folder the user chose, never the hidden staging
/// folder or temporary file where the operating system's error happened.
public sealed class OutputFailedException(string folder, string reason, Exception? inner = null)
    : IOException($"Kunde inte skriva '{UserText.Escape(folder)}': {reason}. Inget har ändrats; de tidigare filerna ligger kvar.", inner)
{
    public OutputFailedException(string folder, Exception inner) : this(folder, UserText.Reason(inner), inner) { }

    public string Folder { get; } = folder;
}

/// The one place where an error becomes text for a user (the CLI's top-level catch, the web's and the job's error
/// paths): Swedish words for the operating system's English errors, and control characters shown escaped, so a file
/// name holding an escape sequence or a line break cannot rewrite the terminal or forge a line of the log.
public static class UserText
{
    public static string Describe(Exception e) => e switch
    {
        OutputFailedException => Escape(e.Message, keepLineBreaks: true),
        IOException or UnauthorizedAccessException when OsReason(e) is { } r => $"{r}.",
        _ => Escape(e.Message, keepLineBreaks: true),
    };

    /// What went wrong while writing, in Swedish, without the path the runtime put into its English message.
    public static string Reason(Exception e) => OsReason(e) ?? e switch
    {
        DirectoryNotFoundException => "en mapp på vägen saknas eller är en fil",
        FileNotFoundException => "en fil saknas",
        _ => $"oväntat fel ({e.GetType().Name}, kod {e.HResult})",
    };

    /// The operating system's error (errno, which .NET keeps as the HResult of an IOException on Unix) in Swedish.
    private static string? OsReason(Exception e) => e switch
    {
        UnauthorizedAccessException => "skrivrätt saknas i mappen",
        IOException { HResult: 28 } => "disken är full",
        IOException { HResult: 30 } => "mappen ligger på ett skrivskyddat filsystem",
        IOException { HResult: 122 } => "diskkvoten är slut",
        IOException { HResult: 5 } => "läs- eller skrivfel på disken",
        _ => null,
    };

    /// Control and bidirectional-override characters as visible escapes (\n, \t, \u001B …). Our own multi-line
    /// messages keep their line breaks when `keepLineBreaks`; file names are escaped fully where they are quoted.
    public static string Escape(string text, bool keepLineBreaks = false)
    {
        if (!text.Any(c => NeedsEscape(c, keepLineBreaks))) return text;
        var sb = new System.Text.StringBuilder(text.Length + 8);
        foreach (var c in text)
            sb.Append(!NeedsEscape(c, keepLineBreaks) ? c.ToString() : c switch
            {
                '\n' => "\\n", '\r' => "\\r", '\t' => "\\t",
                _ => $"\\u{(int)c:X4}",
            });
        return sb.ToString();
    }

    private static bool NeedsEscape(char c, bool keepLineBreaks) =>
        (char.IsControl(c) && !(keepLineBreaks && c == '\n')) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';
}
