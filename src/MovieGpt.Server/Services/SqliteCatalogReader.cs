using Microsoft.Data.Sqlite;
using MovieGpt.Sentiment;
using MovieGpt.Server.Contracts;
using MovieGpt.Server.Data;

namespace MovieGpt.Server.Services;

/// <summary>
/// The catalog reads on SQLite as hand-written statements, kept prepared by <see cref="SqliteReadPool"/>: the
/// same answers as <see cref="CatalogQueries"/> (the tests run both on one database), at a fraction of the cost.
/// Table and column names are those of the EF configurations in <c>Data/Configurations</c>. Microsoft.Data.Sqlite
/// runs every call synchronously anyway, so these do too.
/// </summary>
public sealed class SqliteCatalogReader(SqliteReadPool pool) : ICatalogReader
{
    private const string ReviewColumns = """
        SELECT r.id, r.movie_id, m.title, r.author, r.content, r.sentiment_label, r.sentiment_score,
               r.probability_negative, r.probability_neutral, r.probability_positive, r.predicted_rating, r.created_at
        FROM reviews AS r
        JOIN movies AS m ON m.id = r.movie_id
        """;

    // Two statements, so that each reads its own index in order: (movie_id, created_at, id) and (created_at).
    private const string MovieReviewPage = ReviewColumns + """

        WHERE r.movie_id = $movie_id
        ORDER BY r.created_at DESC, r.id DESC
        LIMIT $limit OFFSET $skip
        """;

    private const string ReviewPage = ReviewColumns + """

        ORDER BY r.created_at DESC, r.id DESC
        LIMIT $limit OFFSET $skip
        """;

    private const string GroupColumns = """
        SELECT sentiment_label, rating_bin, day, SUM(review_count), SUM(positivity_sum), SUM(rating_sum)
        FROM review_tallies
        """;

    private const string MovieGroups = GroupColumns + " WHERE movie_id = $movie_id GROUP BY sentiment_label, rating_bin, day";

    private const string Groups = GroupColumns + " GROUP BY sentiment_label, rating_bin, day";

    private const string Header = """
        SELECT m.title,
               (SELECT MIN(r.created_at) FROM reviews AS r WHERE r.movie_id = m.id),
               (SELECT MAX(r.created_at) FROM reviews AS r WHERE r.movie_id = m.id)
        FROM movies AS m
        WHERE m.id = $movie_id
        """;

    private const string MovieSpan = "SELECT MIN(created_at), MAX(created_at) FROM reviews WHERE movie_id = $movie_id";

    // MIN and MAX alone in their query: SQLite then reads each from one end of the created_at index.
    private const string FirstReview = "SELECT MIN(created_at) FROM reviews";

    private const string LastReview = "SELECT MAX(created_at) FROM reviews";

    private const string Title = "SELECT title FROM movies WHERE id = $movie_id";

    public Task<string?> MovieTitleAsync(int movieId, CancellationToken ct) =>
        Task.FromResult(pool.Read(s => s.Command(Title, movieId).ExecuteScalar() as string));

    public async Task<bool> MovieExistsAsync(int movieId, CancellationToken ct) => await MovieTitleAsync(movieId, ct) is not null;

    public Task<MovieHeader?> MovieHeaderAsync(int movieId, CancellationToken ct) => Task.FromResult(pool.Read(s =>
    {
        using var reader = s.Command(Header, movieId).ExecuteReader();
        return reader.Read() ? new MovieHeader(reader.GetString(0), new ReviewSpan(UtcOrNull(reader, 1), UtcOrNull(reader, 2))) : null;
    }));

    public Task<List<ReviewResponse>> ReviewPageAsync(int? movieId, int skip, int limit, CancellationToken ct) => Task.FromResult(pool.Read(s =>
    {
        using var reader = (movieId is { } id ? s.Command(MovieReviewPage, id, limit, skip) : s.Command(ReviewPage, limit, skip)).ExecuteReader();
        var page = new List<ReviewResponse>(Math.Min(limit, 100));
        while (reader.Read())
        {
            page.Add(new ReviewResponse(
                reader.GetInt32(0),
                reader.GetInt32(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetString(5),
                reader.GetDouble(6),
                new SentimentProbabilities(reader.GetDouble(7), reader.GetDouble(8), reader.GetDouble(9)),
                reader.GetDouble(10),
                Utc(reader, 11)));
        }
        return page;
    }));

    public Task<List<ReviewGroup>> ReviewGroupsAsync(int? movieId, CancellationToken ct) => Task.FromResult(pool.Read(s =>
    {
        using var reader = (movieId is { } id ? s.Command(MovieGroups, id) : s.Command(Groups)).ExecuteReader();
        var groups = new List<ReviewGroup>();
        while (reader.Read())
        {
            groups.Add(new ReviewGroup(
                reader.GetString(0),
                reader.GetInt32(1),
                reader.GetFieldValue<DateOnly>(2),
                checked((int)reader.GetInt64(3)),
                reader.GetDouble(4),
                reader.GetDouble(5)));
        }
        return groups;
    }));

    public Task<ReviewSpan> ReviewSpanAsync(int? movieId, CancellationToken ct) => Task.FromResult(pool.Read(s =>
    {
        if (movieId is { } id)
        {
            using var reader = s.Command(MovieSpan, id).ExecuteReader();
            reader.Read();
            return new ReviewSpan(UtcOrNull(reader, 0), UtcOrNull(reader, 1));
        }
        return new ReviewSpan(Scalar(s.Command(FirstReview)), Scalar(s.Command(LastReview)));
    }));

    // Stored times are UTC (the model's converter writes them so); SQLite hands them back without a kind.
    private static DateTime Utc(SqliteDataReader reader, int column) => DateTime.SpecifyKind(reader.GetDateTime(column), DateTimeKind.Utc);

    private static DateTime? UtcOrNull(SqliteDataReader reader, int column) => reader.IsDBNull(column) ? null : Utc(reader, column);

    private static DateTime? Scalar(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        return reader.Read() ? UtcOrNull(reader, 0) : null;
    }
}
