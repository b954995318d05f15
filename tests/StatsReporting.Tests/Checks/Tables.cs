using System.Text;
using StatsReporting.Checks;
using StatsReporting.Import;

namespace StatsReporting.Tests.Checks;

/// Tables for the checker tests, written as the CSV a controller would paste.
public static class Tables
{
    public static string Published(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "published", name);

    public static ReadTable Csv(string name, params string[] lines) =>
        TableReader.Parse(RawTableReader.ReadCsv(Encoding.UTF8.GetBytes(string.Join("\n", lines)), name));

    public static CheckTable Table(string name, params string[] lines) => Csv(name, lines).Table!;

    /// "row | column | printed | computed" of each finding, for exact comparison with the spec's lists.
    public static string[] Summary(IEnumerable<Finding> findings) =>
        findings.Select(f => $"{f.Row} | {f.Column} | {f.Printed} | {f.Computed}").ToArray();
}
