using Microsoft.EntityFrameworkCore;
using MovieGpt.Server.Contracts;
using MovieGpt.Server.Data;

namespace MovieGpt.Server.Services;

/// <summary>
/// Each call leases a pooled context of its own and returns it when done, so one instance serves concurrent callers:
/// a Blazor circuit keeps its scope (and so this service) for the whole visit, and its components load in parallel.
/// </summary>
public sealed class MovieService(IServiceScopeFactory scopes, ICatalogReader catalog, MovieTitleCache titles, TimeProvider clock) : IMovieService
{
    public Task<IReadOnlyList<MovieResponse>> ListAsync(MovieListQuery query, CancellationToken ct = default) =>
        WithDbAsync<IReadOnlyList<MovieResponse>>(async db =>
        {
            var movies = Search(db, query.Q);
            movies = query.Sort switch
            {
                MovieSort.Reviews => movies.OrderByDescending(m => m.Tallies.Sum(t => t.ReviewCount)).ThenByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id),
                MovieSort.Score => movies
                    .OrderByDescending(m => m.Tallies.Sum(t => t.PositivitySum) / Math.Max(m.Tallies.Sum(t => t.ReviewCount), 1))
                    .ThenByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id),
                _ => movies.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id),
            };
            return await Project(movies.Skip(query.Skip).Take(query.Limit)).ToListAsync(ct);
        });

    public Task<int> CountAsync(string? q, CancellationToken ct = default) => WithDbAsync(db => Search(db, q).CountAsync(ct));

    public Task<IReadOnlyList<MovieResponse>> FindSameTitleAsync(string title, string? year, CancellationToken ct = default) =>
        WithDbAsync<IReadOnlyList<MovieResponse>>(async db =>
        {
            var key = SearchText.Normalize(title);
            if (key.Length == 0)
            {
                return [];
            }
            var prefix = key + SearchText.Separator;
            var movies = db.Movies.AsNoTracking().Where(m => m.SearchKey!.StartsWith(prefix));
            if (!string.IsNullOrWhiteSpace(year))
            {
                // A movie without a release date may be the same one.
                var y = year.Trim();
                movies = movies.Where(m => m.ReleaseDate == null || m.ReleaseDate.StartsWith(y));
            }
            return await Project(movies.OrderBy(m => m.Id).Take(5)).ToListAsync(ct);
        });

    public Task<MovieResponse?> GetAsync(int id, CancellationToken ct = default) =>
        WithDbAsync(db => Project(db.Movies.AsNoTracking().Where(m => m.Id == id)).FirstOrDefaultAsync(ct));

    public Task<bool> ExistsAsync(int id, CancellationToken ct = default) => catalog.MovieExistsAsync(id, ct);

    public Task<MovieResponse> CreateAsync(CreateMovieRequest request, CancellationToken ct = default) =>
        WithDbAsync(async db =>
        {
            var movie = new Movie
            {
                Title = request.Title.Trim(),
                ReleaseDate = Blank(request.ReleaseDate),
                Director = Blank(request.Director),
                Genre = Blank(request.Genre),
                PosterUrl = Blank(request.PosterUrl),
                CreatedAt = clock.UtcNow(),
            };
            db.Movies.Add(movie);
            await db.SaveChangesAsync(ct);
            return new MovieResponse(movie.Id, movie.Title, movie.ReleaseDate, movie.Director, movie.Genre, movie.PosterUrl, movie.CreatedAt, 0, 0);
        });

    // The foreign key's ON DELETE CASCADE removes the reviews in the same statement.
    public Task<bool> DeleteAsync(int id, CancellationToken ct = default)
    {
        titles.Remove(id);
        return WithDbAsync(async db => await db.Movies.Where(m => m.Id == id).ExecuteDeleteAsync(ct) > 0);
    }

    public async Task<MovieStatsResponse?> GetStatsAsync(int id, CancellationToken ct = default) =>
        await catalog.MovieTalliesAsync(id, ct) is { } movie
            ? new MovieStatsResponse(id, movie.Title, ReviewStatistics.From(movie.Groups, movie.Reviews), ReviewStatistics.Aspects(movie.Aspects))
            : null;

    private async Task<T> WithDbAsync<T>(Func<MovieGptDbContext, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<MovieGptDbContext>());
    }

    // On the columns the context keeps (SearchText): spacing, case and Unicode form do not matter, and a query of
    // initial consonants only (ㄱㅅㅊ) matches the initials. Contains is an escaped infix match on both databases.
    private static IQueryable<Movie> Search(MovieGptDbContext db, string? q)
    {
        var movies = db.Movies.AsNoTracking();
        var term = SearchText.Normalize(q);
        if (term.Length == 0)
        {
            return movies;
        }
        return SearchText.IsInitialsOnly(term)
            ? movies.Where(m => m.SearchInitials!.Contains(term))
            : movies.Where(m => m.SearchKey!.Contains(term));
    }

    // Counts and scores come from the movie's tallies (a few dozen rows), not from all of its reviews; 0 without any.
    private static IQueryable<MovieResponse> Project(IQueryable<Movie> movies) =>
        movies.Select(m => new MovieResponse(
            m.Id,
            m.Title,
            m.ReleaseDate,
            m.Director,
            m.Genre,
            m.PosterUrl,
            m.CreatedAt,
            m.Tallies.Sum(t => t.ReviewCount),
            m.Tallies.Sum(t => t.PositivitySum) / Math.Max(m.Tallies.Sum(t => t.ReviewCount), 1)));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
