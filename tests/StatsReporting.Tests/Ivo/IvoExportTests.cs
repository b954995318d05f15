using System.Text;
using StatsReporting.Decisions;
using StatsReporting.Ivo;
using StatsReporting.Tests.Support;

namespace StatsReporting.Tests.Ivo;

// File modes are a Unix matter; the project runs on Linux.
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class IvoExportTests : IDisposable
{
    private readonly TestEnv _env = new();
    public void Dispose() => _env.Dispose();

    private IvoExportResult Sample2025Q2()
    {
        _env.Importer().Import(TestEnv.SampleCsv);
        return IvoHistory.Export(_env).Write(Period.Parse("2025Q2"), _env.PathOf("ivo"));
    }

    [Fact]
    public void Sample_2025Q2_gives_58_ny_75_kvarstar_0_avslutande_the_82_plus_51_decisions_of_the_KF_tables()
    {
        var result = Sample2025Q2();
        var rows = IvoHistory.ReadCsv(result.Files.Single(f => f.Path.EndsWith(".csv")).Path);
        var typ = IvoHistory.Col("Rapporttyp");
        Assert.Equal((58, 75, 0), (rows.Count(r => r[typ] == "ny"), rows.Count(r => r[typ] == "kvarstår"), rows.Count(r => r[typ] == "avslutande")));
        Assert.Equal((82, 51), (rows.Count(r => r[IvoHistory.Col("Lag")] == "SoL"), rows.Count(r => r[IvoHistory.Col("Lag")] == "LSS")));
        Assert.Empty(result.Forsvunna);
    }

    [Theory]
    // beslut 2024-07-27, open: first late 2024-10-28, reported since 2024Q4
    [InlineData("A-0004", "kvarstår", "19390601-T490", "2024-07-27", "", "", "")]
    // avbrott 2024-12-27: first late 2025-03-28 (2025Q1), still open
    [InlineData("A-0199", "kvarstår", "19780205-T918", "2023-10-27", "2024-12-27", "", "")]
    // beslut 2025-01-21: first late 2025-04-22, verkställt 2025-04-27 within the same quarter
    [InlineData("A-0153", "ny", "20001011-T971", "2025-01-21", "", "2025-04-27", "")]
    // beslut 2025-02-13: first late 2025-05-14, avslutat on request 2025-05-27
    [InlineData("A-0154", "ny", "19771207-T951", "2025-02-13", "", "", "2025-05-27")]
    public void Sample_rows_checked_by_hand(string id, string typ, string code, string beslut, string avbrott, string verkstallt, string avslutat)
    {
        var csv = Sample2025Q2().Files.Single(f => f.Path.EndsWith(".csv")).Path;
        var row = IvoHistory.ReadCsv(csv).Single(r => r[IvoHistory.Col("Beslut-id (internt)")] == id);
        string C(string h) => row[IvoHistory.Col(h)];
        Assert.Equal([typ, code, beslut, avbrott, verkstallt, avslutat],
            [C("Rapporttyp"), C("Personkod"), C("Beslutsdatum"), C("Avbrottsdatum"), C("Verkställt datum"), C("Avslutat datum")]);
        Assert.Equal("2025 kvartal 2", C("Rapporteringsperiod"));
    }

    [Fact]
    public void Negative_controls_are_not_in_the_individrapport()
    {
        var csv = Sample2025Q2().Files.Single(f => f.Path.EndsWith(".csv")).Path;
        var ids = IvoHistory.ReadCsv(csv).Select(r => r[IvoHistory.Col("Beslut-id (internt)")]).ToHashSet();
        Assert.DoesNotContain("A-0307", ids);
        Assert.DoesNotContain("A-0308", ids);
        Assert.DoesNotContain("A-0309", ids);
    }

    [Fact]
    public void Files_and_folders_are_owner_only_and_no_temporary_file_is_left()
    {
        var result = Sample2025Q2();
        const UnixFileMode file = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        const UnixFileMode folder = file | UnixFileMode.UserExecute;
        Assert.Equal(_env.PathOf("ivo/2025Q2"), result.Folder);
        Assert.Equal(folder, File.GetUnixFileMode(_env.PathOf("ivo")));
        Assert.Equal(folder, File.GetUnixFileMode(result.Folder));
        // The set holds the restricted särskild avgift list too (issue 14), written by `ivo` as by `run`.
        Assert.Equal(["ivo-individrapport-2025Q2.csv", "ivo-individrapport-2025Q2.xlsx", "sarskild-avgift-2025Q2.xlsx"],
            Directory.GetFiles(result.Folder).Select(Path.GetFileName).Order());
        Assert.All(result.Files, f => Assert.Equal(file, File.GetUnixFileMode(f.Path)));
    }

    [Fact]
    public void An_existing_open_folder_is_made_owner_only_and_the_export_overwrites_atomically()
    {
        Directory.CreateDirectory(_env.PathOf("ivo/2025Q2"));
        File.SetUnixFileMode(_env.PathOf("ivo"), (UnixFileMode)Convert.ToInt32("755", 8));
        File.SetUnixFileMode(_env.PathOf("ivo/2025Q2"), (UnixFileMode)Convert.ToInt32("777", 8));
        Sample2025Q2();
        var again = IvoHistory.Export(_env).Write(Period.Parse("2025Q2"), _env.PathOf("ivo"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_env.PathOf("ivo")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(again.Folder));
        Assert.Equal(3, Directory.GetFiles(again.Folder).Length); // xlsx, csv and the avgift list
    }

    [Fact]
    public void A_shared_folder_named_by_out_keeps_its_mode_and_only_the_quarters_folder_is_made_owner_only()
    {
        // `ivo --out ~` or `--out /tmp` must not lock others out of a folder that holds more than IVO reports.
        var shared = Directory.CreateDirectory(_env.PathOf("delad")).FullName;
        File.WriteAllText(Path.Combine(shared, "anteckningar.txt"), "");
        var open = (UnixFileMode)Convert.ToInt32("1777", 8);
        File.SetUnixFileMode(shared, open);
        _env.Importer().Import(TestEnv.SampleCsv);

        var result = IvoHistory.Export(_env).Write(Period.Parse("2025Q2"), shared);

        Assert.Equal(open, File.GetUnixFileMode(shared));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(result.Folder));
        Assert.All(result.Files, f => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(f.Path)));
    }

    [Fact]
    public void The_export_refuses_a_quarters_folder_that_holds_KF_reports()
    {
        _env.Importer().Import(TestEnv.SampleCsv);
        _env.Reports().Write(Period.Parse("2025Q2"), new DateOnly(2025, 6, 30), _env.PathOf("kf"));
        var mode = File.GetUnixFileMode(_env.PathOf("kf/2025Q2"));

        var e = Assert.Throws<ArgumentException>(() => IvoHistory.Export(_env).Write(Period.Parse("2025Q2"), _env.PathOf("kf")));

        Assert.Contains("innehåller personuppgifter", e.Message);
        Assert.Empty(Directory.GetFiles(_env.PathOf("kf/2025Q2"), "ivo*"));
        Assert.Equal(mode, File.GetUnixFileMode(_env.PathOf("kf/2025Q2")));
    }

    [Fact]
    public void The_csv_is_utf8_with_bom_and_semicolons()
    {
        var csv = Sample2025Q2().Files.Single(f => f.Path.EndsWith(".csv")).Path;
        var bytes = File.ReadAllBytes(csv);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var header = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n")[0];
        Assert.Equal(string.Join(';', IvoFiles.Columns), header);
    }

    [Fact]
    public void The_export_refuses_a_folder_inside_the_KF_reports()
    {
        _env.Importer().Import(TestEnv.SampleCsv);
        var e = Assert.Throws<ArgumentException>(() =>
            IvoHistory.Export(_env).Write(Period.Parse("2025Q2"), _env.PathOf("reports/ivo"), kfRoot: _env.PathOf("reports")));
        Assert.Contains("innehåller personuppgifter", e.Message);
        Assert.False(Directory.Exists(_env.PathOf("reports/ivo")));
    }

    [Fact]
    public void Each_export_is_recorded_with_its_counts()
    {
        Sample2025Q2();
        using var c = _env.Db.Open();
        var row = Dapper.SqlMapper.QuerySingle<(string, long, long, long, long)>(c, "SELECT period, ny, kvarstar, avslutande, forsvunna FROM ivo_exports");
        Assert.Equal(("2025Q2", 58L, 75L, 0L, 0L), row);
    }
}
