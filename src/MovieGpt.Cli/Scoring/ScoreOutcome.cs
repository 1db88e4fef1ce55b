using MovieGpt.Sentiment;

namespace MovieGpt.Cli.Scoring;

/// <summary>The engine's answer for one text, or why it has none (the engine rejected the text).</summary>
internal readonly record struct ScoreOutcome(SentimentResult? Result, string? Error)
{
    public const string EmptyText = "empty text";

    public static ScoreOutcome Of(SentimentResult result) => new(result, null);

    public static ScoreOutcome Rejected(string reason) => new(null, reason);
}
