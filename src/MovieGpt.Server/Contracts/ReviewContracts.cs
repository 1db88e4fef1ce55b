using System.ComponentModel.DataAnnotations;
using MovieGpt.Sentiment;

namespace MovieGpt.Server.Contracts;

/// <summary>A stored review with the engine's verdict.</summary>
public sealed record ReviewResponse(
    int Id,
    int MovieId,
    string? MovieTitle,
    string Author,
    string Content,
    string SentimentLabel,
    double SentimentScore,
    SentimentProbabilities SentimentProbabilities,
    double PredictedRating,
    DateTime CreatedAt);

/// <summary>The body of POST /api/reviews/; a mutable class so Blazor forms can bind to it.</summary>
public sealed class CreateReviewRequest
{
    [Range(1, int.MaxValue)]
    public int MovieId { get; set; }

    [Required, StringLength(100, MinimumLength = 1)]
    public string Author { get; set; } = "";

    [Required, StringLength(5000)]
    public string Content { get; set; } = "";
}

/// <summary>
/// Statistics over a set of reviews (one movie's, or all of them). Average score is the mean positivity,
/// P(positive) + P(neutral)/2, so it rises with the share of positive reviews; 0 when there are none.
/// </summary>
public sealed record ReviewStatsResponse(
    int ReviewCount,
    double AverageScore,
    int PositiveCount,
    int NeutralCount,
    int NegativeCount,
    double PositiveShare,
    double NeutralShare,
    double NegativeShare,
    double? MeanPredictedRating,
    IReadOnlyList<int> RatingHistogram,
    DateTime? FirstReviewAt,
    DateTime? LastReviewAt,
    IReadOnlyList<SentimentTimelinePoint> Timeline);

/// <summary>One day of reviews for the "sentiment over time" chart.</summary>
public sealed record SentimentTimelinePoint(DateOnly Date, int ReviewCount, double AverageScore);

/// <summary>GET /api/movies/{id}/stats.</summary>
public sealed record MovieStatsResponse(int MovieId, string Title, ReviewStatsResponse Stats);

public sealed record SentimentRequest(string? Text);

public sealed record SentimentBatchRequest(IReadOnlyList<string>? Texts);

public sealed record SentimentBatchResponse(IReadOnlyList<SentimentResult> Results);
