using Microsoft.Data.Sqlite;
using StatsReporting.Cli;
using StatsReporting.Import;
using StatsReporting.Storage;

// statsreporting <verb> [options]: thin verbs over the core (spec §7).
var verbs = new Dictionary<string, Func<Args, int>>
{
    ["import"] = ImportCommand.Run,
    ["report"] = ReportCommand.Run,
    ["run"] = RunCommand.Run,
    ["ivo"] = IvoCommand.Run,
    ["check"] = CheckCommand.Run,
    ["import-table"] = ImportTableCommand.Run,
    ["keys"] = KeysCommand.Run,
    ["serve"] = ServeCommand.Run,
    ["bench"] = BenchCommand.Run,
};

if (args.Length == 0 || !verbs.TryGetValue(args[0], out var verb))
{
    Console.Error.WriteLine(Usage.Text);
    return args.Length == 0 || args[0] is "-h" or "--help" or "help" ? 0 : 2;
}
try
{
    return verb(Args.Parse(args[1..]));
}
catch (UsageException e)
{
    Console.Error.WriteLine($"Fel: {e.Message}");
    Console.Error.WriteLine(Usage.Text);
    return 2;
}
catch (ImportFailedException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
catch (SqliteException e)
{
    // Opening and migrating name the file (Db.Migrate); this is what can still fail later, e.g. a lock held too long.
    Console.Error.WriteLine($"Fel: databasen kan inte användas: {Db.Reason(e)}.");
    return 1;
}
catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or IOException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"Fel: {e.Message}");
    return 1;
}
