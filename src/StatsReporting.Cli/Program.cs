using Microsoft.Data.Sqlite;
using StatsReporting.Cli;
using StatsReporting.Import;
using StatsReporting.Storage;
using StatsReporting.FileSystem;

// statsreporting <verb> [options]: thin verbs over the core (spec §7).
var verbs = new Dictionary<string, Func<Args, int>>
{
    ["import"] = ImportCommand.Run,
    ["report"] = ReportCommand.Run,
    ["run"] = RunCommand.Run,
    ["ivo"] = IvoCommand.Run,
    ["bevakning"] = BevakningCommand.Run,
    ["check"] = CheckCommand.Run,
    ["import-table"] = ImportTableCommand.Run,
    ["keys"] = KeysCommand.Run,
    ["serve"] = ServeCommand.Run,
    ["bench"] = BenchCommand.Run,
    ["logg"] = LoggCommand.Run,
    ["gallra"] = GallraCommand.Run,
    ["copy-to-postgres"] = CopyToPostgresCommand.Run,
    ["backup"] = BackupCommand.Run,
    ["restore"] = RestoreCommand.Run,
};

// No arguments is a mistake (a script that lost its arguments must not look successful): usage on stderr, exit 2.
if (args.Length == 0)
{
    Console.Error.WriteLine(Usage.Text);
    return 2;
}
if (args[0] is "-h" or "--help" or "help") return Help.Show(verbs.Keys, args.ElementAtOrDefault(1));
if (!verbs.TryGetValue(args[0], out var verb)) return Help.Unknown(args[0], verbs.Keys);
if (args.Skip(1).Any(a => a is "-h" or "--help")) return Help.Show(verbs.Keys, args[0]);
try
{
    return verb(Args.Parse(args[1..]));
}
catch (UsageException e)
{
    // One line, which may quote a file name: a line break in it is shown escaped too.
    Console.Error.WriteLine($"Fel: {UserText.Escape(e.Message)}");
    Console.Error.WriteLine(Help.Pointer(args[0]));
    return 2;
}
catch (ImportFailedException e)
{
    Console.Error.WriteLine(UserText.Describe(e));
    return 1;
}
catch (SqliteException e)
{
    // Opening and migrating name the file (Db.Migrate); this is what can still fail later, e.g. a lock held too long.
    Console.Error.WriteLine($"Fel: databasen kan inte användas: {Db.Reason(e)}.");
    return 1;
}
catch (Npgsql.NpgsqlException e)
{
    // Opening and migrating name the server (Db.Migrate); this is what can still fail later. Never the password.
    Console.Error.WriteLine($"Fel: databasen kan inte användas: {Db.Reason(e)}.");
    return 1;
}
catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or IOException or UnauthorizedAccessException)
{
    // Swedish for the operating system's errors, the user's folder named, control characters escaped.
    Console.Error.WriteLine($"Fel: {UserText.Describe(e)}");
    return 1;
}
