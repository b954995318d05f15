using StatsReporting.Access;

namespace StatsReporting.Tests.Access;

/// Web:Oidc: which groups give which role over which nämnder, and the settings a wrong appsettings.json is refused for.
public class OidcSettingsTests
{
    private static OidcSettings Settings() => new()
    {
        Authority = "https://login.microsoftonline.com/0b1e7c3a-0000-4000-8000-000000000000/v2.0",
        ClientId = "3f2a…",
        ClientSecret = "hemligt",
        Roller = new()
        {
            ["SR-Controller-A"] = new() { Roll = "controller", Namnder = ["a"] },
            ["SR-Controller-B"] = new() { Roll = "controller", Namnder = ["b"] },
            ["SR-Ivo-B"] = new() { Roll = "ivo", Namnder = ["b"] },
            ["SR-Admin"] = new() { Roll = "admin" },
        },
    };

    [Theory]
    [InlineData("SR-Controller-A", "controller:a")]
    [InlineData("SR-Controller-A,SR-Controller-B", "controller:a,b")]       // the same role in two groups: both nämnder
    [InlineData("SR-Controller-A,SR-Ivo-B", "ivo:b")]                       // the higher role, never over a's nämnd
    [InlineData("Ekonomi,SR-Ivo-B,Ekonomi", "ivo:b")]                       // unmapped groups are ignored
    [InlineData("SR-Admin,SR-Ivo-B", "admin:*")]                            // no Namnder: every nämnd
    public void A_person_gets_the_highest_role_of_their_groups_over_that_roles_namnder(string groups, string grant) =>
        Assert.Equal(grant, Settings().Resolve(groups.Split(','))!.Stored);

    [Theory]
    [InlineData("")]
    [InlineData("Ekonomi")]
    [InlineData("sr-controller-a")] // group names are compared exactly, as the provider sends them
    public void A_person_in_no_mapped_group_gets_nothing(string groups) =>
        Assert.Null(Settings().Resolve(groups.Split(',', StringSplitOptions.RemoveEmptyEntries)));

    [Fact]
    public void Off_while_Authority_is_empty_and_then_nothing_else_is_checked()
    {
        var off = new OidcSettings();
        off.Validate();
        Assert.False(off.Enabled);
    }

    [Theory]
    [InlineData("Authority", "http://idp.kommun.se", "appsettings.json: StatsReporting:Web:Oidc:Authority 'http://idp.kommun.se' ska vara en https-adress (http bara på den egna datorn).")]
    [InlineData("ClientId", "", "appsettings.json: StatsReporting:Web:Oidc:ClientId saknas (appens id hos identitetsleverantören).")]
    [InlineData("ClientSecret", "", "appsettings.json: StatsReporting:Web:Oidc: ange antingen ClientSecret eller Certifikat (en .pfx-fil), inte båda och inte inget.")]
    [InlineData("Certifikat", "/finns/inte.pfx", "appsettings.json: StatsReporting:Web:Oidc: ange antingen ClientSecret eller Certifikat (en .pfx-fil), inte båda och inte inget.")]
    [InlineData("Roll", "chef", "appsettings.json: StatsReporting:Web:Oidc:Roller:SR-Admin:Roll 'chef' är ingen roll (controller, ivo eller admin).")]
    [InlineData("Roller", "", "appsettings.json: StatsReporting:Web:Oidc:Roller är tom: ingen skulle kunna logga in. Ange vilka grupper som ger vilken roll.")]
    public void A_wrong_setting_is_refused_naming_the_key(string key, string value, string message)
    {
        var s = Settings();
        switch (key)
        {
            case "Authority": s.Authority = value; break;
            case "ClientId": s.ClientId = value; break;
            case "ClientSecret": s.ClientSecret = value; break;
            case "Certifikat": s.Certifikat = value; break;
            case "Roll": s.Roller["SR-Admin"].Roll = value; break;
            case "Roller": s.Roller.Clear(); break;
        }
        Assert.Equal(message, Assert.Throws<InvalidOperationException>(s.Validate).Message);
    }

    [Fact]
    public void Http_is_allowed_for_a_provider_on_this_machine_only()
    {
        var s = Settings();
        s.Authority = "http://localhost:8080";
        s.Validate();
        Assert.True(s.Enabled);
    }
}
