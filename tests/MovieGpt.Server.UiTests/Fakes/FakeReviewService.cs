using MovieGpt.Sentiment;
using MovieGpt.Server.Contracts;
using MovieGpt.Server.Services;

namespace MovieGpt.Server.UiTests.Fakes;

/// <summary>Stores reviews in memory, scored by whatever analyzer the test hands it.</summary>
public sealed class FakeReviewService(ISentimentAnalyzer analyzer) : IReviewService
{
    public List<ReviewResponse> Stored { get; } = [];

    public Task<IReadOnlyList<ReviewResponse>> ListAsync(int skip, int limit, ReviewQuery query, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<ReviewResponse>>(Ordered(Stored.Where(r => Matches(r, query)), query.Sort).Skip(skip).Take(limit).ToList());

    public Task<int> CountAsync(ReviewQuery query, CancellationToken ct = default) => Task.FromResult(Stored.Count(r => Matches(r, query)));

    public Task<ReviewResponse?> CreateAsync(CreateReviewRequest request, CancellationToken ct = default)
    {
        var result = analyzer.Analyze(request.Content);
        var review = new ReviewResponse(
            Stored.Count + 1, request.MovieId, "영화", request.Author.Trim(), request.Content.Trim(),
            result.Label, result.Score, result.Probabilities, result.Rating, new DateTime(2026, 11, 24, 12, 0, 0, DateTimeKind.Utc), [],
            request.UserRating, request.Spoiler);
        Stored.Add(review);
        return Task.FromResult<ReviewResponse?>(review);
    }

    /// <summary>As the real service in anonymous mode or for a signed-in caller (under their 닉네임, as theirs).</summary>
    public async Task<WriteResult<ReviewResponse>> WriteAsync(CreateReviewRequest request, Caller caller, CancellationToken ct = default)
    {
        if (!caller.MayWrite)
        {
            return WriteResult<ReviewResponse>.Of(caller.Refusal);
        }
        if (caller.UserId is { } userId && Stored.FirstOrDefault(r => r.UserId == userId && r.MovieId == request.MovieId) is { } existing)
        {
            return new(WriteOutcome.Conflict, null, existing.Id);
        }
        var review = (await CreateAsync(request, ct))!;
        var owned = review with { UserId = caller.UserId, Author = caller.DisplayName ?? review.Author };
        Stored[Stored.IndexOf(review)] = owned;
        return WriteResult<ReviewResponse>.Done(owned);
    }

    public Task<WriteResult<ReviewResponse>> UpdateAsync(int id, UpdateReviewRequest request, Caller caller, CancellationToken ct = default)
    {
        var index = Stored.FindIndex(r => r.Id == id);
        if (index < 0)
        {
            return Task.FromResult(WriteResult<ReviewResponse>.Of(WriteOutcome.NotFound));
        }
        if (!caller.MayEdit(Stored[index].UserId))
        {
            return Task.FromResult(WriteResult<ReviewResponse>.Of(caller.Refusal));
        }
        var result = analyzer.Analyze(request.Content);
        Stored[index] = Stored[index] with
        {
            Content = request.Content.Trim(), SentimentLabel = result.Label, SentimentScore = result.Score,
            SentimentProbabilities = result.Probabilities, PredictedRating = result.Rating, EditedAt = new DateTime(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc),
            UserRating = request.HasUserRating ? request.UserRating : Stored[index].UserRating, Spoiler = request.Spoiler ?? Stored[index].Spoiler,
        };
        return Task.FromResult(WriteResult<ReviewResponse>.Done(Stored[index]));
    }

    public Task<WriteOutcome> DeleteAsync(int id, Caller caller, CancellationToken ct = default)
    {
        var review = Stored.FirstOrDefault(r => r.Id == id);
        if (review is null)
        {
            return Task.FromResult(WriteOutcome.NotFound);
        }
        if (!caller.MayDelete(review.UserId))
        {
            return Task.FromResult(caller.Refusal);
        }
        Stored.Remove(review);
        return Task.FromResult(WriteOutcome.Done);
    }

    /// <summary>Who marked which review 공감: (review id, user id).</summary>
    public HashSet<(int ReviewId, int UserId)> Helpful { get; } = [];

    /// <summary>As the real service: signed in only, never one's own review, idempotent; answers the new count.</summary>
    public Task<WriteResult<int>> MarkHelpfulAsync(int id, bool helpful, Caller caller, CancellationToken ct = default)
    {
        if (caller.UserId is not { } userId)
        {
            return Task.FromResult(WriteResult<int>.Of(WriteOutcome.Unauthorized));
        }
        var index = Stored.FindIndex(r => r.Id == id);
        if (index < 0)
        {
            return Task.FromResult(WriteResult<int>.Of(WriteOutcome.NotFound));
        }
        if (helpful && Stored[index].UserId == userId)
        {
            return Task.FromResult(WriteResult<int>.Of(WriteOutcome.Forbidden));
        }
        if (helpful)
        {
            Helpful.Add((id, userId));
        }
        else
        {
            Helpful.Remove((id, userId));
        }
        var count = Helpful.Count(h => h.ReviewId == id);
        Stored[index] = Stored[index] with { HelpfulCount = count };
        return Task.FromResult(WriteResult<int>.Done(count));
    }

    public Task<ReviewResponse?> GetAsync(int id, CancellationToken ct = default) => Task.FromResult(Stored.FirstOrDefault(r => r.Id == id));

    public Task<IReadOnlyList<ReviewResponse>> ListByUserAsync(int userId, int skip, int limit, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<ReviewResponse>>([.. Stored.Where(r => r.UserId == userId).Skip(skip).Take(limit)]);

    public Task<int> CountByUserAsync(int userId, CancellationToken ct = default) => Task.FromResult(Stored.Count(r => r.UserId == userId));

    public Task<ReviewResponse?> FindByUserAsync(int userId, int movieId, CancellationToken ct = default) =>
        Task.FromResult(Stored.FirstOrDefault(r => r.UserId == userId && r.MovieId == movieId));

    public Task<IReadOnlySet<int>> HelpfulMarksAsync(int userId, IReadOnlyCollection<int> reviewIds, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlySet<int>>(Helpful.Where(h => h.UserId == userId && reviewIds.Contains(h.ReviewId)).Select(h => h.ReviewId).ToHashSet());

    private static bool Matches(ReviewResponse review, ReviewQuery query) =>
        (query.MovieId is null || review.MovieId == query.MovieId)
        && (query.Sentiment is null || review.SentimentLabel == query.Sentiment)
        && (query.Aspects is not { IsEmpty: false } filter
            || review.Aspects.Any(a => (filter.Aspect is null || a.Aspect == filter.Aspect) && (filter.Label is null || a.Label == filter.Label)));

    // Stored in order of writing: newest last.
    private static IEnumerable<ReviewResponse> Ordered(IEnumerable<ReviewResponse> reviews, ReviewSort sort) => sort switch
    {
        ReviewSort.RatingDesc => reviews.OrderByDescending(r => r.UserRating ?? r.PredictedRating).ThenByDescending(r => r.Id),
        ReviewSort.RatingAsc => reviews.OrderBy(r => r.UserRating ?? r.PredictedRating).ThenByDescending(r => r.Id),
        ReviewSort.Helpful => reviews.OrderByDescending(r => r.HelpfulCount).ThenByDescending(r => r.Id),
        _ => reviews,
    };

    public Task<bool> DeleteAsync(int id, CancellationToken ct = default) => Task.FromResult(Stored.RemoveAll(r => r.Id == id) > 0);

    // Only the count is real: the pages under test show statistics but the tests check the reviews themselves.
    public Task<ReviewStatsResponse> GetStatsAsync(int? movieId = null, CancellationToken ct = default) =>
        Task.FromResult(new ReviewStatsResponse(
            Stored.Count(r => movieId is null || r.MovieId == movieId), 0, 0, 0, 0, 0, 0, 0, null, new int[10], null, null, []));
}
