using Microsoft.EntityFrameworkCore;
using MovieGpt.Sentiment;
using MovieGpt.Server.Contracts;
using MovieGpt.Server.Data;

namespace MovieGpt.Server.Services;

/// <summary>
/// The queries every API request runs, compiled once so that a request skips EF's expression-tree work (most of
/// EF's own cost on a small query). A compiled query binds to the model of the first context it runs with, so
/// there is one set per app (a singleton), not a static one: a process may host apps on both providers (the tests).
/// A null movie id means every movie's reviews: EF drops the test from the SQL then, so the query keeps its index.
/// </summary>
public sealed class CatalogQueries
{
    public Func<MovieGptDbContext, int, CancellationToken, Task<string?>> MovieTitle { get; } = EF.CompileAsyncQuery(
        (MovieGptDbContext db, int id, CancellationToken _) => db.Movies.Where(m => m.Id == id).Select(m => m.Title).FirstOrDefault());

    /// <summary>A movie's title with its first and last review times (each subquery reads one end of an index).</summary>
    public Func<MovieGptDbContext, int, CancellationToken, Task<MovieHeader?>> MovieHeader { get; } = EF.CompileAsyncQuery(
        (MovieGptDbContext db, int id, CancellationToken _) => db.Movies
            .Where(m => m.Id == id)
            .Select(m => new MovieHeader(m.Title, new ReviewSpan(m.Reviews.Min(r => (DateTime?)r.CreatedAt), m.Reviews.Max(r => (DateTime?)r.CreatedAt))))
            .FirstOrDefault());

    public Func<MovieGptDbContext, int, CancellationToken, Task<bool>> MovieExists { get; } = EF.CompileAsyncQuery(
        (MovieGptDbContext db, int id, CancellationToken _) => db.Movies.Any(m => m.Id == id));

    /// <summary>A page of reviews, newest first, with their movie's title.</summary>
    public Func<MovieGptDbContext, int?, int, int, IAsyncEnumerable<ReviewResponse>> ReviewPage { get; } = EF.CompileAsyncQuery(
        (MovieGptDbContext db, int? movieId, int skip, int limit) => db.Reviews
            .Where(r => movieId == null || r.MovieId == movieId)
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Skip(skip).Take(limit)
            .Select(r => new ReviewResponse(
                r.Id,
                r.MovieId,
                r.Movie!.Title,
                r.Author,
                r.Content,
                r.SentimentLabel,
                r.SentimentScore,
                new SentimentProbabilities(r.ProbabilityNegative, r.ProbabilityNeutral, r.ProbabilityPositive),
                r.PredictedRating,
                r.CreatedAt)));

    /// <summary>
    /// The reviews grouped by (label, rounded rating, UTC day), from which <see cref="ReviewStatistics"/> sums every
    /// figure: read from the tallies the database keeps (<see cref="ReviewTally"/>), a few dozen rows per movie however
    /// many reviews it has. Positivity = P(positive) + P(neutral)/2: it rises with how positive a review is, 0.5 for a
    /// neutral one.
    /// </summary>
    public Func<MovieGptDbContext, int?, IAsyncEnumerable<ReviewGroup>> ReviewGroups { get; } = EF.CompileAsyncQuery(
        (MovieGptDbContext db, int? movieId) => db.ReviewTallies
            .Where(t => movieId == null || t.MovieId == movieId)
            .GroupBy(t => new { t.SentimentLabel, t.RatingBin, t.Day })
            .Select(g => new ReviewGroup(
                g.Key.SentimentLabel,
                g.Key.RatingBin,
                g.Key.Day,
                g.Sum(t => t.ReviewCount),
                g.Sum(t => t.PositivitySum),
                g.Sum(t => t.RatingSum))));

    // One aggregate per query: then the database reads it from one end of the (movie_id, created_at) index.
    public Func<MovieGptDbContext, int?, CancellationToken, Task<DateTime?>> FirstReviewAt { get; } = EF.CompileAsyncQuery(
        (MovieGptDbContext db, int? movieId, CancellationToken _) => db.Reviews
            .Where(r => movieId == null || r.MovieId == movieId)
            .Min(r => (DateTime?)r.CreatedAt));

    public Func<MovieGptDbContext, int?, CancellationToken, Task<DateTime?>> LastReviewAt { get; } = EF.CompileAsyncQuery(
        (MovieGptDbContext db, int? movieId, CancellationToken _) => db.Reviews
            .Where(r => movieId == null || r.MovieId == movieId)
            .Max(r => (DateTime?)r.CreatedAt));
}

internal static class AsyncEnumerables
{
    public static async Task<List<T>> ToListAsync<T>(this IAsyncEnumerable<T> items, CancellationToken ct, int capacity = 0)
    {
        var list = new List<T>(capacity);
        await foreach (var item in items.WithCancellation(ct))
        {
            list.Add(item);
        }
        return list;
    }
}
