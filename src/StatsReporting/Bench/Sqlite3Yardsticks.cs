using System.Diagnostics;
using System.Globalization;
using System.Text;
using StatsReporting.Decisions;
using StatsReporting.Storage;
using StatsReporting.Records;

namespace StatsReporting.Bench;

/// The sqlite3 shell as the yardstick: its plain `.import` of the CSV into one table (the floor for getting these
/// bytes into SQLite), the same shell doing our storage work on our own schema (written from our migrations, so
/// the yardstick follows the schema), and one SQL query computing the quarter's counts (the aggregation's reference).
public static class Sqlite3Yardsticks
{
    public static string? Version()
    {
        try { return Run(":memory:", "SELECT sqlite_version();").Output.Trim(); }
        catch (System.ComponentModel.Win32Exception) { return null; }
    }

    public static Figure PlainImport(string db, string csv) =>
        Run(db, $".mode csv\n.separator ;\n.import '{csv}' beslut\n").Elapsed;

    /// Our migrations' schema (made first, not timed, as our import's database is migrated before it is timed), then
    /// one imports row and one decision_versions row per record in one transaction (its first late day computed as
    /// the reference query below does).
    public static Figure OurStorage(string db, string csv)
    {
        Run(db, "BEGIN;\n" + string.Join("\n", Migrations.Scripts(DbProvider.Sqlite).Select(s => s.Sql)) + "\nCOMMIT;\n");
        var script = new StringBuilder();
        script.AppendLine("PRAGMA temp_store = MEMORY;");
        script.AppendLine($"CREATE TEMP TABLE staging ({string.Join(", ", SyntheticMunicipality.Header.Split(';').Select(c => c + " TEXT"))});");
        script.AppendLine($".mode csv\n.separator ;\n.import --skip 1 '{csv}' staging");
        script.AppendLine($"""
            BEGIN;
            INSERT INTO imports (namnd, file_name, sha256, archive_path, imported_at, row_count, laws)
            VALUES ('standard', 'bench.csv', 'sha', 'archive', '2025-07-01T00:00:00Z', (SELECT COUNT(*) FROM staging), 'LSS,SoL');
            INSERT INTO decision_versions ({string.Join(", ", DecisionTable.Written)})
            SELECT 'standard', beslut_id, 1, 1, person_id, kon, lag, NULLIF(verksamhet, ''), insats, NULLIF(enhet, ''), beslutsdatum,
                   NULLIF(avbrottsdatum, ''), NULLIF(verkstallt_datum, ''), NULLIF(avslutat_datum, ''), NULLIF(orsak, ''),
                   NULLIF(kommentar, ''), NULL, 0,
                   date(MIN(date(COALESCE(NULLIF(avbrottsdatum, ''), beslutsdatum), '+3 months'),
                            date(COALESCE(NULLIF(avbrottsdatum, ''), beslutsdatum), 'start of month', '+4 months', '-1 day')), '+1 day')
            FROM staging;
            COMMIT;
            """);
        return Run(db, script.ToString()).Elapsed;
    }

    /// The count per law, verksamhet, insats and kön of the decisions reportable in quarter q (spec §3), from the newest
    /// version of each decision: the reference the aggregation is measured against. Three months after the clock start
    /// clamp to the month's last day, as DateOnly.AddMonths does.
    public static (Figure Elapsed, IReadOnlyDictionary<string, int> Counts) QuarterCounts(string db, Period q)
    {
        var (start, end) = (IsoDate.Format(q.Start), IsoDate.Format(q.End));
        var sql = $"""
            .mode list
            .separator ;
            WITH cur AS (
                SELECT lag, verksamhet, insats, kon, COALESCE(verkstallt_datum, avslutat_datum) AS done,
                       date(MIN(date(COALESCE(avbrottsdatum, beslutsdatum), '+3 months'),
                                date(COALESCE(avbrottsdatum, beslutsdatum), 'start of month', '+4 months', '-1 day')), '+1 day') AS late
                FROM decision_versions v
                WHERE v.gone_import IS NULL
                   OR NOT EXISTS (SELECT 1 FROM decision_versions w WHERE w.beslut_id = v.beslut_id AND w.version > v.version))
            SELECT lag, COALESCE(verksamhet, ''), insats, kon, COUNT(*) FROM cur
            WHERE late <= '{end}' AND (done IS NULL OR (done >= late AND done >= '{start}'))
            GROUP BY lag, verksamhet, insats, kon;
            """;
        var (elapsed, output) = Run(db, sql);
        var counts = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(';'))
            .ToDictionary(p => string.Join(";", p[..4]), p => int.Parse(p[4], CultureInfo.InvariantCulture));
        return (elapsed, counts);
    }

    private static (Figure Elapsed, string Output) Run(string db, string script)
    {
        var psi = new ProcessStartInfo("sqlite3", [db])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        var (exit, output, error) = (0, "", "");
        var time = Figure.OfChild(() =>
        {
            using var p = Process.Start(psi)!;
            var o = p.StandardOutput.ReadToEndAsync();
            var e = p.StandardError.ReadToEndAsync();
            p.StandardInput.Write(script);
            p.StandardInput.Close();
            p.WaitForExit();
            (exit, output, error) = (p.ExitCode, o.Result, e.Result);
        });
        if (exit != 0 || error.Length > 0) throw new InvalidOperationException($"sqlite3 misslyckades (kod {exit}): {error.Trim()}");
        return (time, output);
    }
}
