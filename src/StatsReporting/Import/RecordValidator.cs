using System.Globalization;
using StatsReporting.Decisions;

namespace StatsReporting.Import;

/// Turns a file's rows into decisions, or into errors naming row and column (spec §2).
public static class RecordValidator
{
    private static readonly (string Column, bool Required, string[] Aliases)[] Columns =
    [
        ("beslut_id", true, ["beslutsid", "beslutid", "beslutsnummer"]),
        ("person_id", true, ["personid", "personkod", "ivokod", "pseudonym"]),
        ("kon", true, ["kön"]),
        ("lag", true, []),
        ("verksamhet", false, []),
        ("insats", true, []),
        ("enhet", false, ["utförare"]),
        ("beslutsdatum", true, ["beslutdatum", "datum för beslut"]),
        ("avbrottsdatum", false, ["avbrott", "avbrottdatum"]),
        ("verkstallt_datum", false, ["verkställt", "verkställtdatum", "verkställighetsdatum"]),
        ("avslutat_datum", false, ["avslutat", "avslutsdatum"]),
        ("orsak", false, []),
        ("kommentar", false, []),
        ("fodelsedatum", false, ["födelsedag"]),
    ];

    public sealed record Result(IReadOnlyList<Decision> Decisions, IReadOnlyList<ImportError> Problems)
    {
        public bool Ok => Problems.All(p => p.IsWarning);
    }

    public static Result Validate(RawTable t, Catalog catalog, DateOnly today)
    {
        if (t.Header.Count == 0 || t.Header.All(h => h.Length == 0)) return new([], [new(t.FileName, 1, null, "filen är tom.")]);
        var problems = new List<ImportError>();
        var index = new Dictionary<string, int>();
        for (var i = 0; i < t.Header.Count; i++)
        {
            var key = Text.Key(t.Header[i]);
            var col = Columns.FirstOrDefault(c => Text.Key(c.Column) == key || c.Aliases.Any(a => Text.Key(a) == key)).Column;
            if (col is not null) index.TryAdd(col, i);
        }
        foreach (var c in Columns.Where(c => c.Required && !index.ContainsKey(c.Column)))
            problems.Add(new(t.FileName, 1, c.Column, $"kolumnen '{c.Column}' saknas i rubrikraden."));
        if (problems.Count > 0) return new([], problems);
        if (t.Rows.Count == 0) return new([], [new(t.FileName, 1, null, "filen innehåller inga beslut.")]);

        var decisions = new List<Decision>();
        var seen = new Dictionary<string, int>();
        foreach (var row in t.Rows)
        {
            // Text beyond the header's last column comes from a separator inside an unquoted field: that row's text is cut or shifted.
            var width = row.Cells.Select((c, i) => c.Length > 0 ? i + 1 : 0).Max();
            if (width > t.Header.Count)
            {
                problems.Add(new(t.FileName, row.Number, null,
                    $"raden har {width} fält men rubrikraden {t.Header.Count}; ett fält som innehåller avgränsaren saknar citattecken."));
                continue;
            }
            var before = problems.Count;
            var d = ValidateRow(t.FileName, row, index, catalog, today, problems);
            if (d is null || problems.Count > before && problems.Skip(before).Any(p => !p.IsWarning)) continue;
            if (seen.TryGetValue(d.BeslutId, out var first))
                problems.Add(new(t.FileName, row.Number, "beslut_id", $"beslut_id '{d.BeslutId}' finns redan på rad {first} i samma fil."));
            else
            {
                seen[d.BeslutId] = row.Number;
                decisions.Add(d);
            }
        }
        return new(decisions, problems);
    }

