using System.Text;
using StatsReporting.Decisions;
using StatsReporting.Import;
using StatsReporting.Ivo;
using StatsReporting.Tests.Support;

namespace StatsReporting.Tests.Ivo;

/// A small case system exported once a quarter through 2025, each export a full snapshot as it stood a few days
/// after the quarter ended. Rapporttyp per case and quarter (— = not in the report):
///   H-1 ÄO Särskilt boende, beslut 2024-12-10, verkställt 2025-08-20       ny · kvarstår · avslutande · —
///   H-2 LSS 9 § 4, avbrott 2025-01-15, resumed (verkställt) 2025-11-03      — · ny · kvarstår · avslutande
///   H-3 ÄO Hemtjänst, beslut 2024-11-20, avslutat 2025-10-10 AVLIDIT        ny · kvarstår · kvarstår · avslutande
///   H-4 pseudonym anna-77 (K, born 1950-03-04), beslut 2025-02-10,
///       verkställt 2025-12-01                                                — · ny · kvarstår · avslutande
///   H-5 pseudonym bertil-12 (M, no birth date until Q4), beslut 2025-04-02   — · — · ny · kvarstår
///   H-6 IFO Bostad, beslut 2025-01-05, verkställt 2025-05-20 (late, same Q)  — · ny (with its date) · — · —
///   H-7 verkställt within three months                                       never
///   H-8 OF Boendestöd, beslut 2025-08-01                                      — · — · — · ny
public static class IvoHistory
{
    public const string Header =
        "beslut_id;person_id;kon;lag;verksamhet;insats;enhet;beslutsdatum;avbrottsdatum;verkstallt_datum;avslutat_datum;orsak;kommentar;fodelsedatum";

    public static readonly Period[] Quarters = [new(2025, 1), new(2025, 2), new(2025, 3), new(2025, 4)];

    /// The day each snapshot was taken.
    public static readonly DateTimeOffset[] TakenOn =
        [At(2025, 4, 5), At(2025, 7, 5), At(2025, 10, 5), At(2026, 1, 5)];

    public static string[] Rows(int quarter) => quarter switch
    {
        1 => [H1(""), H2(""), H3("", "MATCHNING"), H4(""), H6(""), H7],
        2 => [H1(""), H2(""), H3("", "MATCHNING"), H4(""), H5(""), H6("2025-05-20"), H7],
        3 => [H1("2025-08-20"), H2(""), H3("", "MATCHNING"), H4(""), H5(""), H6("2025-05-20"), H7, H8],
        _ => [H1("2025-08-20"), H2("2025-11-03"), H3("2025-10-10", "AVLIDIT"), H4("2025-12-01"), H5("", "1988-08-08"), H6("2025-05-20"), H7, H8],
    };

    private static string H1(string verkstallt) => $"H-1;19401010-T010;M;SoL;ÄO;Särskilt boende;;2024-12-10;;{verkstallt};;SAKNAS_PLATS;;";
    private static string H2(string verkstallt) => $"H-2;19550505-T020;K;LSS;;9 § 4;;2023-05-01;2025-01-15;{verkstallt};;MATCHNING;;";
    private static string H3(string avslutat, string orsak) => $"H-3;19300303-T030;M;SoL;ÄO;Hemtjänst;;2024-11-20;;;{avslutat};{orsak};;";
    private static string H4(string verkstallt) => $"H-4;anna-77;K;SoL;ÄO;Hemtjänst;;2025-02-10;;{verkstallt};;SAKNAR_RESURS;Erbjuden plats i mars;1950-03-04";
    private static string H5(string verkstallt, string fodelsedatum = "") => $"H-5;bertil-12;M;LSS;;9 § 10;;2025-04-02;;{verkstallt};;EJ_MEDVERKAN;;{fodelsedatum}";
    private static string H6(string verkstallt) => $"H-6;19600606-T040;K;SoL;IFO;Bostad;Fyren;2025-01-05;;{verkstallt};;SAKNAS_PLATS;;";
    private const string H7 = "H-7;19700707-T050;M;SoL;ÄO;Kontaktperson;;2025-01-10;;2025-03-01;;;;";
    private const string H8 = "H-8;19800808-T060;K;SoL;OF;Boendestöd;;2025-08-01;;;;TACKAT_NEJ;;";

    public static string WriteCsv(string path, IEnumerable<string> rows) => TestEnv.WriteRecords(path, rows, Header);

    /// Imports quarter n's snapshot (1–4) on the day it was taken.
    public static ImportOutcome Import(TestEnv env, int n)
    {
        env.Clock.Now = TakenOn[n - 1];
        return env.Importer().Import(WriteCsv(env.PathOf($"beslut-2025q{n}.csv"), Rows(n)));
    }

    public static IvoExport Export(TestEnv env) => new(TestEnv.Settings.For(env.Db), env.Clock);

    /// The written CSV read back as rows of cells (header dropped), through the importer's own CSV reader.
    public static List<string[]> ReadCsv(string path) =>
        RawTableReader.ReadCsv(File.ReadAllBytes(path), Path.GetFileName(path)).Rows.Select(r => r.Cells.ToArray()).ToList();

    public static int Col(string header) => Array.IndexOf(IvoFiles.Columns, header);

    private static DateTimeOffset At(int y, int m, int d) => new(y, m, d, 9, 0, 0, TimeSpan.Zero);
}
