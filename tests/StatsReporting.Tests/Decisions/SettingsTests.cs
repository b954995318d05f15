using System.Text.Json.Nodes;
using StatsReporting.Decisions;
using StatsReporting.Storage;
using StatsReporting.Tests.Support;
using StatsReporting.Jobs;
using StatsReporting.Organisation;

namespace StatsReporting.Tests.Decisions;

/// A broken appsettings.json stops every verb with a Swedish message naming the file or the key, never a stack trace.
public class SettingsTests : IDisposable
{
    private readonly TestEnv _env = new();
    public void Dispose() => _env.Dispose();

    private InvalidOperationException LoadWith(string json)
    {
        File.WriteAllText(_env.PathOf("appsettings.json"), json);
        return Assert.Throws<InvalidOperationException>(() => Installation.Load(_env.Dir));
    }

    /// The repository's appsettings.json with one change, loaded from the test's folder.
    private Installation LoadChanged(Action<JsonNode> change)
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "appsettings.json")))!;
        change(json);
        File.WriteAllText(_env.PathOf("appsettings.json"), json.ToJsonString());
        return Installation.Load(_env.Dir);
    }

    /// The first nämnd's report settings (the one nämnd of the sample's settings).
    private static ReportSettings Report(Installation s) => s.ReportFor(s.Organisation.All()[0]);

    private string RefusedWith(Action<JsonNode> change) => Assert.Throws<InvalidOperationException>(() => LoadChanged(change)).Message;

    [Fact]
    public void Json_that_does_not_parse_is_named_with_its_line()
    {
        var e = LoadWith("{\n  \"StatsReporting\": {\n    \"Paths\": { \"Database\": \"x.db\" \n");
        Assert.StartsWith($"{_env.PathOf("appsettings.json")} är ingen giltig JSON (rad ", e.Message);
    }

    [Fact]
    public void The_line_named_is_the_one_a_text_editor_shows()
    {
        var e = LoadWith("{\n  \"StatsReporting\": {\n    \"Web\": x\n  }\n}\n");
        Assert.Equal($"{_env.PathOf("appsettings.json")} är ingen giltig JSON (rad 3): rätta filen.", e.Message);
    }

    [Fact]
    public void Json_that_parses_but_cannot_be_read_as_settings_is_named()
    {
        // A key given twice at the top: the JSON parses, the configuration reader refuses it.
        var file = _env.PathOf("appsettings.json");
        var e = LoadWith("{ \"Urls\": \"a\", \"Urls\": \"b\" }");
        Assert.Equal($"{file} kan inte läsas: Failed to load configuration from file '{file}'.", e.Message);
    }

    [Fact]
    public void A_value_of_the_wrong_type_names_its_key()
    {
        var e = LoadWith("{ \"StatsReporting\": { \"Web\": { \"MaxUploadBytes\": \"abc\" } } }");
        Assert.Equal("appsettings.json: värdet 'abc' för StatsReporting:Web:MaxUploadBytes har fel typ (ett heltal behövs).", e.Message);
    }

    [Theory]
    [InlineData("{ \"StatsReporting\": { \"Web\": { \"SessionIdleMinutes\": \"en halvtimme\" } } }",
        "appsettings.json: värdet 'en halvtimme' för StatsReporting:Web:SessionIdleMinutes har fel typ (ett heltal behövs).")]
    [InlineData("{ \"StatsReporting\": { \"Avgift\": { \"Exempel\": \"ja\" } } }",
        "appsettings.json: värdet 'ja' för StatsReporting:Avgift:Exempel har fel typ (true eller false behövs).")]
    [InlineData("{ \"StatsReporting\": { \"Avgift\": { \"Paslag\": \"mycket\" } } }",
        "appsettings.json: värdet 'mycket' för StatsReporting:Avgift:Paslag har fel typ (System.Decimal behövs).")]
    public void A_wrong_type_says_in_Swedish_what_is_wanted(string json, string message) => Assert.Equal(message, LoadWith(json).Message);

    [Fact]
    public void A_file_without_the_StatsReporting_section_says_so() =>
        Assert.Equal("appsettings.json saknar avsnittet 'StatsReporting'.", LoadWith("{ \"Urls\": \"http://127.0.0.1:5080\" }").Message);

    [Fact]
    public void Without_a_file_in_the_folder_the_copy_beside_the_program_is_read()
    {
        var s = Installation.Load(_env.PathOf("tom"));
        Assert.Equal(("Exempelkommunen", "2024Q4", 18), (s.Organisation.Kommun, Report(s).RecordsFrom, s.Get<CatalogSettings>().SoL.Sum(v => v.Insatser.Count)));
    }

    [Fact]
    public void The_sample_settings_load_with_their_kon_order_per_law()
    {
        var s = LoadChanged(_ => { });
        Assert.Equal([Kon.K, Kon.M], Report(s).KonColumns(Lag.SoL));
        Assert.Equal([Kon.M, Kon.K], Report(s).KonColumns(Lag.LSS));
        Assert.Equal((DbProvider.Sqlite, (string?)null), (s.Get<StorageSettings>().Kind, Report(s).NamedOutputs));
    }

    [Fact]
    public void Postgres_takes_its_server_from_the_top_level_connection_strings()
    {
        var s = LoadChanged(j =>
        {
            j["StatsReporting"]!["Storage"]!["Provider"] = "Postgres";
            j["ConnectionStrings"] = new JsonObject { ["Postgres"] = "Host=127.0.0.1;Database=evb" };
        });
        Assert.Equal(DbProvider.Postgres, s.Get<StorageSettings>().Kind);
    }

    [Fact]
    public void With_several_namnder_outputs_are_named_by_the_namnd()
    {
        var s = LoadChanged(j => j["StatsReporting"]!["Organisation"]!["Namnder"] = new JsonArray(
            new JsonObject { ["Code"] = "son", ["Name"] = "Socialnämnden", ["Kommun"] = "Exempelkommunen" },
            new JsonObject { ["Code"] = "von", ["Name"] = "Vård- och omsorgsnämnden", ["Kommun"] = "Exempelkommunen" }));
        Assert.Equal("Socialnämnden", Report(s).NamedOutputs);
    }

    [Fact]
    public void An_empty_RecordsFrom_means_the_records_cover_every_quarter()
    {
        var s = LoadChanged(j => j["StatsReporting"]!["Report"]!["RecordsFrom"] = "");
        Assert.True(Report(s).RecordsCover(new Period(1990, 1)));
    }

    [Theory]
    [InlineData("2024Q3", false)]
    [InlineData("2024Q4", true)]
    [InlineData("2025Q1", true)]
    public void RecordsFrom_is_the_first_quarter_the_records_cover(string quarter, bool covered) =>
        Assert.Equal(covered, new ReportSettings { RecordsFrom = "2024Q4" }.RecordsCover(Period.Parse(quarter)));

    [Fact]
    public void Without_a_kon_order_the_columns_are_kvinnor_then_man() =>
        Assert.Equal([Kon.K, Kon.M], new ReportSettings().KonColumns(Lag.LSS));

    public static TheoryData<string, string> Refusals => new()
    {
        { "Catalog.SoL=[]", "appsettings.json: StatsReporting:Catalog:SoL är tom." },
        { "Catalog.LSS-1", "appsettings.json: StatsReporting:Catalog:LSS ska ha 10 punkter (9 § 1–10)." },
        { "Catalog.Orsaker-OVRIGT", "appsettings.json: StatsReporting:Catalog:Orsaker saknar OVRIGT." },
        { "Report.RecordsFrom=2024Q5", "appsettings.json: StatsReporting:Report:RecordsFrom '2024Q5' är ingen period (skriv t.ex. 2024Q4)." },
        { "Report.KonOrder.SoL=K,K", "appsettings.json: StatsReporting:Report:KonOrder:SoL ska vara [\"K\",\"M\"] eller [\"M\",\"K\"]." },
        { "Report.KonOrder.LSS=K,X", "appsettings.json: StatsReporting:Report:KonOrder:LSS ska vara [\"K\",\"M\"] eller [\"M\",\"K\"]." },
        { "Report.KonOrder.LSS=K,M,K", "appsettings.json: StatsReporting:Report:KonOrder:LSS ska vara [\"K\",\"M\"] eller [\"M\",\"K\"]." },
        { "Report.KonOrder-LSS", "appsettings.json: StatsReporting:Report:KonOrder:LSS ska vara [\"K\",\"M\"] eller [\"M\",\"K\"]." },
        { "Ivo.ReportingWindows.Q5", "appsettings.json: StatsReporting:Ivo:ReportingWindows:Q5 är inget kvartal (ange Q1, Q2, Q3 och Q4)." },
        { "Schedule.Cron=", "appsettings.json: StatsReporting:Schedule:Cron är tom." },
        { "Web.MaxUploadBytes=0", "appsettings.json: StatsReporting:Web:MaxUploadBytes ska vara större än 0." },
        { "Access.Keys.0.Role=chef", "appsettings.json: StatsReporting:Access:Keys:0:Role 'chef' är ingen roll (controller, ivo eller admin)." },
        { "Bevakning.Days=400", "appsettings.json: StatsReporting:Bevakning:Days ska vara 0–366 (är 400)." },
        { "Avgift.Paslag=11", "appsettings.json: StatsReporting:Avgift:Paslag ska vara mellan 0 och 10 (0,25 = 25 %), är 11." },
        { "Import.MaxRows=0", "appsettings.json: StatsReporting:Import:MaxRows ska vara större än 0." },
        { "Organisation.Namnder.0.Code=A B", "appsettings.json: StatsReporting:Organisation:Namnder: koden 'A B' ska vara 1–32 små bokstäver a–z, siffror eller bindestreck." },
        { "Storage.Provider=Oracle", "appsettings.json: StatsReporting:Storage:Provider 'Oracle' är okänd (skriv Sqlite eller Postgres)." },
    };

    /// Each feature's section is checked when the settings are loaded, so a wrong value stops the start with its key named.
    [Theory]
    [MemberData(nameof(Refusals))]
    public void Every_section_is_validated_when_the_settings_are_loaded(string change, string message) =>
        Assert.Equal(message, RefusedWith(j => Apply(j["StatsReporting"]!, change)));

    private static void Apply(JsonNode s, string change)
    {
        switch (change)
        {
            case "Catalog.SoL=[]": s["Catalog"]!["SoL"] = new JsonArray(); break;
            case "Catalog.LSS-1": s["Catalog"]!["LSS"]!.AsArray().RemoveAt(9); break;
            case "Catalog.Orsaker-OVRIGT": s["Catalog"]!["Orsaker"]!.AsArray().RemoveAt(13); break;
            case "Report.RecordsFrom=2024Q5": s["Report"]!["RecordsFrom"] = "2024Q5"; break;
            case "Report.KonOrder.SoL=K,K": s["Report"]!["KonOrder"]!["SoL"] = new JsonArray("K", "K"); break;
            case "Report.KonOrder.LSS=K,X": s["Report"]!["KonOrder"]!["LSS"] = new JsonArray("K", "X"); break;
            case "Report.KonOrder.LSS=K,M,K": s["Report"]!["KonOrder"]!["LSS"] = new JsonArray("K", "M", "K"); break;
            case "Report.KonOrder-LSS": s["Report"]!["KonOrder"]!.AsObject().Remove("LSS"); break;
            case "Ivo.ReportingWindows.Q5": s["Ivo"]!["ReportingWindows"]!["Q5"] = new JsonObject { ["From"] = "01-01", ["To"] = "01-31" }; break;
            case "Schedule.Cron=": s["Schedule"]!["Cron"] = ""; break;
            case "Web.MaxUploadBytes=0": s["Web"]!["MaxUploadBytes"] = 0; break;
            case "Access.Keys.0.Role=chef": s["Access"]!["Keys"] = new JsonArray(new JsonObject { ["Role"] = "chef" }); break;
            case "Bevakning.Days=400": s["Bevakning"]!["Days"] = 400; break;
            case "Avgift.Paslag=11": s["Avgift"]!["Paslag"] = 11; break;
            case "Import.MaxRows=0": s["Import"]!["MaxRows"] = 0; break;
            case "Organisation.Namnder.0.Code=A B":
                s["Organisation"]!["Namnder"] = new JsonArray(new JsonObject { ["Code"] = "A B", ["Name"] = "N", ["Kommun"] = "K" }); break;
            case "Storage.Provider=Oracle": s["Storage"]!["Provider"] = "Oracle"; break;
            default: throw new ArgumentException(change);
        }
    }

    [Fact]
    public void Paths_default_to_the_database_the_inbox_and_reports_of_the_repository()
    {
        var p = new PathSettings();
        Assert.Equal(("data/statsreporting.db", "samples", "reports"), (p.Database, p.Inbox, p.Reports));
    }

    [Fact]
    public void Archive_and_ivo_folders_lie_beside_the_database_unless_configured()
    {
        var db = Path.Combine(_env.Dir, "data", "x.db");
        var p = new PathSettings();
        Assert.Equal((Path.Combine(_env.Dir, "data", "archive"), Path.Combine(_env.Dir, "data", "ivo")), (p.ArchiveFor(db), p.IvoFor(db)));
        var configured = new PathSettings { Archive = "/srv/arkiv", Ivo = "/srv/ivo" };
        Assert.Equal(("/srv/arkiv", "/srv/ivo"), (configured.ArchiveFor(db), configured.IvoFor(db)));
    }

    [Fact]
    public void Organisation_defaults_to_the_example_kommun_and_its_socialnamnd()
    {
        var o = new OrganisationSettings();
        Assert.Equal(("Exempelkommunen", "Socialnämnden"), (o.Kommun, o.Namnd));
    }

    [Fact]
    public void Catalog_entries_left_out_of_the_file_are_empty_not_placeholders()
    {
        Assert.Equal(("", ""), (new VerksamhetSettings().Code, new VerksamhetSettings().Name));
        Assert.Equal(("", ""), (new OrsakSettings().Code, new OrsakSettings().Label));
    }

    [Fact]
    public void A_namnd_reports_with_its_own_kon_order_and_records_from_and_takes_the_installations_where_it_has_none()
    {
        var s = LoadChanged(j => j["StatsReporting"]!["Organisation"]!["Namnder"] = new JsonArray(
            new JsonObject { ["Code"] = "a", ["Name"] = "Socialnämnden", ["Kommun"] = "Exempelkommunen" },
            new JsonObject
            {
                ["Code"] = "b", ["Name"] = "Vård- och omsorgsnämnden", ["Kommun"] = "Exempelkommunen", ["RecordsFrom"] = "2025Q1",
                ["KonOrder"] = new JsonObject { ["SoL"] = new JsonArray("M", "K"), ["LSS"] = new JsonArray("K", "M") },
            }));
        var (a, b) = (s.ReportFor(s.Organisation.Resolve("a")), s.ReportFor(s.Organisation.Resolve("b")));
        string Order(ReportSettings r, Lag lag) => string.Join(",", r.KonColumns(lag));
        Assert.Equal(("2024Q4", "K,M", "M,K"), (a.RecordsFrom, Order(a, Lag.SoL), Order(a, Lag.LSS)));
        Assert.Equal(("2025Q1", "M,K", "K,M"), (b.RecordsFrom, Order(b, Lag.SoL), Order(b, Lag.LSS)));
        Assert.Equal(("Vård- och omsorgsnämnden", "Exempelkommunen", "Vård- och omsorgsnämnden"), (b.Namnd, b.Kommun, b.NamedOutputs));
    }

    [Fact]
    public void The_paths_are_read_from_their_own_section()
    {
        var s = LoadChanged(j => j["StatsReporting"]!["Paths"]!["Database"] = "annan/plats.db");
        Assert.Equal("annan/plats.db", s.Paths.Database);
    }
}
