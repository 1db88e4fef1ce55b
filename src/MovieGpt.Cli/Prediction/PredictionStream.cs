using System.Collections.Concurrent;
using MovieGpt.Cli.Commands;
using MovieGpt.Cli.Scoring;
using MovieGpt.Sentiment;

namespace MovieGpt.Cli.Prediction;

/// <summary>
/// One review per input line → one JSON object per output line, in order, streaming. A reader thread feeds a
/// bounded queue; the scorer takes the first waiting line, adds whatever else is already queued (up to
/// <c>maxBatch</c>), scores the batch and flushes. Piped input so fills large batches for throughput, while an
/// interactive line is answered at once instead of waiting for a full batch or EOF; memory stays bounded by
/// the queue, whatever the input size.
/// </summary>
internal sealed class PredictionStream(ISentimentAnalyzer analyzer, TextReader input, TextWriter output, int maxBatch = PredictionStream.DefaultBatch)
{
    public const int DefaultBatch = 1024;

    private readonly ParallelScorer _scorer = new(analyzer);

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
                WriteAnswers(batch, lineNumber);
                lineNumber += batch.Count;
                batch.Clear();
            }
        }
        finally
        {
            // If scoring or writing failed, release a reader blocked on a full queue.
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
            // The scorer has stopped; its exception is the one that matters.
        }
        finally
        {
            queue.CompleteAdding();
        }
    }

    private void WriteAnswers(List<string> batch, long linesBefore)
    {
        var outcomes = _scorer.Score(batch);
        for (var i = 0; i < outcomes.Length; i++)
        {
            output.WriteLine(outcomes[i].Result is { } result
                ? CliJson.Serialize(result)
                : CliJson.Serialize(new PredictionError(outcomes[i].Error!, linesBefore + i + 1)));
        }
        output.Flush();
    }
}

/// <summary>The answer to a line the engine cannot score; <see cref="Line"/> is 1-based.</summary>
internal sealed record PredictionError(string Error, long Line);
