using Npgsql;
using MovieGpt.Server.Contracts;

namespace MovieGpt.Server.Services;

/// <summary>
/// The catalog reads on PostgreSQL as the hand-written statements of <see cref="CatalogSql"/>, each on a connection
/// rented from the data source for that statement alone (Npgsql prepares them automatically on every connection).
/// EF's compiled queries, which sent the same statements, cost the server more CPU (README, Load).
/// </summary>
public sealed class PostgresCatalogReader(NpgsqlDataSource dataSource) : ICatalogReader
{
    public async Task<string?> MovieTitleAsync(int movieId, CancellationToken ct)
    {
        await using var command = Command(CatalogSql.Title, ("movie_id", movieId));
        return await command.ExecuteScalarAsync(ct) as string;
    }

    public async Task<bool> MovieExistsAsync(int movieId, CancellationToken ct) => await MovieTitleAsync(movieId, ct) is not null;

    // Both statements in one round trip: a statistics request used to pay for two.
    public async Task<MovieTallies?> MovieTalliesAsync(int movieId, CancellationToken ct)
    {
        await using var batch = dataSource.CreateBatch();
        foreach (var sql in (ReadOnlySpan<string>)[CatalogSql.MovieHeader, CatalogSql.MovieGroups])
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(sql) { Parameters = { new NpgsqlParameter<int>("movie_id", movieId) } });
        }
        await using var reader = await batch.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }
        var (title, reviews) = CatalogSql.Header(reader);
        await reader.NextResultAsync(ct);
        return new MovieTallies(title, reviews, await RowsAsync(reader, CatalogSql.Group, ct));
    }

    public Task<List<ReviewResponse>> ReviewPageAsync(int? movieId, int skip, int limit, CancellationToken ct) => ReadAllAsync(
        movieId is { } id
            ? Command(CatalogSql.MovieReviewPage, ("movie_id", id), ("limit", limit), ("skip", skip))
            : Command(CatalogSql.ReviewPage, ("limit", limit), ("skip", skip)),
        CatalogSql.Review, ct, Math.Min(limit, 100));

    public Task<List<ReviewGroup>> ReviewGroupsAsync(int? movieId, CancellationToken ct) => ReadAllAsync(
        movieId is { } id ? Command(CatalogSql.MovieGroups, ("movie_id", id)) : Command(CatalogSql.Groups), CatalogSql.Group, ct);

    public async Task<ReviewSpan> ReviewSpanAsync(int? movieId, CancellationToken ct)
    {
        if (movieId is { } id)
        {
            var spans = await ReadAllAsync(Command(CatalogSql.MovieSpan, ("movie_id", id)), CatalogSql.Span, ct);
            return spans.Single();
        }
        var first = await ReadAllAsync(Command(CatalogSql.FirstReview), reader => CatalogSql.UtcOrNull(reader, 0), ct);
        var last = await ReadAllAsync(Command(CatalogSql.LastReview), reader => CatalogSql.UtcOrNull(reader, 0), ct);
        return new ReviewSpan(first.Single(), last.Single());
    }

    private NpgsqlCommand Command(string sql, params ReadOnlySpan<(string Name, int Value)> parameters)
    {
        var command = dataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter<int>(name, value));
        }
        return command;
    }

    // Disposes the command, which gives its connection back.
    private static async Task<List<T>> ReadAllAsync<T>(NpgsqlCommand command, Func<NpgsqlDataReader, T> row, CancellationToken ct, int capacity = 0)
    {
        await using (command)
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await RowsAsync(reader, row, ct, capacity);
        }
    }

    // The rows of the reader's current result.
    private static async Task<List<T>> RowsAsync<T>(NpgsqlDataReader reader, Func<NpgsqlDataReader, T> row, CancellationToken ct, int capacity = 0)
    {
        var rows = new List<T>(capacity);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(row(reader));
        }
        return rows;
    }
}
