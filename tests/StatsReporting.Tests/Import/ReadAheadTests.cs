using StatsReporting.Import;

namespace StatsReporting.Tests.Import;

/// The import reads and validates on a second thread (ReadAhead): its consumer sees what the sequence gives, in
/// order, a failure where it happened, and a consumer that stops early stops the reading.
public class ReadAheadTests
{
    [Fact]
    public void Every_item_arrives_once_and_in_order_across_many_batches()
    {
        Assert.Equal(Enumerable.Range(0, 10_001), ReadAhead.Of(Enumerable.Range(0, 10_001), batch: 64, depth: 2).ToList());
    }

    [Fact]
    public void A_failure_on_the_reading_thread_comes_after_the_items_before_it_with_its_own_message()
    {
        static IEnumerable<int> FailsAt3000()
        {
            for (var i = 0; i < 3000; i++) yield return i;
            throw new NotATableException("raden kan inte läsas.", 3002);
        }
        var seen = new List<int>();
        var e = Assert.Throws<NotATableException>(() => { foreach (var i in ReadAhead.Of(FailsAt3000(), batch: 100)) seen.Add(i); });
        Assert.Equal(("raden kan inte läsas.", 3002), (e.Message, e.Row));
        Assert.Equal(Enumerable.Range(0, 3000), seen);
    }

    [Fact]
    public void A_consumer_that_stops_early_stops_the_reader_within_the_queued_batches_and_disposes_the_source()
    {
        var source = new Counting();
        // Stops after 10 of an endless sequence: at most the batches the queue holds (depth 2), the one being
        // handed over and the one being filled are read, and the source is disposed before Of's enumerator is.
        foreach (var _ in ReadAhead.Of(source, batch: 50, depth: 2).Take(10)) { }
        Assert.True(source.Disposed);
        Assert.InRange(source.Read, 10, 50 * 4);
    }

    private sealed class Counting : IEnumerable<int>
    {
        public int Read;
        public bool Disposed;

        public IEnumerator<int> GetEnumerator()
        {
            try
            {
                while (true) yield return Read++;
            }
            finally { Disposed = true; }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
