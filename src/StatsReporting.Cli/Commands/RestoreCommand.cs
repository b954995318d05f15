using StatsReporting.Backups;
using StatsReporting.FileSystem;
using StatsReporting.Jobs;
using StatsReporting.Organisation;
using StatsReporting.Web.Jobs;

namespace StatsReporting.Cli;

/// `statsreporting restore --from MAPP [--db SÖKVÄG] [--replace]` (Backups/Restore). It opens no database before the
/// backup is checked: the target must hold none (or be moved aside with --replace), so it does not go through
/// CliContext, which would create one.
public static class RestoreCommand
{
    public static int Run(Args args)
    {
        args.Allow("restore", "from", "replace");
        var from = args.Required("from");
        if (BackupCommand.Refused(args)) return 1;
        var installation = Installation.Load();
        var target = args.Option("db") ?? installation.Paths.Database;
        var result = Restore.Run(from, target, installation.Paths.ArchiveFor(Path.GetFullPath(target)), args.Flag("replace"), TimeProvider.System);
        var m = result.Manifest;
        Console.WriteLine($"Återställde säkerhetskopian från {m.Skapad.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC (schema {m.Schemaversion}) till '{UserText.Escape(result.Database)}':");
        foreach (var (table, rows) in m.Tabeller.Where(t => t.Value > 0)) Console.WriteLine($"  {table}: {rows} {(rows == 1 ? "rad" : "rader")}");
        Console.WriteLine($"  arkivfiler: {result.ArchiveFiles}");
        foreach (var gap in m.Saknas) Console.WriteLine($"  saknas i säkerhetskopian: {gap.Fil} ({gap.Orsak})");
        foreach (var moved in result.MovedAside) Console.WriteLine($"Det tidigare ligger kvar i '{UserText.Escape(moved)}'.");
        // The restored history: what was running when the backup was taken did not finish in this copy.
        var db = new Storage.Db(result.Database);
        foreach (var n in installation.Organisation.All())
            new RunHistory(db.For(n.Code), TimeProvider.System).Restored(Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(from))), m.Skapad);
        Logg.Behandlingslogg.Write(db, new Logg.LogEntry
        {
            Vem = $"{Environment.UserName}@{Environment.MachineName}", Handling = Logg.Handling.Aterstallning,
            Objekt = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(from))), AntalPersoner = m.Personer, Resultat = Logg.Resultat.Ok,
        }, TimeProvider.System.GetUtcNow());
        if (result.Migrated.Count > 0) Console.WriteLine($"Uppgraderad till programmets schema: {string.Join(", ", result.Migrated)}.");
        return 0;
    }
}
