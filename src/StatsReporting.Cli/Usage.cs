namespace StatsReporting.Cli;

/// The help texts. A verb without an entry in Verbs gets the overview.
public static class Usage
{
    public const string Text = """
        Användning: statsreporting <kommando> [flaggor]
          import <fil>… [--check]            importera beslutsunderlag (CSV/XLSX), en transaktion per fil; --check provkör
          report --period 2025Q2             skriv KF-arbetsböckerna, diagrammen och kontrollerna för ett kvartal
          run --period 2025Q2                kvartalsjobbet: importera inkorgen, rapportera, skriv IVO-individrapporten
          ivo --period 2025Q2 | ivo status   IVO-individrapporten; vilka kvartal som ska rapporteras till IVO
          bevakning                          beslut som snart når tre månader, och försenade som ännu inte rapporterats
          check <tabell>                     kontrollera summorna i en publicerad tabell (CSV/XLSX)
          import-table <tabell>              lagra en publicerad tabell som historik för ett tidigare kvartal
          keys add|list|revoke               API-nycklar för webbtjänsten
          serve                              starta webbtjänsten med det schemalagda kvartalsjobbet
          bench [--records 10000,100000]     prestandamätning mot sqlite3 på en syntetisk kommun
          logg [verify]                      behandlingsloggen: vem som såg personuppgifter; kontrollera kedjan
          gallra [--visa]                    ta bort personuppgifter i gamla stängda beslut (Gallring:Manader)
          copy-to-postgres                   flytta hela SQLite-databasen till en tom PostgreSQL-databas
          backup [--to MAPP]                 säkerhetskopiera databasen och arkivet medan tjänsten kör
          restore --from MAPP                återställ en säkerhetskopia (kontrollerad först)

        Alla kommandon tar --db SÖKVÄG (standard data/statsreporting.db ur appsettings.json).
        Med flera nämnder (Organisation:Namnder) tar import, report, run, ivo, bevakning och import-table
        --namnd KOD; import kräver den, report och run tar alla nämnder och kommunsammanställningen utan den.
        Mer om ett kommando: statsreporting help <kommando> eller statsreporting <kommando> --help.
        Slutkod 0 = klart, 1 = fel i indata eller körning, 2 = fel i kommandoraden (även utan argument: då skrivs
        den här texten på standard error).
        """;

