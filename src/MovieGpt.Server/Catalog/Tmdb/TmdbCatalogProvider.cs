using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using MovieGpt.Server.Contracts;

namespace MovieGpt.Server.Catalog.Tmdb;

/// <summary>
/// TMDB as the movie catalog: Korean titles and plots (<see cref="TmdbOptions.Language"/>), falling back to the original
/// title where TMDB has no Korean one; posters under <see cref="TmdbOptions.ImageBaseUrl"/>; answers cached by <see cref="TmdbCache"/>.
/// Records are cut to the movie's limits (<see cref="MovieLimits"/>), so any of them can be stored.
/// </summary>
public sealed class TmdbCatalogProvider(TmdbClient client, TmdbCache cache, IOptions<TmdbOptions> options) : ICatalogProvider
{
    public const string NotConfigured =
        "The movie catalog is not configured: set Tmdb:ApiKey (environment variable Tmdb__ApiKey) to a TMDB v3 API key or v4 read access token.";

    public bool IsEnabled => options.Value.IsConfigured;

    public string Source => "tmdb";

    public async Task<IReadOnlyList<CatalogSearchHit>> SearchAsync(string query, int limit, CancellationToken ct)
    {
        EnsureEnabled();
        var normalized = string.Join(' ', query.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var hits = await cache.GetOrAddAsync($"search:{options.Value.Language}:{normalized}", async token =>
        {
            var page = await client.SearchAsync(normalized, token);
            return (IReadOnlyList<CatalogSearchHit>)[.. page.Results!.Where(r => r.Id > 0).Select(ToHit).OfType<CatalogSearchHit>()];
        }, ct);
        return [.. hits.Take(limit)];
    }

    public async Task<CatalogMovie> GetAsync(int id, CancellationToken ct)
    {
        EnsureEnabled();
        if (id <= 0)
        {
            throw new CatalogException(CatalogFailure.NotFound, "TMDB ids are positive.");
        }
        return await cache.GetOrAddAsync($"movie:{options.Value.Language}:{id}", async token => ToMovie(await client.MovieAsync(id, token)), ct);
    }

    private void EnsureEnabled()
    {
        if (!IsEnabled)
        {
            throw new CatalogException(CatalogFailure.NotConfigured, NotConfigured);
        }
    }

    private CatalogSearchHit? ToHit(TmdbSearchResult result) =>
        TitleOf(result.Title, result.OriginalTitle) is { } title
            ? new CatalogSearchHit(result.Id, title, Text(result.OriginalTitle, MovieLimits.MaxTitle), YearOf(result.ReleaseDate), PosterOf(result.PosterPath), Text(result.Overview, MovieLimits.MaxPlot))
            : null;

    private CatalogMovie ToMovie(TmdbMovie movie)
    {
        var title = TitleOf(movie.Title, movie.OriginalTitle)
            ?? throw new CatalogException(CatalogFailure.BadGateway, $"TMDB's record of movie {movie.Id} has no title.");
        var directors = Names(movie.Credits?.Crew?.Where(c => c.Job == "Director").Select(c => c.Name));
        var cast = Names(movie.Credits?.Cast?.OrderBy(c => c.Order).Select(c => c.Name)).Take(MovieLimits.MaxNames);
        return new CatalogMovie(
            movie.Id,
            $"{Source}:{movie.Id}",
            title,
            Text(movie.OriginalTitle, MovieLimits.MaxTitle),
            Text(movie.ReleaseDate, 50),
            YearOf(movie.ReleaseDate),
            PosterOf(movie.PosterPath),
            Text(movie.Overview, MovieLimits.MaxPlot),
            directors.Count == 0 ? null : Text(string.Join(", ", directors), 100),
            [.. cast],
            Genres(movie.Genres),
            [.. Names(movie.ProductionCountries?.Select(c => CountryNames.Of(c.Iso31661, c.Name))).Take(MovieLimits.MaxNames)],
            movie.Runtime is > 0 and <= MovieLimits.MaxRuntime ? movie.Runtime : null);
    }

    // The Korean title, or the original one where TMDB has no Korean title.
    private static string? TitleOf(string? title, string? original) => Text(title, MovieLimits.MaxTitle) ?? Text(original, MovieLimits.MaxTitle);

    private string? PosterOf(string? path) =>
        string.IsNullOrWhiteSpace(path) ? null : $"{options.Value.ImageBaseUrl.TrimEnd('/')}/{path.Trim().TrimStart('/')}";

    private static int? YearOf(string? date) =>
        date is { Length: >= 4 } && int.TryParse(date.AsSpan(0, 4), out var year) && year > 1800 ? year : null;

    // As many genres, in TMDB's order, as fit the prototype's genre string (joined with ", ").
    private static List<string> Genres(List<TmdbGenre>? genres)
    {
        var kept = new List<string>();
        var length = 0;
        foreach (var name in Names(genres?.Select(g => g.Name)).Take(MovieLimits.MaxNames))
        {
            length += (kept.Count == 0 ? 0 : 2) + name.Length;
            if (length > MovieLimits.MaxGenreText)
            {
                break;
            }
            kept.Add(name);
        }
        return kept;
    }

    private static List<string> Names(IEnumerable<string?>? names) =>
        names is null ? [] : [.. names.Select(n => Text(n, MovieLimits.MaxName)).OfType<string>().Distinct()];

    // Trimmed, cut to the limit, null when blank; U+0000 (which PostgreSQL cannot store) dropped.
    private static string? Text(string? value, int max)
    {
        var text = value?.Replace("\0", "").Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        // Never cut between the two halves of a surrogate pair (an emoji, say): half of one cannot be stored.
        var cut = text.Length <= max ? text.Length : char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return text[..cut].TrimEnd();
    }
}

/// <summary>
/// TMDB's answers kept in memory for <see cref="TmdbOptions.CacheMinutes"/>, at most <see cref="TmdbOptions.CacheEntries"/>
/// of them (a cache of its own, so its size limit binds no one else); failures are not kept. Concurrent lookups of one
/// key share one upstream call (a search typed by several users, a popular movie), so a burst costs TMDB's rate limit
/// one request: the call runs to its end even if the request that started it is aborted, and each caller stops
/// waiting on its own cancellation.
/// </summary>
public sealed class TmdbCache(IOptions<TmdbOptions> options) : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = options.Value.CacheEntries });
    private readonly ConcurrentDictionary<string, Lazy<Task<object>>> _loading = new();

    internal async Task<T> GetOrAddAsync<T>(string key, Func<CancellationToken, Task<T>> load, CancellationToken ct) where T : class
    {
        if (_cache.TryGetValue(key, out T? cached) && cached is not null)
        {
            return cached;
        }
        // Lazy: GetOrAdd may build a value that loses the race, and only the winner's may start a call.
        var loading = _loading.GetOrAdd(key, k => new Lazy<Task<object>>(() => LoadAsync(k, load)));
        return (T)await loading.Value.WaitAsync(ct);
    }

    private async Task<object> LoadAsync<T>(string key, Func<CancellationToken, Task<T>> load) where T : class
    {
        try
        {
            var value = await load(CancellationToken.None);
            if (options.Value.CacheMinutes > 0)
            {
                _cache.Set(key, value, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(options.Value.CacheMinutes) });
            }
            return value;
        }
        finally
        {
            // Set before this: a lookup from now on finds the answer in the cache, or (a failure) calls again.
            _loading.TryRemove(key, out _);
        }
    }

    public void Dispose() => _cache.Dispose();
}
