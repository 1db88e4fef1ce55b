using Microsoft.EntityFrameworkCore;
using MovieGpt.Sentiment;
using MovieGpt.Server.Contracts;
using MovieGpt.Server.Data;

namespace MovieGpt.Server.Services;

public sealed class ReviewService(MovieGptDbContext db, ISentimentAnalyzer analyzer, TimeProvider clock) : IReviewService
{
    public async Task<IReadOnlyList<ReviewResponse>> ListAsync(int skip, int limit, int? movieId = null, CancellationToken ct = default) =>
        await Filter(movieId)
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
                r.CreatedAt))
            .ToListAsync(ct);

    public Task<int> CountAsync(int? movieId = null, CancellationToken ct = default) => Filter(movieId).CountAsync(ct);

    public async Task<ReviewResponse?> CreateAsync(CreateReviewRequest request, CancellationToken ct = default)
    {
        var title = await db.Movies.Where(m => m.Id == request.MovieId).Select(m => m.Title).FirstOrDefaultAsync(ct);
        if (title is null)
        {
            return null;
        }
        // Scored before anything is stored: if the engine fails, the request fails and nothing is written.
        var content = request.Content.Trim();
        var sentiment = analyzer.Analyze(content);
        var review = new Review
        {
            MovieId = request.MovieId,
            Author = request.Author.Trim(),
            Content = content,
            SentimentLabel = sentiment.Label,
            SentimentScore = sentiment.Score,
            ProbabilityNegative = sentiment.Probabilities.Negative,
            ProbabilityNeutral = sentiment.Probabilities.Neutral,
            ProbabilityPositive = sentiment.Probabilities.Positive,
            PredictedRating = sentiment.Rating,
            CreatedAt = clock.UtcNow(),
        };
        db.Reviews.Add(review);
        await db.SaveChangesAsync(ct);
        return new ReviewResponse(review.Id, review.MovieId, title, review.Author, review.Content, review.SentimentLabel,
            review.SentimentScore, sentiment.Probabilities, review.PredictedRating, review.CreatedAt);
    }

    public async Task<bool> DeleteAsync(int id, CancellationToken ct = default) =>
        await db.Reviews.Where(r => r.Id == id).ExecuteDeleteAsync(ct) > 0;

    public Task<ReviewStatsResponse> GetStatsAsync(int? movieId = null, CancellationToken ct = default) =>
        ReviewStatistics.ComputeAsync(Filter(movieId), ct);

    private IQueryable<Review> Filter(int? movieId)
    {
        var reviews = db.Reviews.AsNoTracking();
        return movieId is { } id ? reviews.Where(r => r.MovieId == id) : reviews;
    }
}
