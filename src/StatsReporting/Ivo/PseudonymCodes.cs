using Dapper;
using Microsoft.Data.Sqlite;
using StatsReporting.Decisions;
using StatsReporting.Storage;

namespace StatsReporting.Ivo;

/// IVO codes for persons the case system names by a local pseudonym. A code is made once, from the birth date
/// when the records give one, and stored: the person keeps it in every later quarter, even if a birth date
/// arrives later (IVO follows a case by its code for the case's whole life).
public static class PseudonymCodes
{
    /// The date part when no birth date is known: days of the year 1900 (19000101, 19000102, …), which no person
    /// in the records can have been born on; each day holds 500 codes per kön.
    public static readonly DateOnly UnknownBirthDate = new(1900, 1, 1);

    /// The first code not yet taken: date + T + three digits whose middle digit (the third of the four characters
    /// after the dash) is even for kvinna and odd for man.
    public static string Next(DateOnly? birthDate, Kon kon, Func<string, bool> taken)
    {
        // A known birth date is the code's date; without one, the code moves on through the placeholder year.
        var start = birthDate ?? UnknownBirthDate;
        var days = birthDate is null ? 365 : 1;
        for (var day = 0; day < days; day++)
            foreach (var n in Enumerable.Range(0, 1000).Where(n => n / 10 % 10 % 2 == (kon == Kon.K ? 0 : 1)))
            {
                var code = $"{start.AddDays(day):yyyyMMdd}-T{n:000}";
                if (!taken(code)) return code;
            }
        throw new InvalidOperationException("Det finns inga lediga personkoder kvar för födelsedatumet.");
    }

    public sealed record Assigned(string Code, Kon Kon, bool BirthDateKnown);

    /// The codes of the pseudonymous persons among `decisions`, making and storing those not yet made.
    /// Codes never collide with one another nor with an IVO code the records use directly.
    public static IReadOnlyDictionary<string, Assigned> Assign(Db db, IEnumerable<Decision> decisions, DateTimeOffset now)
    {
        const string stored = "SELECT pseudonym AS Pseudonym, ivo_code AS IvoCode, kon AS Kon, birth_date_known AS BirthDateKnown FROM ivo_person_codes";
        const string direct = "SELECT DISTINCT person_id FROM decision_versions";
        const string insert = """
            INSERT INTO ivo_person_codes (pseudonym, ivo_code, kon, birth_date_known, created_at)
            VALUES (@pseudonym, @code, @kon, @known, @at)
            """;
        using var c = db.Open();
        using var tx = c.BeginTransaction();
        var codes = c.Query<StoredCode>(stored, transaction: tx)
            .ToDictionary(s => s.Pseudonym, s => new Assigned(s.IvoCode, Enum.Parse<Kon>(s.Kon), s.BirthDateKnown != 0), StringComparer.Ordinal);
        var taken = codes.Values.Select(a => a.Code)
            .Concat(c.Query<string>(direct, transaction: tx).Where(p => PersonCode.Classify(p) == PersonCode.Kind.IvoCode))
            .ToHashSet(StringComparer.Ordinal);
        var persons = decisions.Where(d => PersonCode.Classify(d.PersonId) == PersonCode.Kind.Pseudonym)
            .GroupBy(d => d.PersonId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var person in persons.Where(p => !codes.ContainsKey(p.Key)))
        {
            // The person's kön and birth date as their earliest decision gives them; a later disagreement is a finding.
            var first = person.OrderBy(d => d.Beslutsdatum).ThenBy(d => d.BeslutId, StringComparer.Ordinal).First();
            var birth = person.OrderBy(d => d.Beslutsdatum).Select(d => d.Fodelsedatum).FirstOrDefault(b => b is not null);
            var code = Next(birth, first.Kon, taken.Contains);
            taken.Add(code);
            codes[person.Key] = new(code, first.Kon, birth is not null);
            c.Execute(insert, new { pseudonym = person.Key, code, kon = first.Kon.ToString(), known = birth is null ? 0 : 1, at = now.ToString("O") }, tx);
        }
        tx.Commit();
        return codes;
    }

    private sealed class StoredCode
    {
        public string Pseudonym { get; init; } = "";
        public string IvoCode { get; init; } = "";
        public string Kon { get; init; } = "";
        public long BirthDateKnown { get; init; }
    }
}
