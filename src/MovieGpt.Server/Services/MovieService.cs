using Microsoft.EntityFrameworkCore;
using MovieGpt.Server.Contracts;
using MovieGpt.Server.Data;

namespace MovieGpt.Server.Services;

public sealed class MovieService(MovieGptDbContext db, ICatalogReader catalog, MovieTitleCache titles, TimeProvider clock) : IMovieService
{
    public async Task<IReadOnlyList<MovieResponse>> ListAsync(MovieListQuery query, CancellationToken ct = default)
    {
        var movies = Search(query.Q);
        movies = query.Sort switch
        {
            MovieSort.Reviews => movies.OrderByDescending(m => m.Tallies.Sum(t => t.ReviewCount)).ThenByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id),
            MovieSort.Score => movies
                .OrderByDescending(m => m.Tallies.Sum(t => t.PositivitySum) / Math.Max(m.Tallies.Sum(t => t.ReviewCount), 1))
                .ThenByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id),
            _ => movies.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id),
        };
        return await Project(movies.Skip(query.Skip).Take(query.Limit)).ToListAsync(ct);
    }

    public Task<int> CountAsync(string? q, CancellationToken ct = default) => Search(q).CountAsync(ct);

    public Task<MovieResponse?> GetAsync(int id, CancellationToken ct = default) =>
        Project(db.Movies.AsNoTracking().Where(m => m.Id == id)).FirstOrDefaultAsync(ct);

    public Task<bool> ExistsAsync(int id, CancellationToken ct = default) => catalog.MovieExistsAsync(id, ct);

    public async Task<MovieResponse> CreateAsync(CreateMovieRequest request, CancellationToken ct = default)
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
    }

    // The foreign key's ON DELETE CASCADE removes the reviews in the same statement.
    public async Task<bool> DeleteAsync(int id, CancellationToken ct = default)
    {
        titles.Remove(id);
        return await db.Movies.Where(m => m.Id == id).ExecuteDeleteAsync(ct) > 0;
    }

    public async Task<MovieStatsResponse?> GetStatsAsync(int id, CancellationToken ct = default) =>
        await catalog.MovieTalliesAsync(id, ct) is { } movie
            ? new MovieStatsResponse(id, movie.Title, ReviewStatistics.From(movie.Groups, movie.Reviews))
            : null;

    private IQueryable<Movie> Search(string? q)
    {
        var movies = db.Movies.AsNoTracking();
        if (string.IsNullOrWhiteSpace(q))
        {
            return movies;
        }
        var term = q.Trim().ToLower();
        return movies.Where(m =>
            m.Title.ToLower().Contains(term)
            || (m.Director != null && m.Director.ToLower().Contains(term))
            || (m.Genre != null && m.Genre.ToLower().Contains(term)));
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
