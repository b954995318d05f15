using StatsReporting.Decisions;

namespace StatsReporting.Ivo;

/// The code made for a pseudonym, and whether a birth date was known when it was made.
public sealed record AssignedCode(string Code, Kon Kon, bool BirthDateKnown);

/// IVO codes for persons the case system names by a local pseudonym (pure; IvoStore keeps them). A code is made
/// once, from the birth date when the records give one: the person keeps it in every later quarter, even if a
/// birth date arrives later (IVO follows a case by its code for the case's whole life).
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

    /// Codes for the pseudonymous persons among `decisions` that have none yet, given the codes already in use.
    /// A person's kön and birth date are those of their earliest decision; a later disagreement is a finding.
    public static IReadOnlyDictionary<string, AssignedCode> Make(IEnumerable<Decision> decisions, IReadOnlySet<string> known,
        IEnumerable<string> taken)
    {
        var used = taken.ToHashSet(StringComparer.Ordinal);
        var made = new Dictionary<string, AssignedCode>(StringComparer.Ordinal);
        var persons = decisions.Where(d => PersonCode.Classify(d.PersonId) == PersonCode.Kind.Pseudonym && !known.Contains(d.PersonId))
            .GroupBy(d => d.PersonId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var person in persons)
        {
            var byDate = person.OrderBy(d => d.Beslutsdatum).ThenBy(d => d.BeslutId, StringComparer.Ordinal).ToList();
            var birth = byDate.Select(d => d.Fodelsedatum).FirstOrDefault(b => b is not null);
            var code = Next(birth, byDate[0].Kon, used.Contains);
            used.Add(code);
            made[person.Key] = new(code, byDate[0].Kon, birth is not null);
        }
        return made;
    }
}
