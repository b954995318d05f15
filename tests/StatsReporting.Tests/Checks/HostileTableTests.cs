using StatsReporting.Tests.BadInput;
using StatsReporting.Tests.Support;

namespace StatsReporting.Tests.Checks;

/// Issue 10, `check` and `import-table`: a file that is no KF table, or a table cut off mid-row, is exit 2 with a
/// reason (and import-table stores nothing); the checker never echoes a person code or a date of birth.
public class HostileTableTests : IDisposable
{
    private readonly TestEnv _env = new();
    public void Dispose() => _env.Dispose();

    private string Write(string name, params string[] lines)
    {
        var path = _env.PathOf(name);
        File.WriteAllText(path, string.Join("\r\n", lines) + "\r\n");
        return path;
    }

    [Theory]
    [InlineData("namn.csv", "Namn;Ålder", "Anna;34", "Bertil;51")]
    [InlineData("mätning.csv", "Vecka;Mätvärde A;Mätvärde B", "1;3;4", "2;5;6")]
    public void A_file_that_is_no_table_at_all_exits_2_with_a_reason_instead_of_Inga_avvikelser(string name, params string[] lines)
    {
        var r = CliProcess.Run(_env.Dir, "check", Write(name, lines));
        Assert.Equal(2, r.ExitCode);
        Assert.Equal($"Fel: {name}: ingen KF-tabell att kontrollera: ingen kolumn heter Kvinnor, Män, Summa, Antal eller ett kvartal, "
            + "och ingen rad är en summarad (Total, Totalt, Summa).", r.Stderr.Trim());
    }

    [Fact]
    public void A_decision_file_given_to_check_exits_2_and_prints_no_person_code()
    {
        var r = CliProcess.Run(_env.Dir, "check", TestEnv.SampleCsv);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("Fel: beslut.csv: ingen KF-tabell att kontrollera: ingen kolumn heter Kvinnor, Män, Summa, Antal eller ett kvartal, "
            + "och ingen rad är en summarad (Total, Totalt, Summa).", r.Stderr.Trim());
        Assert.Empty(r.Stdout);
    }

    private static readonly string[] Lss =
    [
        "Typ av insats;Män;Kvinnor;Summa total",
        "9.2 Biträde av personlig assistans;0;1;1",
        "9.4 Biträde av kontaktperson;13;5;18",
        "Summa total;13;6;19",
    ];

    [Fact]
    public void A_table_cut_off_mid_row_exits_2_in_check_and_import_table_stores_nothing()
    {
        var cut = Write("avklippt.csv", [.. Lss[..3], "Summa total;13"]);
        var check = CliProcess.Run(_env.Dir, "check", cut);
        const string reason = "avklippt.csv: rad 4: tabellen slutar mitt i en rad (raden har 2 av 4 fält); filen verkar avklippt: hämta eller spara den på nytt.";
        Assert.Equal((2, "Fel: " + reason), (check.ExitCode, check.Stderr.Trim()));

        var before = Refusal.Snapshot(_env.Db.Path);
        var stored = CliProcess.Run(_env.Dir, "import-table", cut, "--period", "2024Q3", "--law", "LSS", "--db", _env.Db.Path);
        Assert.Equal((2, "Fel: " + reason), (stored.ExitCode, stored.Stderr.Trim()));
        Assert.Equal(before, Refusal.Snapshot(_env.Db.Path));
    }

    [Fact]
    public void The_whole_table_still_checks_clean()
    {
        var r = CliProcess.Run(_env.Dir, "check", Write("hel.csv", Lss));
        Assert.Equal((0, "Inga avvikelser."), (r.ExitCode, r.Stdout.Trim()));
    }

    [Fact]
    public void The_checker_never_echoes_a_cell_that_looks_like_a_person_code_or_a_birth_date()
    {
        var r = CliProcess.Run(_env.Dir, "check", Write("pnr.csv",
            "Insats;Kvinnor;Män;Summa", "19390601-T490;1;2;3", "Hemtjänst;19420302;1;2", "Boende;1950-03-04;1;1", "Summa;2;4;6"));
        Assert.Equal(1, r.ExitCode);
        Assert.DoesNotContain("19390601", r.Stdout);
        Assert.DoesNotContain("T490", r.Stdout);
        Assert.DoesNotContain("19420302", r.Stdout);
        Assert.DoesNotContain("1950-03-04", r.Stdout);
        Assert.Contains("Hemtjänst (rad 3), Kvinnor: '(ett värde som liknar en personkod eller ett datum, visas inte)' kan inte läsas som ett antal.", r.Stdout);
    }
}
