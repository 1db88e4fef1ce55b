using System.Collections.Concurrent;

namespace MovieGpt.Cli.Streaming;

/// <summary>
/// One review per input line → one JSON object per output line, in order, streaming: the loop behind `predict`,
/// `aspects` and every command that answers line by line. A reader thread feeds a bounded queue; the loop takes the
/// first waiting line, adds whatever else is already queued (up to <c>maxBatch</c>), has the batch answered in one
/// call and flushes. Piped input so fills large batches for throughput, while an interactive line is answered at once
/// instead of waiting for a full batch or EOF; memory stays bounded by the queue, whatever the input size.
/// </summary>
/// <param name="answer">The output lines for a batch of input lines, one each, in order; given the number of lines before the batch.</param>
internal sealed class LineStream(TextReader input, TextWriter output, Func<IReadOnlyList<string>, long, IReadOnlyList<string>> answer, int maxBatch = LineStream.DefaultBatch)
{
    public const int DefaultBatch = 1024;

    /// <summary>Runs to the end of the input; returns how many lines were answered.</summary>
    public long Run()
    {
        var queue = new BlockingCollection<string>(boundedCapacity: 4 * maxBatch);
        using var stop = new CancellationTokenSource();
        // Its own thread: it blocks in ReadLine for as long as the input is open, which must not hold a pool thread.
        var reader = Task.Factory.StartNew(() => ReadAll(queue, stop.Token), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        long lineNumber = 0;
        try
        {
            var batch = new List<string>(maxBatch);
            while (queue.TryTake(out var first, Timeout.Infinite))
            {
                batch.Add(first);
                while (batch.Count < maxBatch && queue.TryTake(out var next))
                {
                    batch.Add(next);
                }
                foreach (var line in answer(batch, lineNumber))
                {
                    output.WriteLine(line);
                }
                output.Flush();
                lineNumber += batch.Count;
                batch.Clear();
            }
        }
        finally
        {
            // If answering or writing failed, release a reader blocked on a full queue.
            stop.Cancel();
        }
        reader.GetAwaiter().GetResult();
        return lineNumber;
    }

    private void ReadAll(BlockingCollection<string> queue, CancellationToken stop)
    {
        try
        {
            while (input.ReadLine() is { } line)
            {
                queue.Add(line, stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The loop has stopped; its exception is the one that matters.
        }
        finally
        {
            queue.CompleteAdding();
        }
    }
}

/// <summary>The answer to a line that cannot be answered (empty, or nothing the engine can read); <see cref="Line"/> is 1-based.</summary>
internal sealed record LineError(string Error, long Line);
