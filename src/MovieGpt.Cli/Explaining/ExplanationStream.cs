using System.Collections.Concurrent;
using MovieGpt.Cli.Commands;
using MovieGpt.Cli.Prediction;
using MovieGpt.Cli.Scoring;
using MovieGpt.Sentiment.Explanations;

namespace MovieGpt.Cli.Explaining;

/// <summary>
/// `predict`'s streaming contract for explanations: one review per input line → one JSON object per output
/// line, in order, flushed per batch. A reader thread feeds a bounded queue; the writer takes the first waiting
/// line plus whatever else is queued (up to <c>maxBatch</c>) and explains them with one engine call, so piped
/// input fills large batches (every leave-one-out variant of every review shares the call, spread over the
/// cores by the analyzer) while an interactive line is answered at once.
/// </summary>
internal sealed class ExplanationStream(SentimentExplainer explainer, TextReader input, TextWriter output, int maxBatch = ExplanationStream.DefaultBatch)
{
    // Each review is about ten engine rows, so this many reviews make a call of a few thousand rows.
    public const int DefaultBatch = 256;

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
            // If explaining or writing failed, release a reader blocked on a full queue.
            stop.Cancel();
        }
        reader.GetAwaiter().GetResult();
        return lineNumber;
    }

    /// <summary>Explains <paramref name="lines"/> in one engine call; an empty or unreadable line gets its error instead.</summary>
    public static ExplainOutcome[] Explain(SentimentExplainer explainer, IReadOnlyList<string> lines)
    {
        var outcomes = new ExplainOutcome[lines.Count];
        var positions = new List<int>(lines.Count);
        foreach (var (line, i) in lines.Select((l, i) => (l, i)))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                outcomes[i] = new ExplainOutcome(null, ScoreOutcome.EmptyText);
            }
            else
            {
                positions.Add(i);
            }
        }
        try
        {
            var explanations = explainer.ExplainBatch([.. positions.Select(p => lines[p])]);
            for (var k = 0; k < positions.Count; k++)
            {
                outcomes[positions[k]] = new ExplainOutcome(explanations[k], null);
            }
        }
        catch (ArgumentException)
        {
            // One unreadable line spoils the call; find it (and explain the rest) one by one.
            foreach (var p in positions)
            {
                outcomes[p] = ExplainOne(explainer, lines[p]);
            }
        }
        return outcomes;
    }

    private static ExplainOutcome ExplainOne(SentimentExplainer explainer, string line)
    {
        try
        {
            return new ExplainOutcome(explainer.Explain(line), null);
        }
        catch (ArgumentException e)
        {
            return new ExplainOutcome(null, ExceptionText.Of(e));
        }
    }

    /// <summary>The output line of one input line (<paramref name="lineNumber"/> is 1-based).</summary>
    public static string ToJson(ExplainOutcome outcome, long lineNumber) => outcome.Explanation is { } explanation
        ? ExplanationJson.Serialize(explanation)
        : CliJson.Serialize(new PredictionError(outcome.Error!, lineNumber));

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
        var outcomes = Explain(explainer, batch);
        // An explanation is a few hundred characters of JSON: writing them is worth every core too.
        var lines = new string[outcomes.Length];
        Parallel.For(0, outcomes.Length, i => lines[i] = ToJson(outcomes[i], linesBefore + i + 1));
        foreach (var line in lines)
        {
            output.WriteLine(line);
        }
        output.Flush();
    }
}

/// <summary>An explanation, or why a line has none.</summary>
internal readonly record struct ExplainOutcome(SentimentExplanation? Explanation, string? Error);
