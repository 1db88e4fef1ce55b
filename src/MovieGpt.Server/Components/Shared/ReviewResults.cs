using MovieGpt.Sentiment;
using MovieGpt.Server.Contracts;

namespace MovieGpt.Server.Components.Shared;

public static class ReviewResults
{
    /// <summary>A stored review's verdict in the engine's own shape, so one component shows both.</summary>
    public static SentimentResult ToSentimentResult(this ReviewResponse review) =>
        new(review.SentimentLabel, review.SentimentScore, review.SentimentProbabilities, review.PredictedRating);

    /// <summary>Below this top probability the model is guessing: the verdict reads "애매해요", not a firm label.</summary>
    public const double ConfidentScore = 0.5;

    /// <summary>How far apart (in 별점 points) the writer's rating and the model's prediction must be to call it a disagreement.</summary>
    public const int DisagreementGap = 5;

    public static bool IsUncertain(double score) => score < ConfidentScore;

    /// <summary>
    /// Whether the writer's 별점 and the model disagree strongly: far apart in points, or on opposite sides (a high 별점 on
    /// a text the model reads as negative, a low one on a positive text) — often sarcasm, or a model mistake.
    /// </summary>
    public static bool WriterAndModelDisagree(this ReviewResponse review) => review.UserRating is { } user
        && (Math.Abs(user - review.PredictedRating) >= DisagreementGap
            || (user >= 8 && review.SentimentLabel == SentimentLabels.Negative && !IsUncertain(review.SentimentScore))
            || (user <= 3 && review.SentimentLabel == SentimentLabels.Positive && !IsUncertain(review.SentimentScore)));

    /// <summary>7 → "★★★½" read aloud as "별점 7점 (별 3.5개)".</summary>
    public static string StarsLabel(int rating) =>
        $"별점 {rating}점 (별 {(rating / 2.0).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)}개)";
}
