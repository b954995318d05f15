using System.Text;

namespace StatsReporting.Decisions;

public static class Text
{
    /// A matching key: lower case, å/ä/ö as a/a/o, without spaces, '-', '_', '/', ',', '.', ':' or '§'.
    public static string Key(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text.Trim().ToLowerInvariant())
        {
            switch (ch)
            {
                case 'å' or 'ä': sb.Append('a'); break;
                case 'ö': sb.Append('o'); break;
                case 'é': sb.Append('e'); break;
                case ' ' or '\u00a0' or '-' or '–' or '_' or '/' or ',' or '.' or ':' or '§': break;
                default: sb.Append(ch); break;
            }
        }
        return sb.ToString();
    }
}
