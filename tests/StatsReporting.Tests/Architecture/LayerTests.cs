using System.Text.RegularExpressions;

namespace StatsReporting.Tests.Architecture;

/// The core library's folders depend on each other in one direction only (README "Struktur"): a folder may use the
/// folders of the layers below its own, never one of its own layer or above. The graph is read from the sources:
/// every `StatsReporting.<Folder>` a file names (usings, qualified names) and every `<Folder>.` it writes outside a
/// comment, which C# resolves to the sibling namespace. That is every way one folder can reach another, because each
/// file declares the namespace of its folder (checked below too).
public partial class LayerTests
{
    /// The allowed direction, written down once: each layer may use the layers before it.
    private static readonly string[][] Layers =
    [
        ["Configuration", "FileSystem"],     // settings binding, files on disk: know nothing of the domain
        ["Decisions", "Storage"],            // the records and the rule; database engines and connections
        ["Language", "Records", "Organisation", "Logg"], // Swedish wording; the decision table; nämnder; the behandlingslogg
        ["Workbooks", "Access", "Import", "Backups"], // text-sheet writer and print layout; keys; reading files into records; backup and restore
        ["Checks", "Avgift"],                // the consistency checker; the särskild avgift estimate
        ["Reports"],                         // KF workbooks, charts, tjänsteskrivelse
        ["Ivo", "Bevakning", "Nodes"],       // IVO export; bevakningslista; several nodes' shared outputs
        ["Gallring"],                        // removing personal data of old closed decisions
        ["Jobs"],                            // the quarterly job, the installation and its settings
        ["Bench"],                           // the benchmark uses everything
    ];

    private static string Core => Path.Combine(Repository.Root, "src", "StatsReporting");

    private static readonly Dictionary<string, int> LayerOf =
        Layers.SelectMany((folders, i) => folders.Select(f => (f, i))).ToDictionary(x => x.f, x => x.i);

    [Fact]
    public void Every_folder_of_the_core_has_a_layer()
    {
        var folders = Directory.GetDirectories(Core).Select(Path.GetFileName).Where(f => f is not ("bin" or "obj")).Order().ToList();
        Assert.Equal(LayerOf.Keys.Order(), folders);
    }

    [Fact]
    public void Every_file_declares_the_namespace_of_its_folder()
    {
        var wrong = Files().Where(f => NamespaceOf(f.Text) is not { } ns || ns.Split('.') is not ["StatsReporting", var top, ..] || top != f.Folder)
            .Select(f => $"{f.Path}: {NamespaceOf(f.Text)}").ToList();
        Assert.Empty(wrong);
    }

    [Fact]
    public void No_folder_uses_one_of_its_own_layer_or_above()
    {
        var upward = Edges().Where(e => LayerOf[e.To] >= LayerOf[e.From])
            .Select(e => $"{e.From} → {e.To} ({e.File}): {e.From} ligger i lager {LayerOf[e.From]}, {e.To} i lager {LayerOf[e.To]}").ToList();
        Assert.Empty(upward);
    }

    [Fact]
    public void The_folder_graph_has_no_circle()
    {
        var graph = Edges().GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).ToHashSet());
        var state = new Dictionary<string, int>(); // 1 on the path, 2 done
        List<string>? circle = null;
        bool Visit(string f, Stack<string> path)
        {
            state[f] = 1;
            path.Push(f);
            foreach (var to in graph.GetValueOrDefault(f) ?? [])
            {
                if (state.GetValueOrDefault(to) == 1) { circle = [.. path.Reverse().SkipWhile(x => x != to), to]; return true; }
                if (state.GetValueOrDefault(to) == 0 && Visit(to, path)) return true;
            }
            path.Pop();
            state[f] = 2;
            return false;
        }
        foreach (var f in LayerOf.Keys)
            if (state.GetValueOrDefault(f) == 0 && Visit(f, new Stack<string>())) break;
        Assert.True(circle is null, $"Cirkel: {string.Join(" → ", circle ?? [])}");
    }

    [Fact]
    public void The_graph_sees_a_reference_written_as_a_sibling_namespace()
    {
        // What the tests above would miss if the reading were wrong: a folder named without "StatsReporting.".
        var (from, text) = ("Avgift", "namespace StatsReporting.Avgift;\nclass X { object Y => Reports.KfWorkbook.FontSize; } // Ivo.Not");
        Assert.Equal(["Reports"], Referenced(from, text));
        Assert.Equal(["Decisions"], Referenced("Avgift", "using StatsReporting.Decisions;\nnamespace StatsReporting.Avgift;"));
    }

    private sealed record SourceFile(string Path, string Folder, string Text);

    private sealed record Edge(string From, string To, string File);

    private static IEnumerable<SourceFile> Files() =>
        Directory.EnumerateFiles(Core, "*.cs", SearchOption.AllDirectories)
            .Select(p => System.IO.Path.GetRelativePath(Core, p))
            .Where(p => !p.StartsWith("bin/", StringComparison.Ordinal) && !p.StartsWith("obj/", StringComparison.Ordinal))
            .Select(p => new SourceFile(p, p.Split('/')[0], File.ReadAllText(System.IO.Path.Combine(Core, p))));

    private static IEnumerable<Edge> Edges() =>
        Files().SelectMany(f => Referenced(f.Folder, f.Text).Select(to => new Edge(f.Folder, to, f.Path)));

    /// The other core folders a file refers to.
    private static IEnumerable<string> Referenced(string folder, string text)
    {
        var code = Comment().Replace(text, "");
        return Qualified().Matches(code).Select(m => m.Groups[1].Value)
            .Concat(Sibling().Matches(code).Select(m => m.Groups[1].Value))
            .Where(to => to != folder && LayerOf.ContainsKey(to)).Distinct().Order();
    }

    private static string? NamespaceOf(string text) => NamespaceLine().Match(text) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex(@"//[^\n]*")]
    private static partial Regex Comment();

    [GeneratedRegex(@"\bStatsReporting\.(\w+)")]
    private static partial Regex Qualified();

    [GeneratedRegex(@"(?<![\w.])(\w+)\.[A-Z]")]
    private static partial Regex Sibling();

    [GeneratedRegex(@"^namespace\s+([\w.]+)", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();
}
