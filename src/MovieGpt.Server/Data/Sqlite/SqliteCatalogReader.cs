using System.Data.Common;
using Microsoft.Data.Sqlite;
using MovieGpt.Server.Contracts;

namespace MovieGpt.Server.Data.Sqlite;

/// <summary>
/// The catalog reads on SQLite as the hand-written statements of <see cref="CatalogSql"/>, kept prepared by
/// <see cref="SqliteReadPool"/>. Microsoft.Data.Sqlite runs every call synchronously anyway, so these do too.
/// </summary>
public sealed class SqliteCatalogReader(SqliteReadPool pool) : ICatalogReader
{
    public Task<string?> MovieTitleAsync(int movieId, CancellationToken ct) =>
        Task.FromResult(pool.Read(s => ReadAll(s.Command(CatalogSql.Title, ("movie_id", movieId)), CatalogSql.TitleOf) is [var title] ? title : null));

    public async Task<bool> MovieExistsAsync(int movieId, CancellationToken ct) => await MovieTitleAsync(movieId, ct) is not null;

    public Task<MovieTallies?> MovieTalliesAsync(int movieId, CancellationToken ct) => Task.FromResult(pool.Read(s =>
    {
        var header = ReadAll(s.Command(CatalogSql.MovieHeader, ("movie_id", movieId)), CatalogSql.Header);
        return header is [var (title, reviews)]
            ? new MovieTallies(title, reviews, ReadAll(s.Command(CatalogSql.MovieGroups, ("movie_id", movieId)), CatalogSql.Group),
                ReadAll(s.Command(CatalogSql.MovieAspects, ("movie_id", movieId)), CatalogSql.AspectCountOf))
            : null;
    }));

    public Task<List<ReviewResponse>> ReviewPageAsync(ReviewQuery query, int skip, int limit, CancellationToken ct) =>
        Task.FromResult(pool.Read(s =>
        {
            var (sql, parameters) = CatalogSql.ReviewPage(query, skip, limit);
            var values = Array.ConvertAll(parameters, p => (p.Name, (object?)p.Value));
            return ReadAll(s.Command(sql, values), CatalogSql.Review, Math.Min(limit, 100));
        }));

    public Task<List<ReviewGroup>> ReviewGroupsAsync(int? movieId, CancellationToken ct) => Task.FromResult(pool.Read(s =>
        ReadAll(movieId is { } id ? s.Command(CatalogSql.MovieGroups, ("movie_id", id)) : s.Command(CatalogSql.Groups), CatalogSql.Group)));

    public Task<ReviewSpan> ReviewSpanAsync(int? movieId, CancellationToken ct) => Task.FromResult(pool.Read(s =>
    {
        if (movieId is { } id)
        {
            return ReadAll(s.Command(CatalogSql.MovieSpan, ("movie_id", id)), CatalogSql.Span).Single();
        }
        return new ReviewSpan(
            ReadAll(s.Command(CatalogSql.FirstReview), CatalogSql.Time).Single(),
            ReadAll(s.Command(CatalogSql.LastReview), CatalogSql.Time).Single());
    }));

    private static List<T> ReadAll<T>(SqliteCommand command, Func<DbDataReader, Func<DbDataReader, T>> shape, int capacity = 0)
    {
        using var reader = command.ExecuteReader();
        var row = shape(reader);
        var rows = new List<T>(capacity);
        while (reader.Read())
        {
            rows.Add(row(reader));
        }
        return rows;
    }
}
