namespace MovieGpt.Server.Catalog;

/// <summary>
/// An outside movie catalog (TMDB, <see cref="Tmdb.TmdbCatalogProvider"/>) that movies can be looked up in and
/// registered from. Failures are <see cref="CatalogException"/>s saying what went wrong, never a made-up answer.
/// </summary>
public interface ICatalogProvider
{
    /// <summary>Whether the catalog is configured; without it every call throws <see cref="CatalogFailure.NotConfigured"/>.</summary>
    bool IsEnabled { get; }

    /// <summary>The source part of an external id, e.g. <c>tmdb</c> in <c>tmdb:496243</c>.</summary>
    string Source { get; }

    /// <summary>At most <paramref name="limit"/> hits, best first.</summary>
    Task<IReadOnlyList<CatalogSearchHit>> SearchAsync(string query, int limit, CancellationToken ct);

    /// <summary>The full record; <see cref="CatalogFailure.NotFound"/> when the catalog does not know the id.</summary>
    Task<CatalogMovie> GetAsync(int id, CancellationToken ct);
}

/// <summary>One search hit. Title is the Korean title, or the original one where the catalog has no Korean title.</summary>
public sealed record CatalogSearchHit(int Id, string Title, string? OriginalTitle, int? Year, string? PosterUrl, string? Overview);

/// <summary>A catalog's full record of a movie; <see cref="Actors"/> are the top billed, at most 10.</summary>
public sealed record CatalogMovie(
    int Id,
    string ExternalId,
    string Title,
    string? OriginalTitle,
    string? ReleaseDate,
    int? Year,
    string? PosterUrl,
    string? PlotSummary,
    string? Director,
    IReadOnlyList<string> Actors,
    IReadOnlyList<string> Genres,
    IReadOnlyList<string> Countries,
    int? RuntimeMinutes)
{
    /// <summary>The registered movie with this record's <see cref="ExternalId"/>, if any (filled by the API, not the provider).</summary>
    public int? MovieId { get; init; }
}

public enum CatalogFailure
{
    /// <summary>No catalog is configured: 503 naming the setting.</summary>
    NotConfigured,

    /// <summary>The catalog does not know the id: 404.</summary>
    NotFound,

    /// <summary>The catalog refused our credentials: 502 naming the key.</summary>
    Unauthorized,

    /// <summary>The catalog did not answer in time: 504.</summary>
    Timeout,

    /// <summary>The catalog answered something we cannot read, an error status, or not at all: 502.</summary>
    BadGateway,

    /// <summary>The catalog kept saying "too many requests" (or we stopped calling it for a while): 503 with Retry-After.</summary>
    RateLimited,
}

/// <summary>Why a catalog call failed; <see cref="RetryAfter"/> is set with <see cref="CatalogFailure.RateLimited"/>.</summary>
public sealed class CatalogException(CatalogFailure failure, string message, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(message, inner)
{
    public CatalogFailure Failure { get; } = failure;

    public TimeSpan? RetryAfter { get; } = retryAfter;
}
