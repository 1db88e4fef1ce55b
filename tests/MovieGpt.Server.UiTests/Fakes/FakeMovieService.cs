using MovieGpt.Server.Contracts;
using MovieGpt.Server.Data;
using MovieGpt.Server.Services;

namespace MovieGpt.Server.UiTests.Fakes;

/// <summary>An in-memory catalog of movies that remembers what the form asked it to store; lists newest first, q as the API's.</summary>
public sealed class FakeMovieService : IMovieService
{
    private readonly List<MovieResponse> _movies = [];

    public List<CreateMovieRequest> Created { get; } = [];

    /// <summary>How many times the catalog was listed (searched).</summary>
    public int Listed { get; private set; }

    public MovieResponse Add(string title, string? releaseDate = null, string? director = null, string? genre = null)
    {
        var movie = new MovieResponse(
            _movies.Count + 1, title, releaseDate, director, genre, null, new DateTime(2026, 11, 24, 12, 0, 0, DateTimeKind.Utc), 0, 0);
        _movies.Add(movie);
        return movie;
    }

    public Task<IReadOnlyList<MovieResponse>> ListAsync(MovieListQuery query, CancellationToken ct = default)
    {
        Listed++;
        return Task.FromResult<IReadOnlyList<MovieResponse>>(Search(query.Q).OrderByDescending(m => m.Id).Skip(query.Skip).Take(query.Limit).ToList());
    }

    public Task<int> CountAsync(string? q, CancellationToken ct = default) => Task.FromResult(Search(q).Count());

    public Task<MovieResponse?> GetAsync(int id, CancellationToken ct = default) =>
        Task.FromResult(_movies.FirstOrDefault(m => m.Id == id));

    /// <summary>When set, duplicate lookups answer only once it completes (a slow database).</summary>
    public TaskCompletionSource? HoldLookups { get; set; }

    public async Task<IReadOnlyList<MovieResponse>> FindSameTitleAsync(string title, string? year, CancellationToken ct = default)
    {
        if (HoldLookups is { } hold)
        {
            await hold.Task;
        }
        return _movies
            .Where(m => SearchText.Normalize(m.Title) == SearchText.Normalize(title)
                && (string.IsNullOrWhiteSpace(year) || m.ReleaseDate is null || m.ReleaseDate.StartsWith(year.Trim(), StringComparison.Ordinal)))
            .ToList();
    }

    public Task<MovieResponse> CreateAsync(CreateMovieRequest request, CancellationToken ct = default)
    {
        Created.Add(request);
        var movie = Add(request.Title.Trim()) with
        {
            Director = request.Director,
            Genre = request.Genre,
            PosterUrl = request.PosterUrl,
            Genres = request.GenreList(),
            Actors = request.ActorList(),
            PlotSummary = request.PlotSummary,
            ExternalId = request.ExternalId,
        };
        _movies[^1] = movie;
        return Task.FromResult(movie);
    }

    public Task<int?> FindByExternalIdAsync(string externalId, CancellationToken ct = default) =>
        Task.FromResult(_movies.FirstOrDefault(m => m.ExternalId == externalId)?.Id);

    public Task<bool> DeleteAsync(int id, CancellationToken ct = default) => Task.FromResult(_movies.RemoveAll(m => m.Id == id) > 0);

    private IEnumerable<MovieResponse> Search(string? q) =>
        string.IsNullOrWhiteSpace(q)
            ? _movies
            : _movies.Where(m => SearchText.IsInitialsOnly(SearchText.Normalize(q))
                ? SearchText.Initials(m.Title, m.Director, m.Genre).Contains(SearchText.Normalize(q), StringComparison.Ordinal)
                : SearchText.Key(m.Title, m.Director, m.Genre).Contains(SearchText.Normalize(q), StringComparison.Ordinal));

    public Task<MovieStatsResponse?> GetStatsAsync(int id, CancellationToken ct = default) =>
        throw new NotSupportedException("The form tests do not read statistics.");
}
