namespace MovieGpt.Sentiment;

/// <summary>The three labels the engine answers with, as they appear in JSON.</summary>
public static class SentimentLabels
{
    public const string Negative = "negative";
    public const string Neutral = "neutral";
    public const string Positive = "positive";

    public static IReadOnlyList<string> All { get; } = [Negative, Neutral, Positive];
}

/// <summary>Class probabilities; they sum to 1.</summary>
public sealed record SentimentProbabilities(double Negative, double Neutral, double Positive)
{
    /// <summary>How positive the review is on [0, 1]: P(positive) + P(neutral) / 2.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public double Positivity => Positive + Neutral / 2;
}

/// <summary>
/// What the engine says about one review: the most likely label, its probability (<see cref="Score"/>),
/// all three probabilities, and the predicted star rating on the 1–10 scale (one decimal).
/// </summary>
public sealed record SentimentResult(string Label, double Score, SentimentProbabilities Probabilities, double Rating)
{
    public static SentimentResult FromProbabilities(double negative, double neutral, double positive, double rating)
    {
        var sum = negative + neutral + positive;
        if (!(sum > 0) || double.IsNaN(sum))
        {
            throw new SentimentModelException("The model produced probabilities that are not a distribution.");
        }
        negative /= sum;
        neutral /= sum;
        positive /= sum;
        var (label, score) = negative >= neutral && negative >= positive
            ? (SentimentLabels.Negative, negative)
            : positive >= neutral ? (SentimentLabels.Positive, positive) : (SentimentLabels.Neutral, neutral);
        return new SentimentResult(
            label,
            Math.Round(score, 4),
            new SentimentProbabilities(Math.Round(negative, 4), Math.Round(neutral, 4), Math.Round(positive, 4)),
            Math.Round(Math.Clamp(rating, 1, 10), 1));
    }
}
