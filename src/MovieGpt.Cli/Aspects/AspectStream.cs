using System.Collections.Concurrent;
using MovieGpt.Cli.Commands;
using MovieGpt.Sentiment.Aspects;

namespace MovieGpt.Cli.Aspects;

/// <summary>
/// One review per input line → one JSON line <c>{"aspects":[…]}</c> per review, in order, streaming, the way
/// <see cref="Prediction.PredictionStream"/> answers `predict`: a reader thread feeds a bounded queue, the
/// writer takes whatever lines are waiting (up to <c>maxBatch</c>), analyzes them with one batched call and
/// flushes. An empty line gets <c>{"error":"empty text","line":N}</c>.
/// </summary>
internal sealed class AspectStream(AspectAnalyzer analyzer, TextReader input, TextWriter output, int maxBatch = AspectStream.DefaultBatch)
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
                WriteAnswers(batch, lineNumber);
                lineNumber += batch.Count;
                batch.Clear();
            }
        }
        finally
        {
            // If analysis or writing failed, release a reader blocked on a full queue.
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
            // The writer has stopped; its exception is the one that matters.
        }
        finally
        {
            queue.CompleteAdding();
        }
    }

    private void WriteAnswers(List<string> batch, long linesBefore)
    {
        var readable = new List<string>(batch.Count);
        foreach (var line in batch)
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                readable.Add(line);
            }
        }
        var answers = analyzer.AnalyzeBatch(readable);
        var next = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            output.WriteLine(string.IsNullOrWhiteSpace(batch[i])
                ? AspectJson.Serialize(new AspectLineError(Scoring.ScoreOutcome.EmptyText, linesBefore + i + 1))
                : AspectJson.Serialize(new AspectAnswer(answers[next++])));
        }
        output.Flush();
    }
}

/// <summary>The answer to one review line.</summary>
internal sealed record AspectAnswer(IReadOnlyList<AspectMention> Aspects);

/// <summary>The answer to a line that is not a review (empty or whitespace only); <see cref="Line"/> is 1-based.</summary>
internal sealed record AspectLineError(string Error, long Line);
