using System.Reflection;

namespace StatsReporting.Storage;

/// The numbered files of /migrations, embedded in this assembly. `NNNN_name.sql` is portable; where a dialect must
/// differ, `NNNN_name.postgres.sql` (or `NNNN_name.sqlite.sql`) replaces it on that provider. schema_migrations
/// records the plain name `NNNN_name.sql` on both, so a number means the same step everywhere.
public static class Migrations
{
    /// The scripts `provider` applies, by plain name, in order.
    public static IReadOnlyList<(string Name, string Sql)> Scripts(DbProvider provider)
    {
        var asm = Assembly.GetExecutingAssembly();
        var own = "." + provider.ToString().ToLowerInvariant() + ".sql";
        var files = asm.GetManifestResourceNames()
            .Where(n => n.StartsWith("migrations/", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => (Resource: n, File: n["migrations/".Length..]))
            .ToList();
        return files
            .Select(f => (f.Resource, Plain: PlainName(f.File), Dialect: DialectOf(f.File)))
            .Where(f => f.Dialect is null || f.Dialect == own)
            .GroupBy(f => f.Plain, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var chosen = g.OrderBy(f => f.Dialect is null ? 1 : 0).First();
                using var reader = new StreamReader(asm.GetManifestResourceStream(chosen.Resource)!);
                return (g.Key, reader.ReadToEnd());
            })
            .ToList();
    }

    private static readonly string[] Dialects = [".postgres.sql", ".sqlite.sql"];

    private static string? DialectOf(string file) => Dialects.FirstOrDefault(d => file.EndsWith(d, StringComparison.Ordinal));

    private static string PlainName(string file) => DialectOf(file) is { } d ? file[..^d.Length] + ".sql" : file;
}
