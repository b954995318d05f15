using System.Globalization;
using System.Text;
using StatsReporting.Decisions;

namespace StatsReporting.Bench;

/// A made-up municipality's case system, ten years of decisions ending on `AsOf`, as one CSV snapshot: IVO-style
/// person codes, both laws, about one in ten decisions late, some with avbrott, some avslutade, some still open.
/// Deterministic: record i is made from its own seeded generator, so a later snapshot can change a chosen 1 % of
/// records and keep the rest byte for byte. Every row passes the import's rules (dates never after `AsOf`).
/// The rows can come in beslut_id order, or as a case system exports them (RowOrder): the same rows either way.
public static class SyntheticMunicipality
{
    public static readonly DateOnly AsOf = new(2025, 6, 30);
    private static readonly DateOnly First = AsOf.AddYears(-10).AddDays(1);

    private static readonly (string Verksamhet, string[] Insatser)[] Sol =
    [
        ("ÄO", ["Särskilt boende", "Korttidsboende", "Dagverksamhet/sysselsättning", "Kontaktperson", "Hemtjänst", "Annat bistånd"]),
        ("OF", ["Särskilt boende", "Dagverksamhet/sysselsättning", "Kontaktperson", "Boendestöd", "Övrigt"]),
        ("IFO", ["Bostad", "Kontaktperson", "Kontaktfamilj", "Familjehem", "Öppenvård", "Behandlingshem", "Externt skyddat boende"]),
    ];
    private static readonly string[] Delays = ["SAKNAS_PLATS", "TACKAT_NEJ", "SAKNAR_RESURS", "MATCHNING", "HALSOTILLSTAND", "ONSKEMAL"];
    private static readonly string[] Closings = ["EGEN_BEGARAN", "BEHOV_UPPHORT", "AVLIDIT"];

    public const string Header = "beslut_id;person_id;kon;lag;verksamhet;insats;enhet;beslutsdatum;avbrottsdatum;verkstallt_datum;avslutat_datum;orsak;kommentar";

    /// Writes `records` rows to `path` (UTF-8, `;`). `snapshot` 2 changes every hundredth record (1 %): a case that
    /// was open is verkställt on `AsOf`, one that was done gets a kommentar. `order`: the order of the rows (the same
    /// for every snapshot of a seed).
    public static void Write(string path, int records, int snapshot = 1, int seed = 20250630, RowOrder order = RowOrder.ById)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        w.Write(Header);
        w.Write('\n');
        var sb = new StringBuilder(160);
        foreach (var i in Order(records, seed, order))
        {
            sb.Clear();
            Row(sb, i, seed, changed: snapshot > 1 && i % 100 == 0);
            sb.Append('\n');
            w.Write(sb);
        }
    }

    /// The record numbers in the file's order: ascending, a seeded shuffle (Fisher–Yates), or by person code and then
    /// record number (an export sorted by person: each person's decisions together, persons in code order).
    internal static int[] Order(int records, int seed, RowOrder order)
    {
        var numbers = Enumerable.Range(0, records).ToArray();
        switch (order)
        {
            case RowOrder.Shuffled:
                new Random(seed).Shuffle(numbers);
                break;
            case RowOrder.ByPerson:
                var keys = new long[records];
                for (var i = 0; i < records; i++) keys[i] = PersonCodeOrder(Person(i, seed)) * records + i;
                Array.Sort(keys, numbers);
                break;
        }
        return numbers;
    }

    /// Record i's person: the first draw of its generator, as Row makes it.
    private static int Person(int i, int seed) => new Random(unchecked(seed * 31 + i)).Next(0, 400_000 + i / 2);

    /// Where a person's code sorts: by birth date first (the code starts with it), then by the person number (below
    /// 8 000 000 for any file under 15 million records).
    private static long PersonCodeOrder(int person) => person % 28_000 * 8_000_000L + person;

    private static void Row(StringBuilder sb, int i, int seed, bool changed)
    {
        var r = new Random(unchecked(seed * 31 + i));
        var person = r.Next(0, 400_000 + i / 2); // Person(i, seed)
        var kon = person % 2 == 0 ? 'K' : 'M';
        var birth = new DateOnly(1930, 1, 1).AddDays(person % 28_000);
        var code = $"{birth:yyyyMMdd}-T{person % 10}{(kon == 'K' ? 2 * (person / 10 % 5) : 2 * (person / 10 % 5) + 1)}{person / 50 % 10}";
        var lss = r.NextDouble() < 0.25;
        var (verksamhet, insatser) = Sol[r.Next(Sol.Length)];
        var insats = lss ? $"9 § {r.Next(1, 11)}" : insatser[r.Next(insatser.Length)];
        var beslut = First.AddDays(r.Next(0, AsOf.DayNumber - First.DayNumber + 1));
        DateOnly? avbrott = r.NextDouble() < 0.05 ? beslut.AddDays(r.Next(10, 60)) : null;
        var clock = avbrott ?? beslut;
        DateOnly? verkstallt = null, avslutat = null;
        string? orsak = null, kommentar = null;
        var kind = r.NextDouble();
        if (kind < 0.80) verkstallt = clock.AddDays(r.Next(1, 85));
        else if (kind < 0.88) { avslutat = clock.AddDays(r.Next(1, 80)); orsak = Closings[r.Next(Closings.Length)]; }
        else if (kind < 0.98) { verkstallt = clock.AddDays(r.Next(95, 420)); orsak = Delays[r.Next(Delays.Length)]; }
        else { avslutat = clock.AddDays(r.Next(100, 300)); orsak = Closings[r.Next(Closings.Length)]; }
        if (r.NextDouble() < 0.03) kommentar = "Väntar på besked från utföraren";
        // The snapshot is taken on AsOf: what happens later has not happened yet.
        if (avbrott > AsOf) avbrott = null;
        if (verkstallt > AsOf) verkstallt = null;
        if (avslutat > AsOf) { avslutat = null; orsak ??= Delays[0]; }
        if (changed)
        {
            if (verkstallt is null && avslutat is null) verkstallt = AsOf;
            else kommentar = "Uppgift rättad i verksamhetssystemet";
        }
        var enhet = !lss && verksamhet == "IFO" && r.NextDouble() < 0.3 ? $"Enhet {r.Next(1, 4)}" : null;
        sb.Append("B-").Append(i.ToString("D7", CultureInfo.InvariantCulture)).Append(';').Append(code).Append(';').Append(kon)
            .Append(';').Append(lss ? "LSS" : "SoL").Append(';').Append(lss ? "" : verksamhet).Append(';').Append(insats)
            .Append(';').Append(enhet).Append(';').Append(Iso(beslut)).Append(';').Append(Iso(avbrott)).Append(';')
            .Append(Iso(verkstallt)).Append(';').Append(Iso(avslutat)).Append(';').Append(orsak).Append(';').Append(kommentar);
    }

    private static string Iso(DateOnly? d) => IsoDate.Format(d) ?? "";
}

/// The order of a synthetic file's rows: beslut_id order, or an export's (shuffled ids, sorted by person).
public enum RowOrder { ById, Shuffled, ByPerson }
