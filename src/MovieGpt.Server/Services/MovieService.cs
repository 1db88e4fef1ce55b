using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MovieGpt.Server.Contracts;
using MovieGpt.Server.Data;
using MovieGpt.Server.Data.Idempotency;

namespace MovieGpt.Server.Services;

/// <summary>
/// Each call leases a pooled context of its own and returns it when done, so one instance serves concurrent callers:
/// a Blazor circuit keeps its scope (and so this service) for the whole visit, and its components load in parallel.
/// </summary>
public sealed class MovieService(
    IServiceScopeFactory scopes, ICatalogReader catalog, MovieTitleCache titles, TimeProvider clock,
    CurrentIdempotentWrite idempotency, IWriteGate writeGate, IOptions<JsonOptions> json)
    : IMovieService
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
            if (idempotency.Write is not { } key)
            {
                await db.SaveChangesAsync(ct);
                return Created(movie);
            }
            return await writeGate.RunAsync(() => CreateWithKeyAsync(db, movie, key, ct), ct);
        });

    // The movie and its key's answer in one transaction: a key is stored exactly when its movie is.
    private async Task<MovieResponse> CreateWithKeyAsync(MovieGptDbContext db, Movie movie, IdempotentWrite key, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        var created = Created(movie);
        db.IdempotencyRecords.Add(key.Answer(StatusCodes.Status201Created, $"/api/movies/{movie.Id}",
            JsonSerializer.Serialize(created, json.Value.SerializerOptions)));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (IdempotencyStore.IsKeyTaken(e))
        {
            throw new IdempotencyKeyTakenException(e);
        }
        await transaction.CommitAsync(ct);
        return created;
    }

    private static MovieResponse Created(Movie movie) =>
        new(movie.Id, movie.Title, movie.ReleaseDate, movie.Director, movie.Genre, movie.PosterUrl, movie.CreatedAt, 0, 0);

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

    private static IQueryable<Movie> Search(MovieGptDbContext db, string? q)
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
