using System.Globalization;
using StatsReporting.Decisions;

namespace StatsReporting.Import;

/// The rules for one row (spec §2), plus what careless input needs: invisible characters, ids that Excel turned
/// into numbers, impossible dates and texts too long for any output. A personnummer is turned into its IVO code here,
/// the first thing done with it (PersonNumber). Never repeats a person code, a kommentar or a birth date in a message.
public sealed class RowValidator(string file, int headerWidth, Dictionary<string, int> index, Catalog catalog, DateOnly today,
    ImportLimits limits)
{

    // Exports repeat a handful of texts a million times: each is resolved against the catalog once.
    private readonly Dictionary<(Lag, string?, string), CatalogRow?> _insatsMemo = [];
    private readonly Dictionary<string, string?> _verksamhetMemo = [];
    private readonly Dictionary<string, Orsak?> _orsakMemo = [];
    private readonly Dictionary<string, Kon?> _konMemo = [];
    private readonly Dictionary<string, Lag?> _lagMemo = [];
    private readonly ValueMap _values = ValueMap.For(limits);

    /// Personnummer turned into IVO codes so far, and the first row holding a samordningsnummer (0: none).
    public int PersonNumbers { get; private set; }
    public int FirstSamordning { get; private set; }

    // Each field's column and length limit, looked up once per file rather than once per row.
    private readonly record struct Field(string Name, int At, int MaxChars);
    private static Field Column(Dictionary<string, int> index, ImportLimits limits, string name) =>
        new(name, index.TryGetValue(name, out var i) ? i : -1, limits.MaxCharsOf(name));
    private Func<string, string?>? _resolveVerksamhet;
    private Func<string, Kon?>? _resolveKon;
    private Func<string, Lag?>? _resolveLag;
    private readonly Func<string, Orsak?> _resolveOrsak = catalog.ResolveOrsak;
    private readonly Func<(Lag, string?, string), CatalogRow?> _resolveInsats = k => catalog.ResolveInsats(k.Item1, k.Item2, k.Item3);
    private readonly Field _beslutId = Column(index, limits, "beslut_id"), _personId = Column(index, limits, "person_id"),
        _kon = Column(index, limits, "kon"), _lag = Column(index, limits, "lag"), _verksamhet = Column(index, limits, "verksamhet"),
        _insats = Column(index, limits, "insats"), _enhet = Column(index, limits, "enhet"), _beslutsdatum = Column(index, limits, "beslutsdatum"),
        _avbrottsdatum = Column(index, limits, "avbrottsdatum"), _verkstallt = Column(index, limits, "verkstallt_datum"),
        _avslutat = Column(index, limits, "avslutat_datum"), _orsak = Column(index, limits, "orsak"), _kommentar = Column(index, limits, "kommentar"),
        _fodelsedatum = Column(index, limits, "fodelsedatum");

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
        var errors = 0;
        void Error(Field f, string msg)
        {
            errors++;
            problems.Add(new(file, row.Number, f.Name, msg));
        }
        string Get(Field f)
        {
            if (f.At < 0 || f.At >= row.Cells.Count) return "";
            var v = f.Name == "kommentar" ? row.Cells[f.At].Trim() : FieldText.Clean(row.Cells[f.At]);
            if (v.Length > f.MaxChars)
            {
                Error(f, $"texten har {v.Length} tecken, fler än gränsen {f.MaxChars} för kolumnen (Import:MaxFieldChars).");
                return "";
            }
            return v;
        }
        string? Required(Field f)
        {
            var v = Get(f);
            if (v.Length == 0 && !HasProblem(f)) Error(f, $"värde saknas i kolumnen '{f.Name}'.");
            return v.Length == 0 ? null : v;
        }
        DateOnly? Date(Field f, bool required)
        {
            var v = required ? Required(f) : Get(f);
            if (string.IsNullOrEmpty(v)) return null;
            if (!FieldText.TryDate(v, out var d))
            {
                Error(f, $"'{v}' är inget giltigt datum (skriv ÅÅÅÅ-MM-DD eller ÅÅÅÅMMDD).");
                return null;
            }
            if (d.Year < limits.EarliestYear)
            {
                Error(f, $"datumet {d:yyyy-MM-dd} ligger före år {limits.EarliestYear} (Import:EarliestYear); ett tomt eller nollställt datum i Excel blir 1899 eller 1900.");
                return null;
            }
            if (d > today) { Error(f, $"datumet {d:yyyy-MM-dd} ligger efter importdagen {today:yyyy-MM-dd}."); return null; }
            return d;
        }
        bool HasProblem(Field f)
        {
            for (var i = before; i < problems.Count; i++) if (problems[i].Column == f.Name) return true;
            return false;
        }
        bool Inexact(Field f) => f.At >= 0 && row.InexactNumbers.Count > 0 && row.InexactNumbers.Contains(f.At);
        bool Fraction(Field f) => f.At >= 0 && row.Fractions.Count > 0 && row.Fractions.Contains(f.At);

        // A birth date is personal data: unlike other dates, its messages never repeat the value.
        DateOnly? BirthDate(string? person, DateOnly? beslut)
        {
            var v = Get(_fodelsedatum);
            if (v.Length == 0) return null;
            if (!FieldText.TryDate(v, out var d))
                Error(_fodelsedatum, "födelsedatumet är inget giltigt datum (skriv ÅÅÅÅ-MM-DD eller ÅÅÅÅMMDD).");
            else if (d > (beslut ?? today))
                Error(_fodelsedatum, "födelsedatumet ligger efter beslutsdatum.");
            else if (d.Year < 1900)
                Error(_fodelsedatum, "födelsedatumet ligger före år 1900; ett tomt eller nollställt datum i Excel blir 1899 eller 1900.");
            else if (person is not null && PersonCode.Classify(person) == PersonCode.Kind.IvoCode && PersonCode.BirthDate(person) != d)
                Error(_fodelsedatum, "födelsedatumet stämmer inte med datumet i personkoden.");
            else return d;
            return null;
        }

        var id = Required(_beslutId);
        if (id is not null && Inexact(_beslutId))
        {
            Error(_beslutId, $"beslut_id '{id}' är sparat som ett tal i Excel, som bara behåller 15 siffror, så siffror kan ha gått förlorade: "
                + "formatera kolumnen som text i Excel (eller exportera som CSV) och försök igen.");
            id = null;
        }
        else if (id is not null && Fraction(_beslutId))
        {
            Error(_beslutId, $"beslut_id '{id}' är sparat som ett tal med decimaler i Excel, och ett beslut_id är inget sådant tal: "
                + "formatera kolumnen som text i Excel (eller exportera som CSV) så att id:t står som i verksamhetssystemet, och försök igen.");
            id = null;
        }
        else if (id is not null && !FieldText.IsPlainIdentifier(id))
        {
            Error(_beslutId, "beslut_id innehåller ett osynligt tecken, en tabb eller ett ovanligt mellanslag; rätta värdet i verksamhetssystemet.");
            id = null;
        }
        var person = Required(_personId);
        if (person is not null && Inexact(_personId))
        {
            Error(_personId, "personkoden är sparad som ett tal i Excel och kan ha tappat siffror: formatera kolumnen som text och försök igen.");
            person = null;
        }
        else if (person is not null && Fraction(_personId))
        {
            Error(_personId, "personkoden är sparad som ett tal med decimaler i Excel: formatera kolumnen som text och försök igen.");
            person = null;
        }
        else if (person is not null && !FieldText.IsPlainIdentifier(person))
        {
            Error(_personId, "personkoden innehåller ett osynligt tecken, en tabb eller ett ovanligt mellanslag; rätta värdet i verksamhetssystemet.");
            person = null;
        }
        else if (person is not null && PersonNumber.HasShape(person))
        {
            // At the door: from here on only the IVO code exists; the messages never repeat the number.
            switch (PersonNumber.ToIvoCode(person, today, out var code, out var samordning))
            {
                case PersonNumber.Outcome.Ok:
                    person = code;
                    PersonNumbers++;
                    if (samordning && FirstSamordning == 0) FirstSamordning = row.Number;
                    break;
                case PersonNumber.Outcome.WrongCheckDigit:
                    Error(_personId, "personnumrets kontrollsiffra (den sista) stämmer inte: numret är felskrivet; rätta det i verksamhetssystemet.");
                    person = null;
                    break;
                case PersonNumber.Outcome.NoSuchDate:
                    Error(_personId, "personnumret har ett datum som inte finns; rätta det i verksamhetssystemet.");
                    person = null;
                    break;
                default:
                    Error(_personId, $"personnumrets födelsedatum ligger efter importdagen {today:yyyy-MM-dd}; rätta det i verksamhetssystemet.");
                    person = null;
                    break;
            }
        }
        // Without a kon column, kön is the person code's kön digit (below).
        var konText = _kon.At < 0 ? null : Required(_kon);
        var lagText = Required(_lag);
        var insatsText = Required(_insats);
        var beslut = Date(_beslutsdatum, true);
        var avbrott = Date(_avbrottsdatum, false);
        var verkstallt = Date(_verkstallt, false);
        var avslutat = Date(_avslutat, false);

        Kon? kon = konText is null ? null : Memo(_konMemo, konText, _resolveKon ??= t => Catalog.ResolveKon(_values.Translate("kon", t)));
        if (konText is not null && kon is null)
            Error(_kon, $"okänt kön '{konText}' (ange K, Kvinna, F eller M, Man; verksamhetssystemets egna ord läggs i Import:Varden:kon).");
        Lag? lag = lagText is null ? null : Memo(_lagMemo, lagText, _resolveLag ??= t => Catalog.ResolveLag(_values.Translate("lag", t)));
        if (lagText is not null && lag is null)
            Error(_lag, $"okänd lag '{lagText}' (ange SoL eller LSS; verksamhetssystemets egna ord läggs i Import:Varden:lag).");

        string? verksamhet = null;
        if (lag == Lag.SoL)
        {
            var v = Required(_verksamhet);
            verksamhet = v is null ? null : Memo(_verksamhetMemo, v, _resolveVerksamhet ??= t => catalog.ResolveVerksamhet(_values.Translate("verksamhet", t)));
            if (v is not null && verksamhet is null)
                Error(_verksamhet, $"okänd verksamhet '{v}' (ange {string.Join(", ", catalog.Verksamheter)}).");
        }
        CatalogRow? insats = null;
        if (lag is not null && insatsText is not null && (lag == Lag.LSS || verksamhet is not null))
        {
            insats = Memo(_insatsMemo, (lag.Value, verksamhet, insatsText), _resolveInsats);
            if (insats is null)
                Error(_insats, lag == Lag.LSS
                    ? $"okänd insats '{insatsText}' enligt LSS (ange 9 § 1–10)."
                    : $"okänd insats '{insatsText}' inom {verksamhet}.");
        }

        if (person is not null)
        {
            switch (PersonCode.Classify(person))
            {
                case PersonCode.Kind.Invalid:
                    Error(_personId, "personkoden har fel form: ange personnummer (ÅÅÅÅMMDD-NNNN, ÅÅMMDD-NNNN), IVO-kod ÅÅÅÅMMDD-Txxx (eller -TFxx) "
                        + "eller en lokal pseudonym.");
                    break;
                case PersonCode.Kind.IvoCode when _kon.At < 0:
                    kon = PersonCode.KonOf(person);
                    break;
                case PersonCode.Kind.Pseudonym when _kon.At < 0:
                    Error(_kon, "kön saknas: filen har ingen kolumn kon, och en pseudonym har ingen könssiffra att läsa kön ur.");
                    break;
                case PersonCode.Kind.IvoCode when kon is not null && PersonCode.KonOf(person) != kon:
                    Error(_personId, $"personkodens könssiffra anger {(PersonCode.KonOf(person) == Kon.K ? "kvinna" : "man")} men kolumnen kon anger {(kon == Kon.K ? "kvinna" : "man")}.");
                    break;
            }
        }

        var fodelsedatum = BirthDate(person, beslut);

        if (beslut is not null && avbrott is not null && avbrott < beslut)
            Error(_avbrottsdatum, $"avbrottsdatum {avbrott:yyyy-MM-dd} ligger före beslutsdatum {beslut:yyyy-MM-dd}.");
        var clock = avbrott ?? beslut;
        if (verkstallt is not null && clock is not null && verkstallt < clock)
            Error(_verkstallt, $"verkstallt_datum {verkstallt:yyyy-MM-dd} ligger före {(avbrott is null ? "beslutsdatum" : "avbrottsdatum")} {clock:yyyy-MM-dd}.");
        if (avslutat is not null && clock is not null && avslutat < clock)
            Error(_avslutat, $"avslutat_datum {avslutat:yyyy-MM-dd} ligger före {(avbrott is null ? "beslutsdatum" : "avbrottsdatum")} {clock:yyyy-MM-dd}.");
        if (verkstallt is not null && avslutat is not null)
            Error(_avslutat, "både verkstallt_datum och avslutat_datum är ifyllda; ett beslut är antingen verkställt eller avslutat.");

        var orsak = Get(_orsak);
        var known = Memo(_orsakMemo, orsak, _resolveOrsak);
        if (orsak.Length > 0 && known is null)
            problems.Add(new(file, row.Number, "orsak", $"okänd orsak '{orsak}' sparas som den är skriven och redovisas som Övrigt.", IsWarning: true));
        var enhet = Get(_enhet);
        var kommentar = Get(_kommentar);
        foreach (var (col, text) in (ReadOnlySpan<(string, string)>)[("orsak", orsak), ("enhet", enhet), ("kommentar", kommentar), ("insats", insatsText ?? "")])
            if (FieldText.LooksDoubleDecoded(text))
            {
                problems.Add(new(file, row.Number, col, "texten ser felkodad ut ('Ã¤' där det ska stå 'ä'): filen har sparats med fel teckenkodning "
                    + "i något steg före exporten; kontrollera texten i verksamhetssystemet.", IsWarning: true));
                break;
            }

        if (errors > 0) return null;
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
