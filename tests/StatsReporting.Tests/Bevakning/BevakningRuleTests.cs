using System.Globalization;
using System.Text.Json;
using StatsReporting.Bevakning;
using StatsReporting.Decisions;
using StatsReporting.Tests.Support;

namespace StatsReporting.Tests.Bevakning;

/// The bevakningslista on hand-made records; today is 2025-05-20 and the window 30 days (to 2025-06-19).
public class BevakningRuleTests
{
    private static readonly DateOnly Today = D("2025-05-20");

    private static DateOnly D(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static Decision Make(string id, string beslut, string? avbrott = null, string? verkstallt = null, string? avslutat = null,
        Lag lag = Lag.SoL, string insats = "Särskilt boende", string? enhet = null, string? orsak = null) => new()
    {
        BeslutId = id, PersonId = "19500101-T123", Kon = Kon.M, Lag = lag, Verksamhet = lag == Lag.SoL ? "ÄO" : null, Insats = insats,
        Enhet = enhet, Beslutsdatum = D(beslut), Avbrottsdatum = avbrott is null ? null : D(avbrott),
        VerkstalltDatum = verkstallt is null ? null : D(verkstallt), AvslutatDatum = avslutat is null ? null : D(avslutat),
        Orsak = orsak, Kommentar = "HEMLIG KOMMENTAR",
    };

    private static BevakningList Compute(params Decision[] ds) => BevakningRule.Compute(ds, Today, 30, TestEnv.Catalog);

    private static string[] Ids(IEnumerable<BevakningItem> items) => items.Select(i => i.BeslutId).ToArray();

    [Fact]
    public void Deadline_today_is_in_with_0_days_left_and_deadline_tomorrow_plus_N_is_out()
    {
        var list = Compute(
            Make("B-TODAY", "2025-02-20"),          // deadline 2025-05-20 = today
            Make("B-LAST", "2025-03-19"),           // deadline 2025-06-19 = today + 30
            Make("B-OUT", "2025-03-20"));           // deadline 2025-06-20 = tomorrow + 30
        Assert.Equal(["B-TODAY", "B-LAST"], Ids(list.Snart));
        Assert.Equal([0, 30], list.Snart.Select(i => i.Dagar));
        Assert.Empty(list.Sena);
    }

    [Fact]
    public void Decision_verkstalld_yesterday_or_avslutad_is_out_and_one_done_after_today_is_still_open()
    {
        var list = Compute(
            Make("B-YESTERDAY", "2025-03-01", verkstallt: "2025-05-19"),
            Make("B-CLOSED", "2025-03-01", avslutat: "2025-05-20"),
            Make("B-LATER", "2025-03-01", verkstallt: "2025-05-21"));
        Assert.Equal(["B-LATER"], Ids(list.Snart));
    }

    [Fact]
    public void Avbrott_counts_from_its_avbrottsdatum_not_the_beslutsdatum()
    {
        var list = Compute(Make("B-AVBROTT", "2024-01-10", avbrott: "2025-03-05"), Make("B-OLD", "2024-01-10", verkstallt: "2024-02-01"));
        var item = Assert.Single(list.Snart);
        Assert.Equal(("B-AVBROTT", D("2025-03-05"), "avbrott", D("2025-06-05"), 16), (item.BeslutId, item.Klockstart, item.KlockstartAv, item.SistaDag, item.Dagar));
    }

    [Fact]
    public void Month_end_clock_start_2024_11_30_has_its_deadline_on_2025_02_28()
    {
        var list = BevakningRule.Compute([Make("B-MONTHEND", "2024-11-30"), Make("B-DEC1", "2024-12-01")], D("2025-02-01"), 30, TestEnv.Catalog);
        Assert.Equal(["B-MONTHEND", "B-DEC1"], Ids(list.Snart));
        Assert.Equal([(D("2025-02-28"), 27), (D("2025-03-01"), 28)], list.Snart.Select(i => (i.SistaDag, i.Dagar)));
    }

    [Fact]
    public void Late_decision_not_yet_in_a_report_is_in_sena_but_one_already_reported_last_quarter_is_not()
    {
        var list = Compute(
            Make("B-LATE", "2025-01-10", orsak: "SAKNAS_PLATS"), // deadline 2025-04-10, first late in 2025Q2: next report
            Make("B-LATE2", "2025-02-19"),                       // deadline 2025-05-19: one day late
            Make("B-REPORTED", "2024-12-15"),                    // first late 2025-03-16: already in the 2025Q1 report
            Make("B-DONE", "2025-01-10", verkstallt: "2025-05-01"));
        Assert.Equal(["B-LATE", "B-LATE2"], Ids(list.Sena));
        Assert.Equal([40, 1], list.Sena.Select(i => i.Dagar));
        Assert.Equal("det saknas plats (kö, sanering/renovering/ombyggnation)", list.Sena[0].Orsak);
        Assert.Empty(list.Snart);
    }

    [Fact]
    public void Sorted_by_days_left_then_beslut_id_with_lss_named_by_its_point()
    {
        var list = Compute(Make("B-2", "2025-03-01"), Make("B-10", "2025-03-01"), Make("A-9", "2025-03-05", lag: Lag.LSS, insats: "9 § 4"));
        Assert.Equal(["B-10", "B-2", "A-9"], Ids(list.Snart));
        Assert.Equal("9 § 4 Biträde av kontaktperson", list.Snart[2].Insats);
    }

    [Fact]
    public void A_decision_made_today_is_listed_when_the_window_reaches_its_deadline_but_one_dated_tomorrow_is_not_yet()
    {
        // Today 2025-05-20, window 93 days (to 2025-08-21): deadlines 2025-08-20 (92 days) and 2025-08-21 (93 days).
        var list = BevakningRule.Compute([Make("B-TODAY", "2025-05-20"), Make("B-TOMORROW", "2025-05-21")], Today, 93, TestEnv.Catalog);
        var item = Assert.Single(list.Snart);
        Assert.Equal(("B-TODAY", 92, "beslut", D("2025-05-20")), (item.BeslutId, item.Dagar, item.KlockstartAv, item.Klockstart));
    }

    [Fact]
    public void Sena_with_the_same_days_late_are_sorted_by_beslut_id()
    {
        var list = Compute(Make("B-2", "2025-01-10"), Make("B-10", "2025-01-10"), Make("B-1", "2025-02-19"));
        Assert.Equal(["B-10", "B-2", "B-1"], Ids(list.Sena));
        Assert.Equal([40, 40, 1], list.Sena.Select(i => i.Dagar));
    }

    [Fact]
    public void Json_has_exactly_the_issues_keys_with_iso_dates_and_no_personal_data()
    {
        var list = Compute(Make("B-TODAY", "2025-02-20", enhet: "Fyren", orsak: "TACKAT_NEJ"), Make("B-LATE", "2025-01-10"));
        var json = BevakningOutput.Json(list);
        var root = JsonDocument.Parse(json).RootElement;
        Assert.Equal(["today", "days", "snart", "sena"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("2025-05-20", 30), (root.GetProperty("today").GetString(), root.GetProperty("days").GetInt32()));
        var snart = Assert.Single(root.GetProperty("snart").EnumerateArray());
        Assert.Equal(["beslut_id", "lag", "verksamhet", "insats", "enhet", "klockstart", "sista_dag", "dagar_kvar", "orsak"], snart.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["B-TODAY", "SoL", "ÄO", "Särskilt boende", "Fyren", "2025-02-20", "2025-05-20", "0", "den enskilde har tackat nej till erbjudande"],
            snart.EnumerateObject().Select(p => p.Value.ToString()));
        var sena = Assert.Single(root.GetProperty("sena").EnumerateArray());
        Assert.Equal(["beslut_id", "lag", "verksamhet", "insats", "enhet", "klockstart", "sista_dag", "dagar_sena", "orsak"], sena.EnumerateObject().Select(p => p.Name));
        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null, 40), (sena.GetProperty("enhet").ValueKind, sena.GetProperty("orsak").ValueKind, sena.GetProperty("dagar_sena").GetInt32()));
        Assert.DoesNotContain("19500101", json);
        Assert.DoesNotContain("HEMLIG", json);
    }
}
