using MovieGpt.Server.Contracts;

namespace MovieGpt.Server.Data;

/// <summary>
/// The reads behind the busiest endpoints (a movie's reviews, the latest reviews, a movie's statistics, the title
/// a new review answers with), as the hand-written statements of <see cref="CatalogSql"/>: on SQLite kept prepared on
/// long-lived connections (<see cref="Sqlite.SqliteCatalogReader"/>), on PostgreSQL prepared by Npgsql (<see cref="Postgres.PostgresCatalogReader"/>).
/// The tests hold both to the answers of the same reads written as EF queries.
/// A null movie id means every movie's reviews.
/// </summary>
public interface ICatalogReader
{
    Task<string?> MovieTitleAsync(int movieId, CancellationToken ct);

    Task<bool> MovieExistsAsync(int movieId, CancellationToken ct);

    /// <summary>
    /// What a movie's statistics need in one read: its title, first and last review times, review tallies
    /// (as <see cref="ReviewGroupsAsync"/>) and aspect mentions per label; null when there is no such movie.
    /// </summary>
    Task<MovieTallies?> MovieTalliesAsync(int movieId, CancellationToken ct);

    /// <summary>
    /// A page of reviews in the query's order (ties: newer first, then higher id first), with their movie's title and 공감 count; with
    /// an aspect filter, only the reviews that say something on its aspect (any, without one) with its label (any,
    /// without one); with a sentiment, only the reviews of that label.
    /// </summary>
    Task<List<ReviewResponse>> ReviewPageAsync(ReviewQuery query, int skip, int limit, CancellationToken ct);

    /// <summary>The reviews' tallies summed per (label, rounded rating, day in Korea), in no particular order.</summary>
    Task<List<ReviewGroup>> ReviewGroupsAsync(int? movieId, CancellationToken ct);

    /// <summary>The first and last review times (both null without reviews).</summary>
    Task<ReviewSpan> ReviewSpanAsync(int? movieId, CancellationToken ct);
}

public sealed record MovieTallies(string Title, ReviewSpan Reviews, IReadOnlyList<ReviewGroup> Groups, IReadOnlyList<AspectCount> Aspects);

/// <summary>How many of a movie's reviews say <see cref="Label"/> about <see cref="Aspect"/>.</summary>
public sealed record AspectCount(string Aspect, string Label, int Mentions);

public sealed record ReviewSpan(DateTime? First, DateTime? Last);

/// <summary>The reviews of one label, rounded rating and day in Korea: their count and sums, and the count and sum of their writers' 별점.</summary>
public sealed record ReviewGroup(string Label, int Bin, DateOnly Day, int Count, double Positivity, double Rating, int UserRatings = 0, int UserRatingSum = 0);
