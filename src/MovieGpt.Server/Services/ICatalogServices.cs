using MovieGpt.Server.Contracts;

namespace MovieGpt.Server.Services;

/// <summary>
/// Movies, for the REST endpoints and the Blazor pages alike (components never see the DbContext). Calls may overlap:
/// a page loads its parts in parallel on the one instance its circuit holds.
/// </summary>
public interface IMovieService
{
    Task<IReadOnlyList<MovieResponse>> ListAsync(MovieListQuery query, CancellationToken ct = default);

    Task<int> CountAsync(string? q, CancellationToken ct = default);

    Task<MovieResponse?> GetAsync(int id, CancellationToken ct = default);

    /// <summary>
    /// Movies with the same title (as search compares titles: spacing and case aside) released in <paramref name="year"/>
    /// (or without a release date); any year when it is blank. For the movie form's duplicate warning; at most five.
    /// </summary>
    Task<IReadOnlyList<MovieResponse>> FindSameTitleAsync(string title, string? year, CancellationToken ct = default);

    /// <summary>Whether the movie exists, for callers that need no figures (the implementation skips the aggregates).</summary>
    async Task<bool> ExistsAsync(int id, CancellationToken ct = default) => await GetAsync(id, ct) is not null;

    /// <summary>Stores the movie; throws <see cref="ExternalIdTakenException"/> when its external id is already registered.</summary>
    Task<MovieResponse> CreateAsync(CreateMovieRequest request, CancellationToken ct = default);

    /// <summary>The id of the movie registered with this external id (e.g. <c>tmdb:496243</c>), if any.</summary>
    Task<int?> FindByExternalIdAsync(string externalId, CancellationToken ct = default);

    /// <summary>Deletes the movie and (by the database's ON DELETE CASCADE) its reviews; false when there was none.</summary>
    Task<bool> DeleteAsync(int id, CancellationToken ct = default);

    Task<MovieStatsResponse?> GetStatsAsync(int id, CancellationToken ct = default);
}

/// <summary>A movie with this external id is already registered (the unique index holds it under races too).</summary>
public sealed class ExternalIdTakenException(string externalId, int movieId)
    : Exception($"The catalog record {externalId} is already registered as movie {movieId}.")
{
    public string ExternalId { get; } = externalId;

    public int MovieId { get; } = movieId;
}

/// <summary>Reviews, scored by the sentiment engine as they are stored; calls may overlap, as on <see cref="IMovieService"/>.</summary>
public interface IReviewService
{
    /// <summary>
    /// Newest first; only one movie's when <paramref name="movieId"/> is set, only those that say the filter's label
    /// about its aspect when <paramref name="filter"/> is (its values must be known aspect and label names).
    /// </summary>
    Task<IReadOnlyList<ReviewResponse>> ListAsync(int skip, int limit, int? movieId = null, AspectFilter? filter = null, CancellationToken ct = default) =>
        ListAsync(skip, limit, new ReviewQuery(movieId, filter), ct);

    /// <summary>The reviews the query selects, in its order (its names must be known aspect and label names).</summary>
    Task<IReadOnlyList<ReviewResponse>> ListAsync(int skip, int limit, ReviewQuery query, CancellationToken ct = default);

    /// <summary>How many reviews <see cref="ListAsync(int, int, int?, AspectFilter?, CancellationToken)"/> pages through.</summary>
    Task<int> CountAsync(int? movieId = null, AspectFilter? filter = null, CancellationToken ct = default) =>
        CountAsync(new ReviewQuery(movieId, filter), ct);

    /// <summary>How many reviews <see cref="ListAsync(int, int, ReviewQuery, CancellationToken)"/> pages through.</summary>
    Task<int> CountAsync(ReviewQuery query, CancellationToken ct = default);

    /// <summary>Scores and stores the review; null when the movie does not exist.</summary>
    Task<ReviewResponse?> CreateAsync(CreateReviewRequest request, CancellationToken ct = default);

    Task<bool> DeleteAsync(int id, CancellationToken ct = default);

    /// <summary>Statistics of all reviews, or of one movie's.</summary>
    Task<ReviewStatsResponse> GetStatsAsync(int? movieId = null, CancellationToken ct = default);
}
