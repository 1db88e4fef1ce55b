using Microsoft.Data.Sqlite;
using MovieGpt.Server.Contracts;
using MovieGpt.Server.Data;

namespace MovieGpt.Server.Services;

/// <summary>
/// The catalog reads on SQLite as the hand-written statements of <see cref="CatalogSql"/>, kept prepared by
/// <see cref="SqliteReadPool"/>. Microsoft.Data.Sqlite runs every call synchronously anyway, so these do too.
/// </summary>
public sealed class SqliteCatalogReader(SqliteReadPool pool) : ICatalogReader
{
    public Task<string?> MovieTitleAsync(int movieId, CancellationToken ct) =>
        Task.FromResult(pool.Read(s => s.Command(CatalogSql.Title, movieId).ExecuteScalar() as string));

    public async Task<bool> MovieExistsAsync(int movieId, CancellationToken ct) => await MovieTitleAsync(movieId, ct) is not null;

    public Task<MovieTallies?> MovieTalliesAsync(int movieId, CancellationToken ct) => Task.FromResult(pool.Read(s =>
    {
        var header = ReadAll(s.Command(CatalogSql.MovieHeader, movieId), CatalogSql.Header);
        return header is [var (title, reviews)] ? new MovieTallies(title, reviews, ReadAll(s.Command(CatalogSql.MovieGroups, movieId), CatalogSql.Group)) : null;
    }));

    public Task<List<ReviewResponse>> ReviewPageAsync(int? movieId, int skip, int limit, CancellationToken ct) => Task.FromResult(pool.Read(s =>
    {
        var command = movieId is { } id ? s.Command(CatalogSql.MovieReviewPage, id, limit, skip) : s.Command(CatalogSql.ReviewPage, limit, skip);
        return ReadAll(command, CatalogSql.Review, Math.Min(limit, 100));
    }));

    public Task<List<ReviewGroup>> ReviewGroupsAsync(int? movieId, CancellationToken ct) => Task.FromResult(pool.Read(s =>
        ReadAll(movieId is { } id ? s.Command(CatalogSql.MovieGroups, id) : s.Command(CatalogSql.Groups), CatalogSql.Group)));

    public Task<ReviewSpan> ReviewSpanAsync(int? movieId, CancellationToken ct) => Task.FromResult(pool.Read(s =>
    {
        if (movieId is { } id)
        {
            using var reader = s.Command(CatalogSql.MovieSpan, id).ExecuteReader();
            reader.Read();
            return CatalogSql.Span(reader);
        }
        return new ReviewSpan(Scalar(s.Command(CatalogSql.FirstReview)), Scalar(s.Command(CatalogSql.LastReview)));
    }));

    private static List<T> ReadAll<T>(SqliteCommand command, Func<SqliteDataReader, T> row, int capacity = 0)
    {
        using var reader = command.ExecuteReader();
        var rows = new List<T>(capacity);
        while (reader.Read())
        {
            rows.Add(row(reader));
        }
        return rows;
    }

    private static DateTime? Scalar(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        return reader.Read() ? CatalogSql.UtcOrNull(reader, 0) : null;
    }
}