    public static readonly IReadOnlyDictionary<string, string> Verbs = new Dictionary<string, string>
    {
        ["import"] = """
            statsreporting import <fil>… [--check] [--namnd KOD] [--db SÖKVÄG]
              Importerar beslutsunderlag: CSV (; eller ,) i UTF-8 eller Windows-1252, eller XLSX (det första synliga
              bladet med beslutskolumnerna). Varje fil är en transaktion: ett fel ger fil, rad och kolumn och då sparas
              ingenting från filen. Personnummer blir IVO-koder direkt vid inläsningen. Samma fil två gånger ändrar
              ingenting. Exempel: statsreporting import samples/beslut.csv
              --check    provkör: läser och kontrollerar hela filen och visar vad en import skulle göra (nya, ändrade
                         och oförändrade beslut, kolumnerna och rubriken var och en kom från); sparar ingenting
              --namnd    nämnden filen gäller (krävs med flera nämnder); en kolumn namnd måste ange samma kod
            """,
        ["report"] = """
            statsreporting report --period 2025Q2 [--as-of ÅÅÅÅ-MM-DD] [--out MAPP] [--import N] [--db SÖKVÄG]
              Skriver <MAPP>/2025Q2/ (standard reports/): evb-sol-2025Q2.xlsx, evb-lss-2025Q2.xlsx, diagram/,
              kontroller-2025Q2.json, sammanstallning-2025Q2.json och evb-2025Q2.zip.
              --as-of    dagen då status avläses ("vid rapporteringstillfället"); standard kvartalets sista dag
              --out      rapportmappen (standard Paths:Reports)
              --import N underlaget som det såg ut efter import N (gör om en gammal rapport exakt)
              --namnd    en nämnd (med flera: reports/<kod>/2025Q2/); utan den alla nämnder och
                         kommunsammanställningen reports/2025Q2/EVB 2025 kv2 <kommun>.xlsx
              --arendenr, --handlaggare  ärendenummer och handläggare i tjänsteskrivelsen (annars Dokument:Handlaggare
                         eller en gul platshållare)
            """,
        ["run"] = """
            statsreporting run --period 2025Q2 [--as-of ÅÅÅÅ-MM-DD] [--out MAPP] [--inbox MAPP] [--db SÖKVÄG]
              Kvartalsjobbet för hand: importerar varje CSV/XLSX i inkorgen, skriver kvartalets rapporter som
              report gör och IVO-individrapporten (i Paths:Ivo, aldrig bland KF-filerna). Körningen sparas i
              körhistoriken som webbsidan visar. Går inte samtidigt med en annan körning mot samma databas.
              --inbox    inkorgen (standard Paths:Inbox, samples/ i exemplet; med flera nämnder <inkorg>/<kod>/)
              --namnd    en nämnd; utan den körs varje nämnd för sig (egen rad i körhistoriken) och sedan
                         kommunsammanställningen; en nämnds fel stoppar inte de andra
              --as-of, --out, --arendenr, --handlaggare som för report
            """,
        ["ivo"] = """
            statsreporting ivo --period 2025Q2 [--out MAPP] [--namnd KOD] [--db SÖKVÄG]
              Skriver IVO-individrapporten (personuppgifter) som .xlsx och .csv i <MAPP>/2025Q2/ (standard ivo/
              bredvid databasen), mappar 700 och filer 600. Slutkod 1 om det finns försvunna ärenden.
            statsreporting ivo status [--today ÅÅÅÅ-MM-DD] [--db SÖKVÄG]
              Vilka kvartal som ska rapporteras till IVO nu, vilka som är försenade och vilka ärenden som
              behöver en avslutande rapport.
            """,
        ["bevakning"] = """
            statsreporting bevakning [--today ÅÅÅÅ-MM-DD] [--days N] [--format json] [--out MAPP] [--namnd KOD] [--db SÖKVÄG]
              Bevakningslistan: öppna beslut vars tremånadersgräns infaller inom N dagar (standard Bevakning:Days, 30)
              och beslut som redan är försenade men inte har kommit med i någon rapport än. Skriver
              bevakning-<dag>.xlsx i MAPP (standard Bevakning:Folder, annars reports/bevakning/).
              --today    dagen listan gäller (standard dagens datum i Europe/Stockholm)
              --format json  listan som JSON på standard output
            """,
        ["check"] = """
            statsreporting check <tabell> [--compare <tabell>] [--format json]
              Kontrollerar en publicerad tabell (CSV/XLSX; första kolumnen radetikett, övriga antal): K + M = Summa,
              delsummor och totalsumma. --compare jämför två tabeller för samma kvartal rad för rad.
              Slutkod 0 = inga avvikelser, 1 = avvikelser, 2 = filen kan inte läsas. Använder ingen databas.
            """,
        ["import-table"] = """
            statsreporting import-table <tabell> --period 2024Q4 --law SoL|LSS [--namnd KOD] [--db SÖKVÄG]
              Lagrar en publicerad tabell (kontrollerad först) som historik för ett kvartal som beslutsunderlaget
              inte täcker; Jämförelse och trenddiagram visar dess tal.
            """,
        ["keys"] = """
            statsreporting keys add --role controller|ivo|admin [--name TEXT] [--namnder a,b] [--config] [--db SÖKVÄG]
              Skapar en API-nyckel. Nyckeln är det enda som skrivs på standard output (en rad, visas en gång);
              allt annat går till standard error. --config sparar ingenting utan skriver raden att lägga i
              StatsReporting:Access:Keys i appsettings.json på standard error. --namnder: nämnderna nyckeln
              får se (standard alla; en admin för alla nämnder är installationens administratör).
            statsreporting keys list       visar nycklarna (id, roll, datum, status, namn; aldrig själva nyckeln)
            statsreporting keys revoke <id>  spärrar en nyckel
            """,
        ["serve"] = """
            statsreporting serve [--urls http://127.0.0.1:5080] [--db SÖKVÄG] [--worker-only | --no-worker]
              Startar webbtjänsten: sidan på /, API:t under /api, jobbpanelen på /hangfire och det schemalagda
              kvartalsjobbet (StatsReporting:Schedule). Avsluta med Ctrl+C.
              Flera noder mot samma PostgreSQL (StatsReporting:Storage:Provider Postgres):
              --worker-only  kör bara jobben; svarar bara på /healthz (StatsReporting:Node:Web false)
              --no-worker    bara webben; jobben körs av de andra noderna (StatsReporting:Node:Worker false)
            """,
        ["logg"] = """
            statsreporting logg [--from ÅÅÅÅ-MM-DD] [--to ÅÅÅÅ-MM-DD] [--format json|csv] [--db SÖKVÄG]
              Behandlingsloggen: varje nedladdning av individrapporten och avgiftslistan, IVO-export, import,
              gallring, inloggning och nyckel, med tid, vem, vad, varifrån och resultat (UTC). Standard JSON.
            statsreporting logg verify [--db SÖKVÄG]
              Kontrollerar hashkedjan: slutkod 1 och den första trasiga raden om en rad ändrats eller tagits bort.
              Skriver senaste hashen; anteckna den, så syns det också om rader i slutet tas bort.
            """,
        ["gallra"] = """
            statsreporting gallra [--today ÅÅÅÅ-MM-DD] [--visa] [--db SÖKVÄG]
              Tar för gott bort IVO-kod, födelsedatum och kommentar i varje version av beslut som stängdes
              (verkställt eller avslutat) för mer än Gallring:Manader månader sedan (standard 24) och inte varit
              i någon IVO-export sedan dess; kön, lag, insats, datum och orsak står kvar, så KF-rapporterna blir
              desamma. Arkiverade indatafiler och IVO-mappar äldre än gränsen raderas. Loggas i behandlingsloggen,
              som själv gallras efter Logg:Manader (standard 36). Körs också varje månad av serve.
              --visa     räkna bara; ingenting ändras
              --today    dagen gränsen räknas från (standard i dag)
            """,
        ["bench"] = """
            statsreporting bench [--records 10000,100000,1000000] [--repeat 3] [--out MAPP] [--sample MAPP] [--provider postgres]
              Prestandamätning på en syntetisk kommun: vår import mot sqlite3:s .import och mot sqlite3 i vårt
              schema, en andra ögonblicksbild, kvartalets utdata varmt, aggregeringen mot en referensfråga och run
              på exemplet; skriver en tabell med tider, kvoter, topp-RSS och maskinen. --out behåller filerna.
              --provider postgres lägger till PostgreSQL-rader (import, andra ögonblicksbilden, utdata varmt), en ny
              databas per mätning på servern i ConnectionStrings:Postgres (eller STATSREPORTING_TEST_POSTGRES).
            """,
        ["copy-to-postgres"] = """
            statsreporting copy-to-postgres [--db SQLITEFIL]
              Kopierar hela SQLite-databasen (standard Paths:Database) till PostgreSQL-databasen i
              ConnectionStrings:Postgres, i en transaktion: varje tabell, med id:n och datum som de var. Måldatabasen
              måste vara tom. Efteråt jämförs antal rader och en kontrollsumma per tabell och skrivs ut; stämmer
              någon inte sparas ingenting. Arkivet ligger kvar. Stoppa tjänsten först (README "Flytta till PostgreSQL").
            """,
        ["backup"] = """
            statsreporting backup [--to MAPP] [--db SÖKVÄG]
              Säkerhetskopierar medan tjänsten kör: databasen med SQLites säkerhetskopierings-API (en hel, samtidig
              kopia), arkivfilerna som databasen hänvisar till och manifest.json (tid, schemaversion, rader per
              tabell, SHA-256 för varje fil), i en ny mapp statsreporting-<tid> i MAPP (standard Paths:Backup,
              mappen backup bredvid databasen). Mappen skrivs dold och byter namn när den är hel. Syns i körhistoriken.
              Med PostgreSQL: använd pg_dump och pg_restore (README "Säkerhetskopiering och återställning").
            """,
        ["restore"] = """
            statsreporting restore --from MAPP [--db SÖKVÄG] [--replace]
              Kontrollerar säkerhetskopian (manifestet, varje fils SHA-256, PRAGMA integrity_check, att schemat inte
              är nyare än programmets) och återställer databasen och arkivfilerna till SÖKVÄG (standard
              Paths:Database), som inte får ha någon databas. --replace flyttar först den befintliga databasen och
              arkivmappen åt sidan (<namn>.fore-aterstallning-<tid>). Vägras medan körlåset hålls.
            """,
    };
}
