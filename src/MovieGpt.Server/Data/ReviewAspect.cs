namespace MovieGpt.Server.Data;

/// <summary>
/// One aspect a review talks about and its polarity: the rows the aspect filter and a movie's aspect summary read,
/// indexed by (movie_id, aspect, label). The database keeps them with triggers on <c>reviews</c> from the review's
/// <see cref="Review.Aspects"/> JSON (their SQL is in the migrations), so every writer, EF, raw SQL or the back-fill,
/// is covered, and a deleted review takes its rows along (ON DELETE CASCADE).
/// </summary>
public sealed class ReviewAspect
{
    public int ReviewId { get; set; }

    public int MovieId { get; set; }

    /// <summary>One of <see cref="MovieGpt.Sentiment.Aspects.AspectNames.All"/>.</summary>
    public required string Aspect { get; set; }

    /// <summary>One of <see cref="MovieGpt.Sentiment.SentimentLabels"/>.</summary>
    public required string Label { get; set; }
}
