using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace StatsReporting.Import;

/// Runs a sequence's production on a thread of its own, a few batches ahead of its consumer: the file's reading and
/// validation go on beside the store, on the machine's other core. Memory stays bounded (at most `depth` batches of
/// `batch` items wait). What the consumer sees is what the sequence gives, in order: the items before a failure,
/// then the failure itself, rethrown with its own stack. A consumer that stops early (its store failed) stops the
/// producer and waits for it, so nothing reads the file after the import has returned.
public static class ReadAhead
{
    public static IEnumerable<T> Of<T>(IEnumerable<T> items, int batch = 1024, int depth = 8)
    {
        using var queue = new BlockingCollection<T[]>(depth);
        using var stop = new CancellationTokenSource();
        ExceptionDispatchInfo? failure = null;
        var producer = new Thread(() =>
        {
            try
            {
                var buffer = new T[batch];
                var n = 0;
                foreach (var item in items)
                {
                    buffer[n++] = item;
                    if (n < batch) continue;
                    queue.Add(buffer, stop.Token);
                    (buffer, n) = (new T[batch], 0);
                }
                if (n > 0) queue.Add(buffer[..n], stop.Token);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
            catch (Exception e) { failure = ExceptionDispatchInfo.Capture(e); }
            finally { queue.CompleteAdding(); }
        }) { IsBackground = true, Name = "import-read-ahead" };
        producer.Start();
        try
        {
            foreach (var chunk in queue.GetConsumingEnumerable())
                foreach (var item in chunk) yield return item;
            producer.Join();
            failure?.Throw();
        }
        finally
        {
            stop.Cancel();
            producer.Join();
        }
    }
}
