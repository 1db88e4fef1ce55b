using MovieGpt.Server.Contracts;

namespace MovieGpt.Server.Data.Postgres;

/// <summary>
/// The catalog reads on PostgreSQL as the hand-written statements of <see cref="CatalogSql"/>, sent together with the
/// other requests' reads by <see cref="PostgresReadBatcher"/> (Npgsql prepares them automatically on every connection).
/// EF's compiled queries, which sent the same statements, cost the server more CPU (docs/performance.md).
/// </summary>
public sealed class PostgresCatalogReader(PostgresReadBatcher reads) : ICatalogReader
{
    public async Task<string?> MovieTitleAsync(int movieId, CancellationToken ct)
    {
        var titles = await reads.QueryAsync(CatalogSql.Title, [("movie_id", movieId)], CatalogSql.TitleOf, ct);
        return titles.SingleOrDefault();
    }

    public async Task<bool> MovieExistsAsync(int movieId, CancellationToken ct) => await MovieTitleAsync(movieId, ct) is not null;

    // All statements queued at once, so they usually share a round trip.
    public async Task<MovieTallies?> MovieTalliesAsync(int movieId, CancellationToken ct)
    {
        var headers = reads.QueryAsync(CatalogSql.MovieHeader, [("movie_id", movieId)], CatalogSql.Header, ct);
        var groups = reads.QueryAsync(CatalogSql.MovieGroups, [("movie_id", movieId)], CatalogSql.Group, ct);
        var aspects = reads.QueryAsync(CatalogSql.MovieAspects, [("movie_id", movieId)], CatalogSql.AspectCountOf, ct);
        await Task.WhenAll(headers, groups, aspects);
        if (headers.Result is not [var (title, reviews)])
        {
            return null;
        }
        return new MovieTallies(title, reviews, groups.Result, aspects.Result);
    }

    public Task<List<ReviewResponse>> ReviewPageAsync(ReviewQuery query, int skip, int limit, CancellationToken ct)
    {
        var (sql, parameters) = CatalogSql.ReviewPage(query, skip, limit);
        return reads.QueryAsync(sql, parameters, CatalogSql.Review, ct);
    }

    public Task<List<ReviewGroup>> ReviewGroupsAsync(int? movieId, CancellationToken ct)
    {
        return movieId is { } id
            ? reads.QueryAsync(CatalogSql.MovieGroups, [("movie_id", id)], CatalogSql.Group, ct)
            : reads.QueryAsync(CatalogSql.Groups, [], CatalogSql.Group, ct);
    }

    public async Task<ReviewSpan> ReviewSpanAsync(int? movieId, CancellationToken ct)
    {
        if (movieId is { } id)
        {
            return (await reads.QueryAsync(CatalogSql.MovieSpan, [("movie_id", id)], CatalogSql.Span, ct)).Single();
        }
        var first = reads.QueryAsync(CatalogSql.FirstReview, [], CatalogSql.Time, ct);
        var last = reads.QueryAsync(CatalogSql.LastReview, [], CatalogSql.Time, ct);
        await Task.WhenAll(first, last);
        return new ReviewSpan((await first).Single(), (await last).Single());
    }
}
