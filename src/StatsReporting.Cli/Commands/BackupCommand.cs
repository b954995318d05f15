using StatsReporting.Backups;
using StatsReporting.Jobs;
using StatsReporting.Storage;
using StatsReporting.Web.Jobs;

namespace StatsReporting.Cli;

/// `statsreporting backup [--to MAPP]`: a backup while the service runs (Backups/BackupWriter), recorded in the run
/// history like the nightly one. PostgreSQL is backed up with its own tools: said in Swedish, exit 1.
public static class BackupCommand
{
    public static int Run(Args args)
    {
        args.Allow("backup", "to");
        if (Refused(args)) return 1;
        var ctx = new CliContext(args);
        var (result, _) = BackupJob.Take(ctx.InstallationDb, ctx.Installation, TimeProvider.System, RunHistory.BackupCli, null,
            $"{Environment.UserName}@{Environment.MachineName}", keep: null, root: args.Option("to"));
        foreach (var gap in result.Manifest.Saknas) Console.Error.WriteLine($"Varning: {gap.Fil} {gap.Orsak}.");
        Console.WriteLine(result.Summary);
        Console.WriteLine($"Säkerhetskopia: {result.Folder}");
        return 0;
    }

    /// Without --db on a PostgreSQL installation: pg_dump and pg_restore do it (README).
    internal static bool Refused(Args args)
    {
        if (args.Option("db") is not null || Installation.Load().Get<StorageSettings>().Kind != DbProvider.Postgres) return false;
        Console.Error.WriteLine($"Fel: {BackupWriter.PostgresText}");
        return true;
    }
}
