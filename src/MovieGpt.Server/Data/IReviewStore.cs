using MovieGpt.Sentiment;
using MovieGpt.Sentiment.Aspects;
using MovieGpt.Server.Data.Idempotency;

namespace MovieGpt.Server.Data;

/// <summary>
/// Scores new reviews (sentiment and aspects) and writes them (<see cref="ReviewWriter"/>, on either database). Scoring is the store's job so
/// that the writer can score a whole batch in one engine call.
/// </summary>
public interface IReviewStore
{
    /// <summary>
    /// The stored review with its id and the engine's verdict; null when its movie does not exist (any more).
    /// Text the engine cannot read throws the engine's <see cref="ArgumentException"/> and nothing is stored. A review
    /// whose <see cref="NewReview.Answer"/> key another request stored first throws <see cref="IdempotencyKeyTakenException"/>.
    /// </summary>
    Task<Review?> StoreAsync(NewReview review);
}

/// <summary>
/// A review as written, before the engine has scored it (author and content already trimmed), with the writer's own
/// 별점 and spoiler flag. With an
/// <c>Idempotency-Key</c>, <paramref name="Answer"/> turns the stored review (its id set) into the answer recorded with it.
/// </summary>
public sealed record NewReview(int MovieId, string Author, string Content, DateTime CreatedAt, Func<Review, IdempotencyRecord>? Answer = null)
{
    public int? UserRating { get; init; }

    public bool Spoiler { get; init; }

    public Review Scored(SentimentResult sentiment, IReadOnlyList<AspectMention> aspects) => new()
    {
        MovieId = MovieId,
        Author = Author,
        Content = Content,
        SentimentLabel = sentiment.Label,
        SentimentScore = sentiment.Score,
        ProbabilityNegative = sentiment.Probabilities.Negative,
        ProbabilityNeutral = sentiment.Probabilities.Neutral,
        ProbabilityPositive = sentiment.Probabilities.Positive,
        PredictedRating = sentiment.Rating,
        CreatedAt = CreatedAt,
        Aspects = AspectJson.Serialize(aspects),
        UserRating = UserRating,
        Spoiler = Spoiler,
    };
}
