using StatsReporting.Decisions;
using StatsReporting.Gallring;

namespace StatsReporting.Tests.Gallring;

/// When a decision's personal data goes, with a cutoff of 2025-01-01 (24 months before 2027-01-01).
public class GallringRuleTests
{
    private static readonly DateOnly Cutoff = GallringRule.Cutoff(new(2027, 1, 1), 24);

    [Theory]
    [InlineData("2022-03-01", "2022-06-15", null, null, true)]          // verkställt long ago, never exported
    [InlineData("2022-03-01", null, "2024-12-31", null, true)]          // avslutat the day before the cutoff
    [InlineData("2022-03-01", null, "2025-01-01", null, false)]         // avslutat on the cutoff: kept
    [InlineData("2022-03-01", "2022-06-15", "2025-02-01", null, false)] // the later of the two dates counts
    [InlineData("2022-03-01", null, null, null, false)]                 // still open: kept
    [InlineData("2022-03-01", "2024-11-10", null, "2025Q1:2025-04-10", false)] // in the quarter after it closed, exported after the cutoff
    [InlineData("2022-03-01", "2024-11-10", null, "2024Q4:2025-01-20", false)] // its own quarter, exported after the cutoff
    [InlineData("2022-03-01", "2024-11-10", null, "2024Q4:2024-12-31", true)]  // exported, but before the cutoff
    [InlineData("2022-03-01", "2024-05-10", null, "2025Q1:2025-04-10", true)]  // an export of a quarter that cannot hold it
    [InlineData("2024-06-01", "2024-06-20", null, "2024Q1:2025-04-10", true)]  // nor one before its beslutsdatum
    public void A_decision_is_due_when_closed_before_the_cutoff_and_in_no_export_made_since(string beslut, string? verkstallt, string? avslutat,
        string? export, bool due)
    {
        var d = new Candidate("B-1", DateOnly.Parse(beslut), verkstallt is null ? null : DateOnly.Parse(verkstallt), avslutat is null ? null : DateOnly.Parse(avslutat));
        var exports = export is null ? new Dictionary<Period, DateTimeOffset>()
            : new() { [Period.Parse(export[..6])] = new DateTimeOffset(DateTime.Parse(export[7..]), TimeSpan.Zero) };
        Assert.Equal(new DateOnly(2025, 1, 1), Cutoff);
        Assert.Equal(due, GallringRule.IsDue(d, Cutoff, exports));
    }
}
