using MovieGpt.Sentiment;
using MovieGpt.Server.Contracts;

namespace MovieGpt.Server.Services;

/// <summary>The columns statistics need from each review.</summary>
public sealed record ReviewFacts(string Label, double Negative, double Neutral, double Positive, double PredictedRating, DateTime CreatedAt)
{
    /// <summary>P(positive) + P(neutral)/2: rises with how positive the review is, 0.5 for a neutral one.</summary>
    public double Positivity => Positive + Neutral / 2;
}

/// <summary>Turns many reviews into one honest set of numbers.</summary>
public static class ReviewStatistics
{
    /// <summary>A day needs this many reviews in all before the timeline is worth drawing.</summary>
    public const int MinimumForTimeline = 3;

    public static ReviewStatsResponse Compute(IReadOnlyList<ReviewFacts> reviews)
    {
        var count = reviews.Count;
        int positive = 0, neutral = 0, negative = 0;
        var histogram = new int[10];
        foreach (var review in reviews)
        {
            switch (review.Label)
            {
                case SentimentLabels.Positive: positive++; break;
                case SentimentLabels.Neutral: neutral++; break;
                default: negative++; break;
            }
            histogram[Math.Clamp((int)Math.Round(review.PredictedRating, MidpointRounding.AwayFromZero), 1, 10) - 1]++;
        }
        double Share(int n) => count == 0 ? 0 : Math.Round((double)n / count, 4);
        var timeline = count < MinimumForTimeline
            ? []
            : reviews.GroupBy(r => DateOnly.FromDateTime(r.CreatedAt))
                .OrderBy(g => g.Key)
                .Select(g => new SentimentTimelinePoint(g.Key, g.Count(), Math.Round(g.Average(r => r.Positivity), 4)))
                .ToList();
        return new ReviewStatsResponse(
            count,
            count == 0 ? 0 : Math.Round(reviews.Average(r => r.Positivity), 4),
            positive,
            neutral,
            negative,
            Share(positive),
            Share(neutral),
            Share(negative),
            count == 0 ? null : Math.Round(reviews.Average(r => r.PredictedRating), 2),
            histogram,
            count == 0 ? null : reviews.Min(r => r.CreatedAt),
            count == 0 ? null : reviews.Max(r => r.CreatedAt),
            timeline);
    }
}
