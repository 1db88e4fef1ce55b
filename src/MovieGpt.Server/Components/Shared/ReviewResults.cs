using MovieGpt.Sentiment;
using MovieGpt.Server.Contracts;

namespace MovieGpt.Server.Components.Shared;

public static class ReviewResults
{
    /// <summary>A stored review's verdict in the engine's own shape, so one component shows both.</summary>
    public static SentimentResult ToSentimentResult(this ReviewResponse review) =>
        new(review.SentimentLabel, review.SentimentScore, review.SentimentProbabilities, review.PredictedRating);
}
