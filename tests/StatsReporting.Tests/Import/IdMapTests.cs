using StatsReporting.Records;
using System.Runtime.CompilerServices;
using StatsReporting.Storage;

namespace StatsReporting.Tests.Import;

/// A value per beslut_id (IdMap): the file's ids with their first row, and the newest stored version per decision.
public class IdMapTests
{
    [Fact]
    public void A_hundred_thousand_ids_each_keep_their_own_value_through_every_growth()
    {
        var map = new IdMap<int>();
        for (var i = 0; i < 100_000; i++)
        {
            map.GetOrAdd($"B-{i:D7}", out var exists) = i + 2;
            Assert.False(exists);
        }
        Assert.Equal(100_000, map.Count);
        Assert.Equal(2, map.GetOrAdd("B-0000000", out var again));
        Assert.True(again);
        Assert.Equal(100_001, map.Find("B-0099999"));
        Assert.True(Unsafe.IsNullRef(ref map.Find("B-0100000")));
        Assert.Equal(100_000, map.Count);
        Assert.Equal(Enumerable.Range(2, 100_000), map.Values.ToArray());
    }

    [Fact]
    public void Ids_that_differ_only_in_case_length_or_a_trailing_character_are_different()
    {
        var map = new IdMap<int>();
        var ids = new[] { "B-1", "b-1", "B-1 ", "B-10", "", "Å-1" };
        for (var i = 0; i < ids.Length; i++) map.GetOrAdd(ids[i], out _) = i;
        Assert.Equal(ids.Length, map.Count);
        for (var i = 0; i < ids.Length; i++) Assert.Equal(i, map.Find(ids[i]));
    }

    [Fact]
    public void A_value_changed_through_its_reference_stays_changed()
    {
        var map = new IdMap<(long Version, bool Seen)>();
        map.GetOrAdd("B-1", out _) = (1, false);
        map.Find("B-1").Seen = true;
        Assert.Equal((1L, true), map.Find("B-1"));
    }
}
