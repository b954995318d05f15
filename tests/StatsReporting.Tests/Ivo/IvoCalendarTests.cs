using StatsReporting.Decisions;
using StatsReporting.Ivo;
using StatsReporting.Tests.Support;
using StatsReporting.Jobs;

namespace StatsReporting.Tests.Ivo;

public class IvoCalendarTests : IDisposable
{
    private readonly TestEnv _env = new();
    public void Dispose() => _env.Dispose();

    private static DateOnly D(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd");

    [Theory]
    [InlineData("2025Q1", "2025-04-01", "2025-04-30")]
    [InlineData("2025Q2", "2025-07-01", "2025-08-31")]
    [InlineData("2025Q3", "2025-10-01", "2025-10-31")]
    [InlineData("2025Q4", "2026-01-01", "2026-01-31")]
    public void Default_windows_from_appsettings(string period, string from, string to) =>
        Assert.Equal((D(from), D(to)), TestEnv.Settings.Get<IvoSettings>().Window(Period.Parse(period)));

    [Theory]
    [InlineData("\"Q2\": { \"From\": \"07-01\", \"To\": \"08-31\" }", "\"Q2\": { \"From\": \"07-01\", \"To\": \"08-32\" }",
        "StatsReporting:Ivo:ReportingWindows:Q2:To '08-32' är ingen dag")]
    [InlineData("\"Q1\": { \"From\": \"04-01\", \"To\": \"04-30\" }", "\"Q1\": { \"From\": \"02-29\", \"To\": \"04-30\" }",
        "StatsReporting:Ivo:ReportingWindows:Q1:From '02-29' är ingen dag")]
    [InlineData("\"Q3\": { \"From\": \"10-01\", \"To\": \"10-31\" }", "\"Q3\": { \"From\": \"03-01\", \"To\": \"03-31\" }",
        "StatsReporting:Ivo:ReportingWindows:Q3:From '03-01' ligger inte i kvartalet efter Q3")]
    public void A_wrong_window_fails_at_load_naming_the_key(string original, string replacement, string message)
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "appsettings.json"));
        Assert.Contains(original, json);
        File.WriteAllText(_env.PathOf("appsettings.json"), json.Replace(original, replacement));
        var e = Assert.Throws<InvalidOperationException>(() => Installation.Load(_env.Dir));
        Assert.Contains(message, e.Message);
    }

    private IvoStatus StatusOn(string today) => IvoHistory.Export(_env).Status(D(today));

    [Fact]
    public void Status_lists_the_open_window_the_overdue_quarter_and_the_cases_to_report_closed()
    {
        IvoHistory.Import(_env, 1);
        IvoHistory.Export(_env).Write(IvoHistory.Quarters[0], _env.PathOf("ivo"));
        IvoHistory.Import(_env, 2);

        // 15 July: Q2's window is open, Q1 was exported. H-6 was late and verkställt within Q2: reported with its date.
        var july = StatusOn("2025-07-15");
        var due = Assert.Single(july.Due);
        Assert.Equal((new Period(2025, 2), 3, 2, 0, (DateTimeOffset?)null), (due.Period, due.Ny, due.Kvarstar, due.Avslutande, due.LastExport));
        Assert.Empty(july.Overdue);
        var h6 = Assert.Single(july.Closing);
        Assert.Equal(("H-6", Rapporttyp.Ny, Status.Verkstallt, D("2025-05-20")), (h6.BeslutId, h6.Rapporttyp, h6.How, h6.Date));

        // 5 September: the window closed without an export.
        IvoHistory.Import(_env, 3);
        var september = StatusOn("2025-09-05");
        Assert.Empty(september.Due);
        Assert.Equal(new Period(2025, 2), Assert.Single(september.Overdue).Period);

        // 15 October, Q2 exported late: only Q3 is due, and H-1 needs its avslutande report.
        IvoHistory.Export(_env).Write(IvoHistory.Quarters[1], _env.PathOf("ivo"));
        var october = StatusOn("2025-10-15");
        Assert.Equal(new Period(2025, 3), Assert.Single(october.Due).Period);
        Assert.Empty(october.Overdue);
        var h1 = Assert.Single(october.Closing);
        Assert.Equal(("H-1", Rapporttyp.Avslutande, D("2025-08-20")), (h1.BeslutId, h1.Rapporttyp, h1.Date));
        Assert.Equal(
        [
            "IVO-rapportering, läge 2025-10-15",
            "Att rapportera nu (fönstret är öppet):",
            "  2025Q3: 2025-10-01–2025-10-31, 5 beslut (1 ny, 3 kvarstår, 1 avslutande), ingen export registrerad",
            "Inga försenade kvartal.",
            "Ärenden som behöver en avslutande rapport nu: 1 (och 0 nya ärenden som rapporteras med sitt datum)",
            "  2025Q3  avslutande  H-1  SoL  Äldreomsorg: Särskilt boende  verkställt 2025-08-20",
        ], IvoCalendar.Lines(october));
    }
}
