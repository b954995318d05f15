using StatsReporting.Jobs;
using StatsReporting.Storage;

namespace StatsReporting.Cli;

/// `copy-to-postgres [--db SQLITEFIL]`: the whole SQLite installation (Paths:Database, or --db) into the empty
/// PostgreSQL database of ConnectionStrings:Postgres, whatever Storage:Provider says (it is switched afterwards; README
/// "Flytta till PostgreSQL"). Prints every table's rows and checksum on both sides.
public static class CopyToPostgresCommand
{
    public static int Run(Args args)
    {
        args.Allow("copy-to-postgres");
        if (args.Positional.Count > 0) throw new UsageException($"copy-to-postgres tar inga argument ('{args.Positional[0]}'); ange SQLite-filen med --db.");
        var installation = Installation.Load();
        var storage = installation.Get<StorageSettings>();
        if (string.IsNullOrWhiteSpace(storage.PostgresConnection))
            throw new UsageException("ConnectionStrings:Postgres saknas: ange måldatabasen i appsettings.json eller miljövariabeln ConnectionStrings__Postgres.");
        var source = new Db(args.Option("db") ?? installation.Paths.Database);
        var target = Db.Postgres(storage.PostgresConnection, installation.Paths.Database);
        Console.Error.WriteLine($"Kopierar '{source.Path}' till {target.Describe} i en transaktion …");
        var tables = PostgresCopy.Run(source, target);
        Console.WriteLine($"{"tabell",-26} {"rader SQLite",12} {"rader PostgreSQL",16}  {"kontrollsumma SQLite",-20} {"kontrollsumma PostgreSQL",-24}");
        foreach (var t in tables)
            Console.WriteLine($"{t.Table,-26} {t.SourceRows,12} {t.TargetRows,16}  {t.SourceSum,-20} {t.TargetSum,-24} {(t.Same ? "lika" : "OLIKA")}");
        Console.WriteLine($"Klart: {tables.Count} tabeller och {tables.Sum(t => t.TargetRows)} rader kopierade, alla lika. Arkivet ligger kvar i " +
            $"'{Path.GetDirectoryName(source.Path)}'. Byt nu StatsReporting:Storage:Provider till Postgres och starta tjänsten.");
        return 0;
    }
}
