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
    IServiceScopeFactory scopes, ICatalogReader catalog, MovieTitleCache titles, ScorePrior prior, TimeProvider clock,
    CurrentIdempotentWrite idempotency, IWriteGate writeGate, IOptions<JsonOptions> json)
    : IMovieService
{
    public async Task<IReadOnlyList<MovieResponse>> ListAsync(MovieListQuery query, CancellationToken ct = default)
    {
        var weights = await prior.GetAsync(ct);
        return await WithDbAsync<IReadOnlyList<MovieResponse>>(async db =>
        {
            var movies = Search(db, query.Q);
            // score: the adjusted score (sum + m·C)/(v + m), so one glowing review does not outrank a hundred good ones;
            // a movie without reviews has no score yet and comes after those that have one.
            double weight = weights.Weight, weighted = weights.Weight * weights.Score;
            movies = query.Sort switch
            {
                MovieSort.Reviews => movies.OrderByDescending(m => m.Tallies.Sum(t => t.ReviewCount)).ThenByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id),
                MovieSort.Score => movies
                    .OrderBy(m => m.Tallies.Sum(t => t.ReviewCount) == 0)
                    .ThenByDescending(m => (m.Tallies.Sum(t => t.PositivitySum) + weighted) / (m.Tallies.Sum(t => t.ReviewCount) + weight))
                    .ThenByDescending(m => m.Tallies.Sum(t => t.ReviewCount))
                    .ThenByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id),
                _ => movies.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id),
            };
            return await Project(movies.Skip(query.Skip).Take(query.Limit), weights).ToListAsync(ct);
        });
    }

    public Task<int> CountAsync(string? q, CancellationToken ct = default) => WithDbAsync(db => Search(db, q).CountAsync(ct));

    public async Task<IReadOnlyList<MovieResponse>> FindSameTitleAsync(string title, string? year, CancellationToken ct = default)
    {
        var key = SearchText.Normalize(title);
        if (key.Length == 0)
        {
            return [];
        }
        var weights = await prior.GetAsync(ct);
        return await WithDbAsync<IReadOnlyList<MovieResponse>>(async db =>
        {
            var prefix = key + SearchText.Separator;
            var movies = db.Movies.AsNoTracking().Where(m => m.SearchKey!.StartsWith(prefix));
            if (!string.IsNullOrWhiteSpace(year))
            {
                // A movie without a release date may be the same one.
                var y = year.Trim();
                movies = movies.Where(m => m.ReleaseDate == null || m.ReleaseDate.StartsWith(y));
            }
            return await Project(movies.OrderBy(m => m.Id).Take(5), weights).ToListAsync(ct);
        });
    }

    public async Task<MovieResponse?> GetAsync(int id, CancellationToken ct = default)
    {
        var weights = await prior.GetAsync(ct);
        return await WithDbAsync(db => Project(db.Movies.AsNoTracking().Where(m => m.Id == id), weights).FirstOrDefaultAsync(ct));
    }

    public Task<bool> ExistsAsync(int id, CancellationToken ct = default) => catalog.MovieExistsAsync(id, ct);

    public async Task<MovieResponse> CreateAsync(CreateMovieRequest request, CancellationToken ct = default)
    {
        var weights = await prior.GetAsync(ct);
        return await WithDbAsync(async db =>
        {
            var externalId = Blank(request.ExternalId);
            if (externalId is not null && await ExistingAsync(db, externalId, ct) is { } existing)
            {
                throw new ExternalIdTakenException(externalId, existing);
            }
            var movie = new Movie
            {
                Title = request.Title.Trim(),
                OriginalTitle = Blank(request.OriginalTitle),
                ReleaseDate = Blank(request.ReleaseDate),
                Director = Blank(request.Director),
                Countries = [.. request.CountryList()],
                PlotSummary = Blank(request.PlotSummary),
                RuntimeMinutes = request.RuntimeMinutes,
                PosterUrl = Blank(request.PosterUrl),
                ExternalId = externalId,
                CreatedAt = clock.UtcNow(),
            };
            movie.SetPeopleAndGenres(request.GenreList(), request.ActorList());
            db.Movies.Add(movie);
            if (idempotency.Write is not { } key)
            {
                await SaveAsync(db, externalId, null, ct);
                return Created(movie, weights);
            }
            return await writeGate.RunAsync(() => CreateWithKeyAsync(db, movie, externalId, key, weights, ct), ct);
        });
    }

    public Task<int?> FindByExternalIdAsync(string externalId, CancellationToken ct = default) =>
        WithDbAsync(db => ExistingAsync(db, externalId, ct));

    // The movie and its key's answer in one transaction: a key is stored exactly when its movie is.
    private async Task<MovieResponse> CreateWithKeyAsync(
        MovieGptDbContext db, Movie movie, string? externalId, IdempotentWrite key, Prior weights, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await SaveAsync(db, externalId, transaction, ct);
        var created = Created(movie, weights);
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

    // Another request stored the same record between the check and the insert: the unique index refused this one.
    private static async Task SaveAsync(
        MovieGptDbContext db, string? externalId, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? transaction, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (externalId is not null)
        {
            if (transaction is not null)
            {
                // PostgreSQL reads nothing more in a transaction a statement failed in.
                await transaction.RollbackAsync(ct);
            }
            if (await ExistingAsync(db, externalId, ct) is { } raced)
            {
                throw new ExternalIdTakenException(externalId, raced);
            }
            throw;
        }
    }

    // No reviews yet: the raw mean is 0 and the adjusted score the prior C.
    private static MovieResponse Created(Movie movie, Prior weights) =>
        new(movie.Id, movie.Title, movie.ReleaseDate, movie.Director, movie.Genre, movie.PosterUrl, movie.CreatedAt, 0, 0)
        {
            AdjustedScore = weights.Score,
            OriginalTitle = movie.OriginalTitle,
            Genres = movie.Genres,
            Actors = movie.Actors,
            Countries = movie.Countries,
            PlotSummary = movie.PlotSummary,
            RuntimeMinutes = movie.RuntimeMinutes,
            ExternalId = movie.ExternalId,
        };

    private static Task<int?> ExistingAsync(MovieGptDbContext db, string externalId, CancellationToken ct) =>
        db.Movies.AsNoTracking().Where(m => m.ExternalId == externalId).Select(m => (int?)m.Id).FirstOrDefaultAsync(ct);

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

    // Counts and scores come from the movie's tallies (a few dozen rows), not from all of its reviews; the raw mean is 0
    // without any, the adjusted score C.
    private static IQueryable<MovieResponse> Project(IQueryable<Movie> movies, Prior prior)
    {
        double weight = prior.Weight, weighted = prior.Weight * prior.Score;
        return movies.Select(m => new MovieResponse(
            m.Id,
            m.Title,
            m.ReleaseDate,
            m.Director,
            m.Genre,
            m.PosterUrl,
            m.CreatedAt,
            m.Tallies.Sum(t => t.ReviewCount),
            m.Tallies.Sum(t => t.PositivitySum) / Math.Max(m.Tallies.Sum(t => t.ReviewCount), 1))
        {
            AdjustedScore = (m.Tallies.Sum(t => t.PositivitySum) + weighted) / (m.Tallies.Sum(t => t.ReviewCount) + weight),
            OriginalTitle = m.OriginalTitle,
            Genres = m.Genres,
            Actors = m.Actors,
            Countries = m.Countries,
            PlotSummary = m.PlotSummary,
            RuntimeMinutes = m.RuntimeMinutes,
            ExternalId = m.ExternalId,
        });
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
