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

    public Task<List<ReviewResponse>> ReviewPageAsync(
        int? movieId, AspectFilter? filter, int skip, int limit, CancellationToken ct, ReviewSort sort = ReviewSort.Newest)
    {
        var reviews = Reviews(movieId);
        if (filter is not null)
        {
            string? aspect = filter.Aspect, label = filter.Label;
            reviews = reviews.Where(r => db.ReviewAspects.Any(a => a.ReviewId == r.Id
                && (aspect == null || a.Aspect == aspect) && (label == null || a.Label == label)));
        }
        // The aspects' JSON is parsed in the final projection, on the client.
        var rows = reviews.Select(r => new { Review = r, Helpful = db.ReviewHelpfuls.Count(h => h.ReviewId == r.Id) });
        var ordered = sort == ReviewSort.Helpful
            ? rows.OrderByDescending(r => r.Helpful).ThenByDescending(r => r.Review.CreatedAt).ThenByDescending(r => r.Review.Id)
            : rows.OrderByDescending(r => r.Review.CreatedAt).ThenByDescending(r => r.Review.Id);
        return ordered
            .Skip(skip).Take(limit)
            .Select(x => new ReviewResponse(x.Review.Id, x.Review.MovieId, x.Review.Movie!.Title, x.Review.Author, x.Review.Content,
                x.Review.SentimentLabel, x.Review.SentimentScore,
                new SentimentProbabilities(x.Review.ProbabilityNegative, x.Review.ProbabilityNeutral, x.Review.ProbabilityPositive),
                x.Review.PredictedRating, x.Review.CreatedAt, AspectJson.Parse(x.Review.Aspects), x.Review.UserId, x.Review.EditedAt, x.Helpful))
            .ToListAsync(ct);
    }

    public Task<List<ReviewGroup>> ReviewGroupsAsync(int? movieId, CancellationToken ct) => db.ReviewTallies
        .Where(t => movieId == null || t.MovieId == movieId)
        .GroupBy(t => new { t.SentimentLabel, t.RatingBin, t.Day })
        .Select(g => new ReviewGroup(g.Key.SentimentLabel, g.Key.RatingBin, g.Key.Day,
            g.Sum(t => t.ReviewCount), g.Sum(t => t.PositivitySum), g.Sum(t => t.RatingSum)))
        .ToListAsync(ct);

    public async Task<ReviewSpan> ReviewSpanAsync(int? movieId, CancellationToken ct) =>
        new(await Reviews(movieId).MinAsync(r => (DateTime?)r.CreatedAt, ct), await Reviews(movieId).MaxAsync(r => (DateTime?)r.CreatedAt, ct));

    private IQueryable<Review> Reviews(int? movieId) => db.Reviews.Where(r => movieId == null || r.MovieId == movieId);
}
