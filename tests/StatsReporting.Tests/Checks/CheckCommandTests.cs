using System.Text.Json;
using StatsReporting.Tests.Support;
using static StatsReporting.Tests.Checks.Tables;

namespace StatsReporting.Tests.Checks;

public class CheckCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("statsreporting-check-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Findings_exit_1_with_one_Swedish_line_each_and_no_database_is_made()
    {
        var db = Path.Combine(_dir, "data", "evb.db");
        var r = CliProcess.Run(_dir, "check", Published("sol-2025Q2-tabell.csv"), "--db", db);
        Assert.Equal(1, r.ExitCode);
        var lines = r.Stdout.Trim().Split('\n');
        Assert.Equal(6, lines.Length);
        Assert.Equal("sol-2025Q2-tabell.csv: Total IFO (rad 18): 3 + 4 = 7, men Summa total anger 17.", lines[2]);
        Assert.False(File.Exists(db));
    }

    [Fact]
    public void Json_output_has_the_agreed_fields_and_the_root_cause()
    {
        var r = CliProcess.Run(_dir, "check", Published("sol-2025Q2-tabell.csv"), "--compare", Published("sol-2025Q2-jamforelse.csv"), "--format", "json");
        Assert.Equal(1, r.ExitCode);
        var items = JsonDocument.Parse(r.Stdout).RootElement.EnumerateArray().ToList();
        Assert.Equal(9, items.Count);
        foreach (var name in new[] { "table", "row", "column", "printed", "computed", "severity", "message" })
            Assert.All(items, i => Assert.True(i.TryGetProperty(name, out _), name));
        var grand = items[3];
        Assert.Equal(("Totalt samtliga verksamheter", 42, 44, "Total IFO"),
            (grand.GetProperty("row").GetString(), grand.GetProperty("printed").GetInt32(), grand.GetProperty("computed").GetInt32(), grand.GetProperty("rootCause").GetString()));
        Assert.Equal("Kontaktperson, OF", items[6].GetProperty("row").GetString());
    }

    [Fact]
    public void A_correct_table_exits_0()
    {
        var r = CliProcess.Run(_dir, "check", Published("lss-2025Q2-tabell.csv"), "--format", "json");
        Assert.Equal((0, "[]"), (r.ExitCode, r.Stdout.Trim()));
    }

    [Fact]
    public void Unreadable_input_exits_2_with_a_Swedish_message_and_no_stack_trace()
    {
        var binary = Path.Combine(_dir, "tabell.csv");
        File.WriteAllBytes(binary, [0x25, 0x50, 0x44, 0x46, 0x00, 0x01]);
        foreach (var file in new[] { binary, Path.Combine(_dir, "saknas.csv") })
        {
            var r = CliProcess.Run(_dir, "check", file);
            Assert.Equal(2, r.ExitCode);
            Assert.StartsWith("Fel: ", r.Stderr);
            Assert.DoesNotContain("   at ", r.Stderr);
        }
    }

    [Fact]
    public void A_damaged_workbook_is_named_in_Swedish_without_the_runtimes_exception_name()
    {
        var path = Path.Combine(_dir, "tabell.xlsx");
        File.WriteAllText(path, "ingen arbetsbok");
        var e = Assert.Throws<StatsReporting.Checks.TableReadException>(() => StatsReporting.Checks.TableReader.Read(path));
        Assert.Equal("tabell.xlsx: filen är ingen giltig .xlsx-fil (zip-arkivet är skadat); spara den på nytt från Excel.", e.Message);
    }
}
