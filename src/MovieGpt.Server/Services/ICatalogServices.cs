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

    /// <summary>Scores and stores the review under the request's author, owned by no account; null when the movie does not exist.</summary>
    Task<ReviewResponse?> CreateAsync(CreateReviewRequest request, CancellationToken ct = default);

    /// <summary>
    /// Scores and stores the review if the caller may write: a signed-in caller's is theirs, under their 닉네임, and a
    /// second one of the movie is a conflict naming the first; an anonymous one (anonymous mode) is the request's author's.
    /// </summary>
    Task<WriteResult<ReviewResponse>> WriteAsync(CreateReviewRequest request, Caller caller, CancellationToken ct = default);

    /// <summary>Rescores the review with its new text and sets its edited_at, if the caller is its owner or an admin.</summary>
    Task<WriteResult<ReviewResponse>> UpdateAsync(int id, UpdateReviewRequest request, Caller caller, CancellationToken ct = default);

    /// <summary>Deletes without asking who wants it (seeding, tests).</summary>
    Task<bool> DeleteAsync(int id, CancellationToken ct = default);

    /// <summary>Deletes the review if the caller may (<see cref="Caller.MayDelete"/>).</summary>
    Task<WriteOutcome> DeleteAsync(int id, Caller caller, CancellationToken ct = default);

    /// <summary>Marks (or unmarks) the review 공감 for the signed-in caller, idempotently; answers its 공감 count.</summary>
    Task<WriteResult<int>> MarkHelpfulAsync(int id, bool helpful, Caller caller, CancellationToken ct = default);

    Task<ReviewResponse?> GetAsync(int id, CancellationToken ct = default);

    /// <summary>An account's reviews, newest first.</summary>
    Task<IReadOnlyList<ReviewResponse>> ListByUserAsync(int userId, int skip, int limit, CancellationToken ct = default);

    Task<int> CountByUserAsync(int userId, CancellationToken ct = default);

    /// <summary>The account's review of the movie, if it wrote one.</summary>
    Task<ReviewResponse?> FindByUserAsync(int userId, int movieId, CancellationToken ct = default);

    /// <summary>Which of the reviews the account has marked 공감.</summary>
    Task<IReadOnlySet<int>> HelpfulMarksAsync(int userId, IReadOnlyCollection<int> reviewIds, CancellationToken ct = default);

    /// <summary>Statistics of all reviews, or of one movie's.</summary>
    Task<ReviewStatsResponse> GetStatsAsync(int? movieId = null, CancellationToken ct = default);
}
