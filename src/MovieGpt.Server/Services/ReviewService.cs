using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MovieGpt.Sentiment;
using MovieGpt.Server.Contracts;
using MovieGpt.Server.Data;
using MovieGpt.Server.Data.Idempotency;

namespace MovieGpt.Server.Services;

/// <summary>Like <see cref="MovieService"/>, each call that needs a context leases one of its own (safe for concurrent callers).</summary>
public sealed class ReviewService(
    IServiceScopeFactory scopes, ICatalogReader catalog, MovieTitleCache titles, IReviewStore store, TimeProvider clock,
    CurrentIdempotentWrite idempotency, IOptions<JsonOptions> json)
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

    public async Task<ReviewResponse?> CreateAsync(CreateReviewRequest request, CancellationToken ct = default)
    {
        if (!titles.TryGet(request.MovieId, out var title))
        {
            if (await catalog.MovieTitleAsync(request.MovieId, ct) is not { } found)
            {
                return null;
            }
            titles.Add(request.MovieId, title = found);
        }
        // The store scores the review before it writes anything: if the engine fails, the request fails and nothing is stored.
        // With a key, the writer records the answer in the review's own transaction.
        Func<Review, IdempotencyRecord>? answer = idempotency.Write is { } key
            ? stored => key.Answer(StatusCodes.Status201Created, $"/api/reviews/{stored.Id}",
                JsonSerializer.Serialize(Response(stored, title), json.Value.SerializerOptions))
            : null;
        var review = await store.StoreAsync(new NewReview(request.MovieId, request.Author.Trim(), request.Content.Trim(), clock.UtcNow(), answer)
        {
            UserRating = request.UserRating,
            Spoiler = request.Spoiler,
        });
        // The movie may have been deleted since it was found (or cached).
        if (review is null)
        {
            titles.Remove(request.MovieId);
            return null;
        }
        return Response(review, title);
    }

    private static ReviewResponse Response(Review review, string title) =>
        new(review.Id, review.MovieId, title, review.Author, review.Content, review.SentimentLabel,
            review.SentimentScore, new SentimentProbabilities(review.ProbabilityNegative, review.ProbabilityNeutral, review.ProbabilityPositive),
            review.PredictedRating, review.CreatedAt, AspectJson.Parse(review.Aspects), review.UserRating, review.Spoiler);

    public Task<bool> DeleteAsync(int id, CancellationToken ct = default) =>
        WithDbAsync(async db => await db.Reviews.Where(r => r.Id == id).ExecuteDeleteAsync(ct) > 0);

    public Task<ReviewStatsResponse> GetStatsAsync(int? movieId = null, CancellationToken ct = default) =>
        ReviewStatistics.ComputeAsync(catalog, movieId, ct);

    private async Task<T> WithDbAsync<T>(Func<MovieGptDbContext, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<MovieGptDbContext>());
    }
}
