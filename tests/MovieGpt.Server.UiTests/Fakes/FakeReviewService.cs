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
        _ => reviews,
    };

    public Task<bool> DeleteAsync(int id, CancellationToken ct = default) => Task.FromResult(Stored.RemoveAll(r => r.Id == id) > 0);

    // Only the count is real: the pages under test show statistics but the tests check the reviews themselves.
    public Task<ReviewStatsResponse> GetStatsAsync(int? movieId = null, CancellationToken ct = default) =>
        Task.FromResult(new ReviewStatsResponse(
            Stored.Count(r => movieId is null || r.MovieId == movieId), 0, 0, 0, 0, 0, 0, 0, null, new int[10], null, null, []));
}
