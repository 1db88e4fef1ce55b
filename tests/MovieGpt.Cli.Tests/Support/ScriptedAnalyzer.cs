using MovieGpt.Sentiment;

namespace MovieGpt.Cli.Tests.Support;

/// <summary>
/// A stand-in analyzer whose answers the tests choose: a text maps to a result through <c>answer</c>; a text
/// of only punctuation is rejected as unreadable, the way the real engine rejects it.
/// </summary>
internal sealed class ScriptedAnalyzer(Func<string, SentimentResult> answer) : ISentimentAnalyzer
{
    private int _batchCalls;

    public ModelInfo Model { get; } = new("scripted", "test", "", "");

    public int BatchCalls => _batchCalls;

    public SentimentResult Analyze(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ArgumentException("Review text is empty or whitespace only.", nameof(text));
        }
        if (text.All(char.IsPunctuation))
        {
            throw new ArgumentException("Review text has no readable characters.", nameof(text));
        }
        return answer(text);
    }

    public IReadOnlyList<SentimentResult> AnalyzeBatch(IReadOnlyList<string> texts)
    {
        Interlocked.Increment(ref _batchCalls);
        return [.. texts.Select(Analyze)];
    }

    public void Dispose()
    {
    }

    /// <summary>A result that is all <paramref name="label"/> with the given rating.</summary>
    public static SentimentResult Sure(string label, double rating, double score = 1) => new(
        label,
        score,
        new SentimentProbabilities(
            label == SentimentLabels.Negative ? 1 : 0,
            label == SentimentLabels.Neutral ? 1 : 0,
            label == SentimentLabels.Positive ? 1 : 0),
        rating);
}
