using MovieGpt.Cli.Commands;
using MovieGpt.Cli.Streaming;
using MovieGpt.Cli.Scoring;
using MovieGpt.Sentiment.Explanations;

namespace MovieGpt.Cli.Explaining;

/// <summary>
/// `explain`: each review line answered with its explanation, streaming (<see cref="LineStream"/>); a batch of
/// reviews, with every leave-one-out variant, shares one engine call spread over the cores by the analyzer.
/// </summary>
internal sealed class ExplanationStream(SentimentExplainer explainer, TextReader input, TextWriter output, int maxBatch = ExplanationStream.DefaultBatch)
{
    // Each review is about ten engine rows, so this many reviews make a call of a few thousand rows.
    public const int DefaultBatch = 256;

    /// <summary>Runs to the end of the input; returns how many lines were answered.</summary>
    public long Run() => new LineStream(input, output, Answer, maxBatch).Run();

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
        ? CliJson.Serialize(ExplanationJson.Of(explanation))
        : CliJson.Serialize(new LineError(outcome.Error!, lineNumber));

    private string[] Answer(IReadOnlyList<string> batch, long linesBefore)
    {
        var outcomes = Explain(explainer, batch);
        // An explanation is a few hundred characters of JSON: writing them is worth every core too.
        var lines = new string[outcomes.Length];
        Parallel.For(0, outcomes.Length, i => lines[i] = ToJson(outcomes[i], linesBefore + i + 1));
        return lines;
    }
}

/// <summary>An explanation, or why a line has none.</summary>
internal readonly record struct ExplainOutcome(SentimentExplanation? Explanation, string? Error);
