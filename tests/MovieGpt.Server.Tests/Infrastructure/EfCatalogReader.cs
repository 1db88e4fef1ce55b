using Microsoft.EntityFrameworkCore;
using MovieGpt.Sentiment;
using MovieGpt.Server.Contracts;
using MovieGpt.Server.Data;
using MovieGpt.Server.Services;

namespace MovieGpt.Server.Tests.Infrastructure;

/// <summary>
/// The catalog reads written as EF queries over the model: the reference the server's hand-written SQL
/// (<see cref="CatalogSql"/>) is held to. A null movie id means every movie's reviews.
/// </summary>
public sealed class EfCatalogReader(MovieGptDbContext db) : ICatalogReader
{
    public Task<string?> MovieTitleAsync(int movieId, CancellationToken ct) =>
        db.Movies.Where(m => m.Id == movieId).Select(m => m.Title).FirstOrDefaultAsync(ct);

    public Task<bool> MovieExistsAsync(int movieId, CancellationToken ct) => db.Movies.AnyAsync(m => m.Id == movieId, ct);

    public async Task<MovieTallies?> MovieTalliesAsync(int movieId, CancellationToken ct)
    {
        var header = await db.Movies
            .Where(m => m.Id == movieId)
            .Select(m => new { m.Title, First = m.Reviews.Min(r => (DateTime?)r.CreatedAt), Last = m.Reviews.Max(r => (DateTime?)r.CreatedAt) })
            .FirstOrDefaultAsync(ct);
        if (header is null)
        {
            return null;
        }
        var aspects = await db.ReviewAspects
            .Where(a => a.MovieId == movieId)
            .GroupBy(a => new { a.Aspect, a.Label })
            .Select(g => new AspectCount(g.Key.Aspect, g.Key.Label, g.Count()))
            .ToListAsync(ct);
        return new MovieTallies(header.Title, new ReviewSpan(header.First, header.Last), await ReviewGroupsAsync(movieId, ct), aspects);
    }

    public Task<List<ReviewResponse>> ReviewPageAsync(ReviewQuery query, int skip, int limit, CancellationToken ct)
    {
        var reviews = Reviews(query.MovieId);
        if (query.Aspects is { } filter)
        {
            string? aspect = filter.Aspect, label = filter.Label;
            reviews = reviews.Where(r => db.ReviewAspects.Any(a => a.ReviewId == r.Id
                && (aspect == null || a.Aspect == aspect) && (label == null || a.Label == label)));
        }
        if (query.Sentiment is { } sentiment)
        {
            reviews = reviews.Where(r => r.SentimentLabel == sentiment);
        }
        var ordered = query.Sort switch
        {
            ReviewSort.RatingDesc => reviews.OrderByDescending(r => (double?)r.UserRating ?? r.PredictedRating).ThenByDescending(r => r.CreatedAt),
            ReviewSort.RatingAsc => reviews.OrderBy(r => (double?)r.UserRating ?? r.PredictedRating).ThenByDescending(r => r.CreatedAt),
            _ => reviews.OrderByDescending(r => r.CreatedAt),
        };
        // The aspects' JSON is parsed in the final projection, on the client.
        return ordered.ThenByDescending(r => r.Id)
            .Skip(skip).Take(limit)
            .Select(r => new ReviewResponse(r.Id, r.MovieId, r.Movie!.Title, r.Author, r.Content, r.SentimentLabel, r.SentimentScore,
                new SentimentProbabilities(r.ProbabilityNegative, r.ProbabilityNeutral, r.ProbabilityPositive), r.PredictedRating, r.CreatedAt,
                AspectJson.Parse(r.Aspects), r.UserRating, r.Spoiler))
            .ToListAsync(ct);
    }

    public Task<List<ReviewGroup>> ReviewGroupsAsync(int? movieId, CancellationToken ct) => db.ReviewTallies
        .Where(t => movieId == null || t.MovieId == movieId)
        .GroupBy(t => new { t.SentimentLabel, t.RatingBin, t.Day })
        .Select(g => new ReviewGroup(g.Key.SentimentLabel, g.Key.RatingBin, g.Key.Day,
            g.Sum(t => t.ReviewCount), g.Sum(t => t.PositivitySum), g.Sum(t => t.RatingSum), g.Sum(t => t.UserRatingCount), g.Sum(t => t.UserRatingSum)))
        .ToListAsync(ct);

    public async Task<ReviewSpan> ReviewSpanAsync(int? movieId, CancellationToken ct) =>
        new(await Reviews(movieId).MinAsync(r => (DateTime?)r.CreatedAt, ct), await Reviews(movieId).MaxAsync(r => (DateTime?)r.CreatedAt, ct));

    private IQueryable<Review> Reviews(int? movieId) => db.Reviews.Where(r => movieId == null || r.MovieId == movieId);
}
