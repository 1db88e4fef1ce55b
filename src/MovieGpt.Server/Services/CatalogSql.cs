using System.Data.Common;
using MovieGpt.Sentiment;
using MovieGpt.Server.Contracts;

namespace MovieGpt.Server.Services;

/// <summary>
/// The hand-written catalog reads that both databases run as they are (<see cref="SqliteCatalogReader"/>,
/// <see cref="PostgresCatalogReader"/>), and the rows they answer: the same answers as the same reads written as EF
/// queries (the tests run both on one database). Table and column names are those of the EF configurations in <c>Data/Configurations</c>.
/// </summary>
internal static class CatalogSql
{
    private const string ReviewColumns = """
        SELECT r.id, r.movie_id, m.title, r.author, r.content, r.sentiment_label, r.sentiment_score,
               r.probability_negative, r.probability_neutral, r.probability_positive, r.predicted_rating, r.created_at
        FROM reviews AS r
        JOIN movies AS m ON m.id = r.movie_id
        """;

    // Two statements, so that each reads its own index in order: (movie_id, created_at, id) and (created_at).
    public const string MovieReviewPage = ReviewColumns + """

        WHERE r.movie_id = @movie_id
        ORDER BY r.created_at DESC, r.id DESC
        LIMIT @limit OFFSET @skip
        """;

    public const string ReviewPage = ReviewColumns + """

        ORDER BY r.created_at DESC, r.id DESC
        LIMIT @limit OFFSET @skip
        """;

    private const string GroupColumns = """
        SELECT sentiment_label, rating_bin, day, SUM(review_count), SUM(positivity_sum), SUM(rating_sum)
        FROM review_tallies
        """;

    public const string MovieGroups = GroupColumns + " WHERE movie_id = @movie_id GROUP BY sentiment_label, rating_bin, day";

    public const string Groups = GroupColumns + " GROUP BY sentiment_label, rating_bin, day";

    public const string MovieHeader = """
        SELECT m.title,
               (SELECT MIN(r.created_at) FROM reviews AS r WHERE r.movie_id = m.id),
               (SELECT MAX(r.created_at) FROM reviews AS r WHERE r.movie_id = m.id)
        FROM movies AS m
        WHERE m.id = @movie_id
        """;

    public const string MovieSpan = "SELECT MIN(created_at), MAX(created_at) FROM reviews WHERE movie_id = @movie_id";

    // MIN and MAX alone in their query: the database then reads each from one end of the created_at index.
    public const string FirstReview = "SELECT MIN(created_at) FROM reviews";

    public const string LastReview = "SELECT MAX(created_at) FROM reviews";

    public const string Title = "SELECT title FROM movies WHERE id = @movie_id";

    public static ReviewResponse Review(DbDataReader reader) => new(
        reader.GetInt32(0),
        reader.GetInt32(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetString(4),
        reader.GetString(5),
        reader.GetDouble(6),
        new SentimentProbabilities(reader.GetDouble(7), reader.GetDouble(8), reader.GetDouble(9)),
        reader.GetDouble(10),
        Utc(reader, 11));

    /// <summary>A row of <see cref="MovieGroups"/> or <see cref="Groups"/>.</summary>
    public static ReviewGroup Group(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetInt32(1),
        reader.GetFieldValue<DateOnly>(2),
        checked((int)reader.GetInt64(3)),
        reader.GetDouble(4),
        reader.GetDouble(5));

    /// <summary>The title and review times of a row of <see cref="MovieHeader"/>.</summary>
    public static (string Title, ReviewSpan Reviews) Header(DbDataReader reader) => (reader.GetString(0), new ReviewSpan(UtcOrNull(reader, 1), UtcOrNull(reader, 2)));

    /// <summary>A row of <see cref="MovieSpan"/>.</summary>
    public static ReviewSpan Span(DbDataReader reader) => new(UtcOrNull(reader, 0), UtcOrNull(reader, 1));

    // Stored times are UTC (the model's converter writes them so); SQLite hands them back without a kind.
    public static DateTime? UtcOrNull(DbDataReader reader, int column) => reader.IsDBNull(column) ? null : Utc(reader, column);

    private static DateTime Utc(DbDataReader reader, int column) => DateTime.SpecifyKind(reader.GetDateTime(column), DateTimeKind.Utc);
}
