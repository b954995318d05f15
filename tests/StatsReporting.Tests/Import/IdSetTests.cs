using StatsReporting.Import;

namespace StatsReporting.Tests.Import;

/// The file's beslut_id values, for the check that none comes twice (RecordValidator).
public class IdSetTests
{
    [Fact]
    public void A_hundred_thousand_distinct_ids_are_all_new_and_each_repeat_names_its_first_row()
    {
        var ids = new IdSet();
        for (var i = 0; i < 100_000; i++) Assert.True(ids.TryAdd($"B-{i:D7}", i + 2, out _));
        Assert.Equal(100_000, ids.Count);
        Assert.False(ids.TryAdd("B-0000000", 100_002, out var first));
        Assert.Equal(2, first);
        Assert.False(ids.TryAdd("B-0099999", 100_003, out first));
        Assert.Equal(100_001, first);
        Assert.Equal(100_000, ids.Count);
    }

    [Fact]
    public void Ids_that_differ_only_in_case_length_or_a_trailing_character_are_different()
    {
        var ids = new IdSet();
        foreach (var (id, row) in new[] { ("B-1", 2), ("b-1", 3), ("B-1 ", 4), ("B-10", 5), ("", 6), ("Å-1", 7) })
            Assert.True(ids.TryAdd(id, row, out _), id);
        Assert.False(ids.TryAdd("Å-1", 8, out var first));
        Assert.Equal(7, first);
    }
}
