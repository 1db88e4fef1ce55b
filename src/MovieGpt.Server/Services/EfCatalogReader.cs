using Microsoft.EntityFrameworkCore;
using MovieGpt.Server.Contracts;
using MovieGpt.Server.Data;

namespace MovieGpt.Server.Services;

/// <summary>The catalog reads as EF compiled queries (<see cref="CatalogQueries"/>) on the request's context.</summary>
public sealed class EfCatalogReader(MovieGptDbContext db, CatalogQueries queries) : ICatalogReader
{
    public Task<string?> MovieTitleAsync(int movieId, CancellationToken ct) => queries.MovieTitle(db, movieId, ct);

    public Task<bool> MovieExistsAsync(int movieId, CancellationToken ct) => queries.MovieExists(db, movieId, ct);

    public async Task<MovieHeader?> MovieHeaderAsync(int movieId, CancellationToken ct)
    {
        // The statistics' groups follow on the same connection (the context closes it when the request ends).
        await db.Database.OpenConnectionAsync(ct);
        return await queries.MovieHeader(db, movieId, ct);
    }

    public Task<List<ReviewResponse>> ReviewPageAsync(int? movieId, int skip, int limit, CancellationToken ct) =>
        queries.ReviewPage(db, movieId, skip, limit).ToListAsync(ct, Math.Min(limit, 100));

    public Task<List<ReviewGroup>> ReviewGroupsAsync(int? movieId, CancellationToken ct) => queries.ReviewGroups(db, movieId).ToListAsync(ct);

    public async Task<ReviewSpan> ReviewSpanAsync(int? movieId, CancellationToken ct) =>
        new(await queries.FirstReviewAt(db, movieId, ct), await queries.LastReviewAt(db, movieId, ct));
}
