namespace StatsReporting.Import;

/// A problem in an input file, named by file, row and column. Never carries a person code or a kommentar.
public sealed record ImportError(string File, int Row, string? Column, string Message, bool IsWarning = false)
{
    public override string ToString() =>
        $"{File}, rad {Row}{(Column is null ? "" : $", kolumn {Column}")}: {Message}";
}

public sealed class ImportFailedException(IReadOnlyList<ImportError> errors)
    : Exception($"Importen avbröts: {errors.Count(e => !e.IsWarning)} fel. Inget från filen har sparats.\n"
                + string.Join("\n", errors.Where(e => !e.IsWarning)))
{
    public IReadOnlyList<ImportError> Errors { get; } = errors;
}
