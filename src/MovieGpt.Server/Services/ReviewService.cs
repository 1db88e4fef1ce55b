using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MovieGpt.Sentiment;
using MovieGpt.Sentiment.Aspects;
using MovieGpt.Server.Contracts;
using MovieGpt.Server.Data;
using MovieGpt.Server.Data.Idempotency;

namespace MovieGpt.Server.Services;

/// <summary>
/// Like <see cref="MovieService"/>, each call that needs a context leases one of its own (safe for concurrent callers).
/// The calls that take a <see cref="Caller"/> apply the account rules (docs/accounts.md); the others do not.
/// </summary>
public sealed class ReviewService(
    IServiceScopeFactory scopes, ICatalogReader catalog, MovieTitleCache titles, IReviewStore store, TimeProvider clock,
    ISentimentAnalyzer analyzer, AspectAnalyzer aspects, CurrentIdempotentWrite idempotency, IOptions<JsonOptions> json)
    : IReviewService
{
    public async Task<IReadOnlyList<ReviewResponse>> ListAsync(int skip, int limit, ReviewQuery query, CancellationToken ct = default) =>
        await catalog.ReviewPageAsync(query.Normalized(), skip, limit, ct);

    public Task<int> CountAsync(ReviewQuery query, CancellationToken ct = default) => WithDbAsync(db =>
    {
        var reviews = query.MovieId is { } id ? db.Reviews.Where(r => r.MovieId == id) : db.Reviews;
        if (query.Aspects is { IsEmpty: false } filter)
        {
            string? aspect = filter.Aspect, label = filter.Label;
            reviews = reviews.Where(r => db.ReviewAspects.Any(a => a.ReviewId == r.Id
                && (aspect == null || a.Aspect == aspect) && (label == null || a.Label == label)));
        }
        if (query.Sentiment is { } sentiment)
        {
            reviews = reviews.Where(r => r.SentimentLabel == sentiment);
        }
        return reviews.CountAsync(ct);
    });

    public Task<ReviewResponse?> CreateAsync(CreateReviewRequest request, CancellationToken ct = default) =>
        StoreAsync(request, request.Author.Trim(), null, ct);

    public async Task<WriteResult<ReviewResponse>> WriteAsync(CreateReviewRequest request, Caller caller, CancellationToken ct = default)
    {
        if (!caller.MayWrite)
        {
            return WriteResult<ReviewResponse>.Of(caller.Refusal);
        }
        if (caller.UserId is not { } userId)
        {
            return Stored(await CreateAsync(request, ct));
        }
        // The index decides under a race (the writer answers DuplicateReviewException); this spares the engine's work.
        if (await ExistingReviewIdAsync(userId, request.MovieId, ct) is { } existing)
        {
            return new(WriteOutcome.Conflict, null, existing);
        }
        try
        {
            return Stored(await StoreAsync(request, caller.DisplayName ?? request.Author.Trim(), userId, ct));
        }
        catch (DuplicateReviewException)
        {
            return new(WriteOutcome.Conflict, null, await ExistingReviewIdAsync(userId, request.MovieId, ct));
        }
    }

    public Task<WriteResult<ReviewResponse>> UpdateAsync(int id, UpdateReviewRequest request, Caller caller, CancellationToken ct = default)
    {
        if (!caller.IsSignedIn)
        {
            return Task.FromResult(WriteResult<ReviewResponse>.Of(WriteOutcome.Unauthorized));
        }
        return WithDbAsync(async db =>
        {
            var review = await db.Reviews.FirstOrDefaultAsync(r => r.Id == id, ct);
            if (review is null)
            {
                return WriteResult<ReviewResponse>.Of(WriteOutcome.NotFound);
            }
            if (!caller.MayEdit(review.UserId))
            {
                return WriteResult<ReviewResponse>.Of(caller.Refusal);
            }
            // Rescored as a new review would be; the triggers move its tallies and aspect rows along.
            var content = request.Content.Trim();
            var sentiment = analyzer.Analyze(content);
            review.Content = content;
            review.SentimentLabel = sentiment.Label;
            review.SentimentScore = sentiment.Score;
            review.ProbabilityNegative = sentiment.Probabilities.Negative;
            review.ProbabilityNeutral = sentiment.Probabilities.Neutral;
            review.ProbabilityPositive = sentiment.Probabilities.Positive;
            review.PredictedRating = sentiment.Rating;
            review.Aspects = AspectJson.Serialize(aspects.Analyze(content));
            if (request.HasUserRating)
            {
                review.UserRating = request.UserRating;
            }
            review.Spoiler = request.Spoiler ?? review.Spoiler;
            review.EditedAt = clock.UtcNow();
            await db.SaveChangesAsync(ct);
            return await GetAsync(id, ct) is { } updated ? WriteResult<ReviewResponse>.Done(updated) : WriteResult<ReviewResponse>.Of(WriteOutcome.NotFound);
        });
    }

    public Task<bool> DeleteAsync(int id, CancellationToken ct = default) =>
        WithDbAsync(async db => await db.Reviews.Where(r => r.Id == id).ExecuteDeleteAsync(ct) > 0);

    public async Task<WriteOutcome> DeleteAsync(int id, Caller caller, CancellationToken ct = default)
    {
        if (!caller.IsSignedIn && !caller.AnonymousWrites)
        {
            return WriteOutcome.Unauthorized;
        }
        return await WithDbAsync(async db =>
        {
            var owner = await db.Reviews.Where(r => r.Id == id).Select(r => new { r.UserId }).FirstOrDefaultAsync(ct);
            if (owner is null)
            {
                return WriteOutcome.NotFound;
            }
            if (!caller.MayDelete(owner.UserId))
            {
                return caller.Refusal;
            }
            return await db.Reviews.Where(r => r.Id == id).ExecuteDeleteAsync(ct) > 0 ? WriteOutcome.Done : WriteOutcome.NotFound;
        });
    }

    public Task<WriteResult<int>> MarkHelpfulAsync(int id, bool helpful, Caller caller, CancellationToken ct = default)
    {
        if (caller.UserId is not { } userId)
        {
            return Task.FromResult(WriteResult<int>.Of(WriteOutcome.Unauthorized));
        }
        return WithDbAsync(async db =>
        {
            var owner = await db.Reviews.Where(r => r.Id == id).Select(r => new { r.UserId }).FirstOrDefaultAsync(ct);
            if (owner is null)
            {
                return WriteResult<int>.Of(WriteOutcome.NotFound);
            }
            if (helpful && owner.UserId == userId)
            {
                return WriteResult<int>.Of(WriteOutcome.Forbidden);
            }
            if (!helpful)
            {
                await db.ReviewHelpfuls.Where(h => h.ReviewId == id && h.UserId == userId).ExecuteDeleteAsync(ct);
            }
            else if (!await db.ReviewHelpfuls.AnyAsync(h => h.ReviewId == id && h.UserId == userId, ct))
            {
                db.ReviewHelpfuls.Add(new ReviewHelpful { ReviewId = id, UserId = userId, CreatedAt = clock.UtcNow() });
                try
                {
                    await db.SaveChangesAsync(ct);
                }
                catch (DbUpdateException)
                {
                    // The same user's other request marked it first (marking is idempotent), or the review is gone.
                    db.ChangeTracker.Clear();
                    if (!await db.Reviews.AnyAsync(r => r.Id == id, ct))
                    {
                        return WriteResult<int>.Of(WriteOutcome.NotFound);
                    }
                    if (!await db.ReviewHelpfuls.AnyAsync(h => h.ReviewId == id && h.UserId == userId, ct))
                    {
                        throw;
                    }
                }
            }
            return WriteResult<int>.Done(await db.ReviewHelpfuls.CountAsync(h => h.ReviewId == id, ct));
        });
    }

    public Task<ReviewResponse?> GetAsync(int id, CancellationToken ct = default) => WithDbAsync(async db =>
        (await Project(db, db.Reviews.Where(r => r.Id == id)).FirstOrDefaultAsync(ct))?.Response());

    public Task<IReadOnlyList<ReviewResponse>> ListByUserAsync(int userId, int skip, int limit, CancellationToken ct = default) =>
        WithDbAsync<IReadOnlyList<ReviewResponse>>(async db =>
            [.. (await Project(db, db.Reviews.Where(r => r.UserId == userId).OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id))
                .Skip(skip).Take(limit).ToListAsync(ct)).Select(row => row.Response())]);

    public Task<int> CountByUserAsync(int userId, CancellationToken ct = default) =>
        WithDbAsync(db => db.Reviews.CountAsync(r => r.UserId == userId, ct));

    public Task<ReviewResponse?> FindByUserAsync(int userId, int movieId, CancellationToken ct = default) => WithDbAsync(async db =>
        (await Project(db, db.Reviews.Where(r => r.UserId == userId && r.MovieId == movieId)).FirstOrDefaultAsync(ct))?.Response());

    public Task<IReadOnlySet<int>> HelpfulMarksAsync(int userId, IReadOnlyCollection<int> reviewIds, CancellationToken ct = default) =>
        WithDbAsync<IReadOnlySet<int>>(async db => (await db.ReviewHelpfuls
            .Where(h => h.UserId == userId && reviewIds.Contains(h.ReviewId)).Select(h => h.ReviewId).ToListAsync(ct)).ToHashSet());

    public Task<ReviewStatsResponse> GetStatsAsync(int? movieId = null, CancellationToken ct = default) =>
        ReviewStatistics.ComputeAsync(catalog, movieId, ct);

    private static WriteResult<ReviewResponse> Stored(ReviewResponse? review) =>
        review is null ? WriteResult<ReviewResponse>.Of(WriteOutcome.NotFound) : WriteResult<ReviewResponse>.Done(review);

    private async Task<ReviewResponse?> StoreAsync(CreateReviewRequest request, string author, int? userId, CancellationToken ct)
    {
        var movieId = request.MovieId;
        if (!titles.TryGet(movieId, out var title))
        {
            if (await catalog.MovieTitleAsync(movieId, ct) is not { } found)
            {
                return null;
            }
            titles.Add(movieId, title = found);
        }
        // The store scores the review before it writes anything: if the engine fails, the request fails and nothing is stored.
        // With a key, the writer records the answer in the review's own transaction.
        Func<Review, IdempotencyRecord>? answer = idempotency.Write is { } key
            ? stored => key.Answer(StatusCodes.Status201Created, $"/api/reviews/{stored.Id}",
                JsonSerializer.Serialize(new ReviewRow(stored, title, 0).Response(), json.Value.SerializerOptions))
            : null;
        var review = await store.StoreAsync(new NewReview(request.MovieId, author, request.Content.Trim(), clock.UtcNow(), answer, userId)
        {
            UserRating = request.UserRating,
            Spoiler = request.Spoiler,
        });
        // The movie may have been deleted since it was found (or cached).
        if (review is null)
        {
            titles.Remove(movieId);
            return null;
        }
        return new ReviewRow(review, title, 0).Response();
    }

    private Task<int?> ExistingReviewIdAsync(int userId, int movieId, CancellationToken ct) => WithDbAsync(db =>
        db.Reviews.Where(r => r.UserId == userId && r.MovieId == movieId).Select(r => (int?)r.Id).FirstOrDefaultAsync(ct));

    private static IQueryable<ReviewRow> Project(MovieGptDbContext db, IQueryable<Review> reviews) =>
        reviews.AsNoTracking().Select(r => new ReviewRow(r, r.Movie!.Title, db.ReviewHelpfuls.Count(h => h.ReviewId == r.Id)));

    private async Task<T> WithDbAsync<T>(Func<MovieGptDbContext, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<MovieGptDbContext>());
    }

    private sealed record ReviewRow(Review Review, string? Title, int HelpfulCount)
    {
        public ReviewResponse Response() => new(Review.Id, Review.MovieId, Title, Review.Author, Review.Content, Review.SentimentLabel,
            Review.SentimentScore, new SentimentProbabilities(Review.ProbabilityNegative, Review.ProbabilityNeutral, Review.ProbabilityPositive),
            Review.PredictedRating, Review.CreatedAt, AspectJson.Parse(Review.Aspects), Review.UserRating, Review.Spoiler,
            Review.UserId, Review.EditedAt, HelpfulCount);
    }
}
