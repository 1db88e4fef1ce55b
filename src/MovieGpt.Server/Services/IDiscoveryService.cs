using MovieGpt.Server.Contracts;

namespace MovieGpt.Server.Services;

/// <summary>Rankings, recommendations and similar movies, for the REST endpoints and the Blazor pages alike.</summary>
public interface IDiscoveryService
{
    Task<RankingsResponse> RankingsAsync(RankingQuery query, CancellationToken ct = default);

    /// <summary>The movies that pass every filter of the query, best adjusted score first.</summary>
    Task<IReadOnlyList<MovieResponse>> RecommendAsync(RecommendQuery query, CancellationToken ct = default);

    /// <summary>Movies like the given one, most similar first; null when there is no such movie.</summary>
    Task<IReadOnlyList<SimilarMovieResponse>?> SimilarAsync(int movieId, int limit, CancellationToken ct = default);
}
