using StatsReporting.Decisions;
using StatsReporting.Tests.Support;
using StatsReporting.Jobs;
using StatsReporting.Access;

namespace StatsReporting.Tests.Decisions;

/// StatsReporting:Schedule and StatsReporting:Web: their defaults, and the Swedish refusals naming the key.
public class ServiceSettingsTests
{
    [Fact]
    public void The_quarterly_job_runs_at_six_on_the_first_day_of_each_quarter_in_Stockholm_by_default()
    {
        var s = new ScheduleSettings();
        Assert.Equal(("0 6 1 1,4,7,10 *", "Europe/Stockholm"), (s.Cron, s.TimeZone));
        s.Validate();
    }

    [Fact]
    public void The_run_date_is_the_date_in_the_schedules_time_zone()
    {
        // 22:30 UTC on 30 June is 00:30 on 1 July in Stockholm (summer time).
        var clock = new FakeClock(new DateTimeOffset(2025, 6, 30, 22, 30, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2025, 7, 1), new ScheduleSettings().Today(clock));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_cron_is_refused(string cron)
    {
        var e = Assert.Throws<InvalidOperationException>(() => new ScheduleSettings { Cron = cron }.Validate());
        Assert.Equal("appsettings.json: StatsReporting:Schedule:Cron är tom.", e.Message);
    }

    [Fact]
    public void An_unknown_time_zone_is_refused_with_an_example()
    {
        var e = Assert.Throws<InvalidOperationException>(() => new ScheduleSettings { TimeZone = "Mars/Olympus" }.Validate());
        Assert.Equal("appsettings.json: StatsReporting:Schedule:TimeZone 'Mars/Olympus' är ingen känd tidszon (t.ex. Europe/Stockholm).", e.Message);
    }

    [Fact]
    public void Web_defaults_are_20_MiB_uploads_30_minute_sessions_and_no_trusted_proxy()
    {
        var w = new WebSettings();
        Assert.Equal((20_971_520L, 30, 0), (w.MaxUploadBytes, w.SessionIdleMinutes, w.TrustedProxies.Length));
        Assert.Equal("Nycklar delas ut av systemförvaltaren för StatsReporting.", w.LoginHelp);
        w.Validate();
    }

    [Fact]
    public void The_smallest_upload_limit_and_session_time_are_1_and_proxies_are_ip_addresses()
    {
        new WebSettings { MaxUploadBytes = 1, SessionIdleMinutes = 1, TrustedProxies = ["127.0.0.1", "::1"] }.Validate();
    }

    [Theory]
    [InlineData(0, 30, "appsettings.json: StatsReporting:Web:MaxUploadBytes ska vara större än 0.")]
    [InlineData(-1, 30, "appsettings.json: StatsReporting:Web:MaxUploadBytes ska vara större än 0.")]
    [InlineData(1024, 0, "appsettings.json: StatsReporting:Web:SessionIdleMinutes ska vara större än 0.")]
    [InlineData(1024, -5, "appsettings.json: StatsReporting:Web:SessionIdleMinutes ska vara större än 0.")]
    public void A_zero_or_negative_limit_is_refused(long maxUploadBytes, int sessionIdleMinutes, string message)
    {
        var e = Assert.Throws<InvalidOperationException>(() => new WebSettings { MaxUploadBytes = maxUploadBytes, SessionIdleMinutes = sessionIdleMinutes }.Validate());
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void A_proxy_that_is_no_ip_address_is_refused()
    {
        var e = Assert.Throws<InvalidOperationException>(() => new WebSettings { TrustedProxies = ["127.0.0.1", "proxy.kommun.se"] }.Validate());
        Assert.Equal("appsettings.json: StatsReporting:Web:TrustedProxies: 'proxy.kommun.se' är ingen IP-adress.", e.Message);
    }
}
