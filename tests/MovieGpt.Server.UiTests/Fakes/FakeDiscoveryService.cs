using MovieGpt.Server.Contracts;
using MovieGpt.Server.Services;

namespace MovieGpt.Server.UiTests.Fakes;

/// <summary>Answers set by the test, and the queries the pages asked with.</summary>
public sealed class FakeDiscoveryService : IDiscoveryService
{
    public RankingsResponse Rankings { get; set; } = new("all", null, 10, 0.6, 3, [], [], [], []);

    public List<MovieResponse> Recommended { get; } = [];

    public Dictionary<int, List<SimilarMovieResponse>> Similar { get; } = [];

    public List<RankingQuery> RankingQueries { get; } = [];

    public List<RecommendQuery> RecommendQueries { get; } = [];

    public Task<RankingsResponse> RankingsAsync(RankingQuery query, CancellationToken ct = default)
    {
        RankingQueries.Add(query);
        return Task.FromResult(Rankings with { Period = query.Period.ToString(), Genre = query.Genre });
    }

    /// <summary>When set, recommendations answer only once it completes (a slow database).</summary>
    public TaskCompletionSource? HoldRecommendations { get; set; }

    public async Task<IReadOnlyList<MovieResponse>> RecommendAsync(RecommendQuery query, CancellationToken ct = default)
    {
        RecommendQueries.Add(query);
        if (HoldRecommendations is { } hold)
        {
            await hold.Task;
        }
        return Recommended;
    }

    public Task<IReadOnlyList<SimilarMovieResponse>?> SimilarAsync(int movieId, int limit, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<SimilarMovieResponse>?>(Similar.GetValueOrDefault(movieId));

    public static RankedMovie Ranked(int id, string title, int? rank, int reviews, double adjusted = 0.7) =>
        new(rank, id, title, null, "감독", "드라마", null, reviews, adjusted + 0.05, adjusted, 0.7, 0.2, 1.5, rank is null);
}
