using System.Globalization;
using StatsReporting.Decisions;

namespace StatsReporting.Import;

/// The rules for one row (spec §2), plus what careless input needs: invisible characters, ids that Excel turned
/// into numbers, impossible dates and texts too long for any output. Never repeats a person code, a kommentar or
/// a birth date in a message.
public sealed class RowValidator(string file, int headerWidth, Dictionary<string, int> index, Catalog catalog, DateOnly today,
    ImportLimits limits)
{

    // Exports repeat a handful of texts a million times: each is resolved against the catalog once.
    private readonly Dictionary<(Lag, string?, string), CatalogRow?> _insats = [];
    private readonly Dictionary<string, string?> _verksamhet = [];
    private readonly Dictionary<string, Orsak?> _orsak = [];
    private readonly Dictionary<string, Kon?> _kon = [];
    private readonly Dictionary<string, Lag?> _lag = [];

    private static TValue Memo<TKey, TValue>(Dictionary<TKey, TValue> memo, TKey key, Func<TKey, TValue> resolve) where TKey : notnull
    {
        if (memo.TryGetValue(key, out var v)) return v;
        v = resolve(key);
        if (memo.Count < 10_000) memo[key] = v; // a hostile file of unique texts must not grow it without bound
        return v;
    }

    public Decision? Validate(RawRow row, List<ImportError> problems)
    {
        // Text beyond the header's last column comes from a separator inside an unquoted field: that row's text is cut or shifted.
        var width = 0;
        for (var i = 0; i < row.Cells.Count; i++) if (row.Cells[i].Length > 0) width = i + 1;
        if (width > headerWidth)
        {
            problems.Add(new(file, row.Number, null,
                $"raden har {width} fält men rubrikraden {headerWidth}; ett fält som innehåller avgränsaren saknar citattecken."));
            return null;
        }

        var before = problems.Count;
        void Error(string col, string msg) => problems.Add(new(file, row.Number, col, msg));
        string Get(string col)
        {
            if (!index.TryGetValue(col, out var i) || i >= row.Cells.Count) return "";
            var v = col == "kommentar" ? row.Cells[i].Trim() : FieldText.Clean(row.Cells[i]);
            if (v.Length > limits.MaxCharsOf(col))
            {
                Error(col, $"texten har {v.Length} tecken, fler än gränsen {limits.MaxCharsOf(col)} för kolumnen (Import:MaxFieldChars).");
                return "";
            }
            return v;
        }
        string? Required(string col)
        {
            var v = Get(col);
            if (v.Length == 0 && !HasProblem(col)) Error(col, $"värde saknas i kolumnen '{col}'.");
            return v.Length == 0 ? null : v;
        }
        DateOnly? Date(string col, bool required)
        {
            var v = required ? Required(col) : Get(col);
            if (string.IsNullOrEmpty(v)) return null;
            if (!FieldText.TryDate(v, out var d))
            {
                Error(col, $"'{v}' är inget giltigt datum (skriv ÅÅÅÅ-MM-DD eller ÅÅÅÅMMDD).");
                return null;
            }
            if (d.Year < limits.EarliestYear)
            {
                Error(col, $"datumet {d:yyyy-MM-dd} ligger före år {limits.EarliestYear} (Import:EarliestYear); ett tomt eller nollställt datum i Excel blir 1899 eller 1900.");
                return null;
            }
            if (d > today) { Error(col, $"datumet {d:yyyy-MM-dd} ligger efter importdagen {today:yyyy-MM-dd}."); return null; }
            return d;
        }
        bool HasProblem(string col)
        {
            for (var i = before; i < problems.Count; i++) if (problems[i].Column == col) return true;
            return false;
        }
        bool Inexact(string col) => index.TryGetValue(col, out var i) && row.InexactNumbers.Contains(i);

        // A birth date is personal data: unlike other dates, its messages never repeat the value.
        DateOnly? BirthDate(string? person, DateOnly? beslut)
        {
            var v = Get("fodelsedatum");
            if (v.Length == 0) return null;
            if (!FieldText.TryDate(v, out var d))
                Error("fodelsedatum", "födelsedatumet är inget giltigt datum (skriv ÅÅÅÅ-MM-DD eller ÅÅÅÅMMDD).");
            else if (d > (beslut ?? today))
                Error("fodelsedatum", "födelsedatumet ligger efter beslutsdatum.");
            else if (d.Year < 1900)
                Error("fodelsedatum", "födelsedatumet ligger före år 1900; ett tomt eller nollställt datum i Excel blir 1899 eller 1900.");
            else if (person is not null && PersonCode.Classify(person) == PersonCode.Kind.IvoCode && PersonCode.BirthDate(person) != d)
                Error("fodelsedatum", "födelsedatumet stämmer inte med datumet i personkoden.");
            else return d;
            return null;
        }

        var id = Required("beslut_id");
        if (id is not null && Inexact("beslut_id"))
        {
            Error("beslut_id", $"beslut_id '{id}' är sparat som ett tal i Excel, som bara behåller 15 siffror, så siffror kan ha gått förlorade: "
                + "formatera kolumnen som text i Excel (eller exportera som CSV) och försök igen.");
            id = null;
        }
        else if (id is not null && !FieldText.IsPlainIdentifier(id))
        {
            Error("beslut_id", "beslut_id innehåller ett osynligt tecken, en tabb eller ett ovanligt mellanslag; rätta värdet i verksamhetssystemet.");
            id = null;
        }
        var person = Required("person_id");
        if (person is not null && Inexact("person_id"))
        {
            Error("person_id", "personkoden är sparad som ett tal i Excel och kan ha tappat siffror: formatera kolumnen som text och försök igen.");
            person = null;
        }
        else if (person is not null && !FieldText.IsPlainIdentifier(person))
        {
            Error("person_id", "personkoden innehåller ett osynligt tecken, en tabb eller ett ovanligt mellanslag; rätta värdet i verksamhetssystemet.");
            person = null;
        }
        var konText = Required("kon");
        var lagText = Required("lag");
        var insatsText = Required("insats");
        var beslut = Date("beslutsdatum", true);
        var avbrott = Date("avbrottsdatum", false);
        var verkstallt = Date("verkstallt_datum", false);
        var avslutat = Date("avslutat_datum", false);

        Kon? kon = konText is null ? null : Memo(_kon, konText, Catalog.ResolveKon);
        if (konText is not null && kon is null) Error("kon", $"okänt kön '{konText}' (ange K eller M).");
        Lag? lag = lagText is null ? null : Memo(_lag, lagText, Catalog.ResolveLag);
        if (lagText is not null && lag is null) Error("lag", $"okänd lag '{lagText}' (ange SoL eller LSS).");

        string? verksamhet = null;
        if (lag == Lag.SoL)
        {
            var v = Required("verksamhet");
            verksamhet = v is null ? null : Memo(_verksamhet, v, catalog.ResolveVerksamhet);
            if (v is not null && verksamhet is null)
                Error("verksamhet", $"okänd verksamhet '{v}' (ange {string.Join(", ", catalog.Verksamheter)}).");
        }
        CatalogRow? insats = null;
        if (lag is not null && insatsText is not null && (lag == Lag.LSS || verksamhet is not null))
        {
            insats = Memo(_insats, (lag.Value, verksamhet, insatsText), k => catalog.ResolveInsats(k.Item1, k.Item2, k.Item3));
            if (insats is null)
                Error("insats", lag == Lag.LSS
                    ? $"okänd insats '{insatsText}' enligt LSS (ange 9 § 1–10)."
                    : $"okänd insats '{insatsText}' inom {verksamhet}.");
        }

        if (person is not null)
        {
            switch (PersonCode.Classify(person))
            {
                case PersonCode.Kind.Invalid:
                    Error("person_id", "personkoden har fel form: ange IVO-kod ÅÅÅÅMMDD-Txxx (eller -TFxx) eller en lokal pseudonym, aldrig ett personnummer.");
                    break;
                case PersonCode.Kind.IvoCode when kon is not null && PersonCode.KonOf(person) != kon:
                    Error("person_id", $"personkodens könssiffra anger {(PersonCode.KonOf(person) == Kon.K ? "kvinna" : "man")} men kolumnen kon anger {(kon == Kon.K ? "kvinna" : "man")}.");
                    break;
            }
        }

        var fodelsedatum = BirthDate(person, beslut);

        if (beslut is not null && avbrott is not null && avbrott < beslut)
            Error("avbrottsdatum", $"avbrottsdatum {avbrott:yyyy-MM-dd} ligger före beslutsdatum {beslut:yyyy-MM-dd}.");
        var clock = avbrott ?? beslut;
        if (verkstallt is not null && clock is not null && verkstallt < clock)
            Error("verkstallt_datum", $"verkstallt_datum {verkstallt:yyyy-MM-dd} ligger före {(avbrott is null ? "beslutsdatum" : "avbrottsdatum")} {clock:yyyy-MM-dd}.");
        if (avslutat is not null && clock is not null && avslutat < clock)
            Error("avslutat_datum", $"avslutat_datum {avslutat:yyyy-MM-dd} ligger före {(avbrott is null ? "beslutsdatum" : "avbrottsdatum")} {clock:yyyy-MM-dd}.");
        if (verkstallt is not null && avslutat is not null)
            Error("avslutat_datum", "både verkstallt_datum och avslutat_datum är ifyllda; ett beslut är antingen verkställt eller avslutat.");

        var orsak = Get("orsak");
        var known = Memo(_orsak, orsak, catalog.ResolveOrsak);
        if (orsak.Length > 0 && known is null)
            problems.Add(new(file, row.Number, "orsak", $"okänd orsak '{orsak}' sparas som den är skriven och redovisas som Övrigt.", IsWarning: true));
        var enhet = Get("enhet");
        var kommentar = Get("kommentar");
        foreach (var (col, text) in (ReadOnlySpan<(string, string)>)[("orsak", orsak), ("enhet", enhet), ("kommentar", kommentar), ("insats", insatsText ?? "")])
            if (FieldText.LooksDoubleDecoded(text))
            {
                problems.Add(new(file, row.Number, col, "texten ser felkodad ut ('Ã¤' där det ska stå 'ä'): filen har sparats med fel teckenkodning "
                    + "i något steg före exporten; kontrollera texten i verksamhetssystemet.", IsWarning: true));
                break;
            }

        if (problems.Skip(before).Any(p => !p.IsWarning)) return null;
        return new Decision
        {
            BeslutId = id!, PersonId = person!, Kon = kon!.Value, Lag = lag!.Value, Verksamhet = verksamhet,
            Insats = insats!.Insats, Enhet = NullIfEmpty(enhet), Beslutsdatum = beslut!.Value, Avbrottsdatum = avbrott,
            VerkstalltDatum = verkstallt, AvslutatDatum = avslutat, Orsak = known?.Code ?? NullIfEmpty(orsak),
            Kommentar = NullIfEmpty(kommentar), Fodelsedatum = fodelsedatum,
        };
    }

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
}