    private static Decision? ValidateRow(string file, RawRow row, Dictionary<string, int> index, Catalog catalog, DateOnly today,
        List<ImportError> problems)
    {
        string Get(string col) => index.TryGetValue(col, out var i) && i < row.Cells.Count ? row.Cells[i].Trim() : "";
        void Error(string col, string msg) => problems.Add(new(file, row.Number, col, msg));
        string? Required(string col)
        {
            var v = Get(col);
            if (v.Length == 0) Error(col, $"värde saknas i kolumnen '{col}'.");
            return v.Length == 0 ? null : v;
        }
        DateOnly? Date(string col, bool required)
        {
            var v = required ? Required(col) : Get(col);
            if (string.IsNullOrEmpty(v)) return null;
            if (!DateOnly.TryParseExact(v, ["yyyy-MM-dd", "yyyyMMdd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                Error(col, $"'{v}' är inget giltigt datum (skriv ÅÅÅÅ-MM-DD eller ÅÅÅÅMMDD).");
                return null;
            }
            if (d > today) { Error(col, $"datumet {d:yyyy-MM-dd} ligger efter importdagen {today:yyyy-MM-dd}."); return null; }
            return d;
        }

        // A birth date is personal data: unlike other dates, its messages never repeat the value.
        DateOnly? BirthDate(string? person, DateOnly? beslut)
        {
            var v = Get("fodelsedatum");
            if (v.Length == 0) return null;
            if (!DateOnly.TryParseExact(v, ["yyyy-MM-dd", "yyyyMMdd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                Error("fodelsedatum", "födelsedatumet är inget giltigt datum (skriv ÅÅÅÅ-MM-DD eller ÅÅÅÅMMDD).");
            else if (d > (beslut ?? today))
                Error("fodelsedatum", "födelsedatumet ligger efter beslutsdatum.");
            else if (person is not null && PersonCode.Classify(person) == PersonCode.Kind.IvoCode && PersonCode.BirthDate(person) != d)
                Error("fodelsedatum", "födelsedatumet stämmer inte med datumet i personkoden.");
            else return d;
            return null;
        }

        var before = problems.Count;
        var id = Required("beslut_id");
        var person = Required("person_id");
        var konText = Required("kon");
        var lagText = Required("lag");
        var insatsText = Required("insats");
        var beslut = Date("beslutsdatum", true);
        var avbrott = Date("avbrottsdatum", false);
        var verkstallt = Date("verkstallt_datum", false);
        var avslutat = Date("avslutat_datum", false);

        Kon? kon = konText is null ? null : Catalog.ResolveKon(konText);
        if (konText is not null && kon is null) Error("kon", $"okänt kön '{konText}' (ange K eller M).");
        Lag? lag = lagText is null ? null : Catalog.ResolveLag(lagText);
        if (lagText is not null && lag is null) Error("lag", $"okänd lag '{lagText}' (ange SoL eller LSS).");

        string? verksamhet = null;
        if (lag == Lag.SoL)
        {
            var v = Required("verksamhet");
            verksamhet = v is null ? null : catalog.ResolveVerksamhet(v);
            if (v is not null && verksamhet is null)
                Error("verksamhet", $"okänd verksamhet '{v}' (ange {string.Join(", ", catalog.Verksamheter)}).");
        }
        CatalogRow? insats = null;
        if (lag is not null && insatsText is not null && (lag == Lag.LSS || verksamhet is not null))
        {
            insats = catalog.ResolveInsats(lag.Value, verksamhet, insatsText);
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
        var known = catalog.ResolveOrsak(orsak);
        if (orsak.Length > 0 && known is null)
            problems.Add(new(file, row.Number, "orsak", $"okänd orsak '{orsak}' sparas som den är skriven och redovisas som Övrigt.", IsWarning: true));

        if (problems.Skip(before).Any(p => !p.IsWarning)) return null;
        return new Decision
        {
            BeslutId = id!, PersonId = person!, Kon = kon!.Value, Lag = lag!.Value, Verksamhet = verksamhet,
            Insats = insats!.Insats, Enhet = NullIfEmpty(Get("enhet")), Beslutsdatum = beslut!.Value, Avbrottsdatum = avbrott,
            VerkstalltDatum = verkstallt, AvslutatDatum = avslutat, Orsak = known?.Code ?? NullIfEmpty(orsak),
            Kommentar = NullIfEmpty(Get("kommentar")), Fodelsedatum = fodelsedatum,
        };
    }

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
}
