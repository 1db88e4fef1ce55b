using System.Collections.Concurrent;
using System.Data.Common;
using MovieGpt.Sentiment;
using MovieGpt.Server.Contracts;

namespace MovieGpt.Server.Data;

/// <summary>
/// The hand-written catalog reads that both databases run as they are (<see cref="Sqlite.SqliteCatalogReader"/>,
/// <see cref="Postgres.PostgresCatalogReader"/>), and one mapping per row shape, which reads columns by name: the same
/// answers as the same reads written as EF queries (the tests run both on one database).
/// </summary>
internal static class CatalogSql
{
    // Every column of reviews (the list written once, in ReviewColumns) and the movie's title.
    private static readonly string ReviewSelect = $"""
        SELECT {ReviewColumns.Qualified("r")}, m.title AS movie_title
        FROM reviews AS r
        JOIN movies AS m ON m.id = r.movie_id
        """;

    // One statement per shape of query, built on first use: with a movie, the newest-first order reads the
    // (movie_id, created_at, id) index in order, without one the (created_at) index. The aspect filter probes each
    // review's review_aspects rows by their key (review_id, aspect).
    private static readonly ConcurrentDictionary<(bool Movie, bool Aspect, bool Label, bool Sentiment, ReviewSort Sort), string> ReviewPages = new();

    private static string PageSql((bool Movie, bool Aspect, bool Label, bool Sentiment, ReviewSort Sort) shape)
    {
        var conditions = new List<string>(3);
        if (shape.Movie)
        {
            conditions.Add("r.movie_id = @movie_id");
        }
        if (shape.Aspect || shape.Label)
        {
            conditions.Add("EXISTS (SELECT 1 FROM review_aspects AS a WHERE a.review_id = r.id"
                + (shape.Aspect ? " AND a.aspect = @aspect" : "") + (shape.Label ? " AND a.label = @label" : "") + ")");
        }
        if (shape.Sentiment)
        {
            conditions.Add("r.sentiment_label = @sentiment");
        }
        var where = conditions.Count == 0 ? "" : "\nWHERE " + string.Join(" AND ", conditions);
        // The 별점 shown first: the writer's, else the model's prediction.
        var order = shape.Sort switch
        {
            ReviewSort.RatingDesc => "COALESCE(r.user_rating, r.predicted_rating) DESC, ",
            ReviewSort.RatingAsc => "COALESCE(r.user_rating, r.predicted_rating) ASC, ",
            _ => "",
        };
        return ReviewSelect + where + $"""

            ORDER BY {order}r.created_at DESC, r.id DESC
            LIMIT @limit OFFSET @skip
            """;
    }

    /// <summary>The statement of a page of reviews and its parameters, by name (rows: <see cref="Review"/>).</summary>
    public static (string Sql, (string Name, object Value)[] Parameters) ReviewPage(ReviewQuery query, int skip, int limit)
    {
        var parameters = new List<(string Name, object Value)>(6);
        if (query.MovieId is { } id)
        {
            parameters.Add(("movie_id", id));
        }
        if (query.Aspects?.Aspect is { } aspect)
        {
            parameters.Add(("aspect", aspect));
        }
        if (query.Aspects?.Label is { } label)
        {
            parameters.Add(("label", label));
        }
        if (query.Sentiment is { } sentiment)
        {
            parameters.Add(("sentiment", sentiment));
        }
        parameters.Add(("limit", limit));
        parameters.Add(("skip", skip));
        var sql = ReviewPages.GetOrAdd(
            (query.MovieId is not null, query.Aspects?.Aspect is not null, query.Aspects?.Label is not null, query.Sentiment is not null, query.Sort),
            PageSql);
        return (sql, [.. parameters]);
    }

    // Served by the (movie_id, aspect, label) index alone.
    public const string MovieAspects = "SELECT aspect, label, COUNT(*) AS mentions FROM review_aspects WHERE movie_id = @movie_id GROUP BY aspect, label";

    private const string GroupColumns = """
        SELECT sentiment_label, rating_bin, day, SUM(review_count) AS review_count, SUM(positivity_sum) AS positivity_sum,
               SUM(rating_sum) AS rating_sum,
               SUM(user_rating_count) AS user_rating_count, SUM(user_rating_sum) AS user_rating_sum
        FROM review_tallies
        """;

    public const string MovieGroups = GroupColumns + " WHERE movie_id = @movie_id GROUP BY sentiment_label, rating_bin, day";

    public const string Groups = GroupColumns + " GROUP BY sentiment_label, rating_bin, day";

    public const string MovieHeader = """
        SELECT m.title,
               (SELECT MIN(r.created_at) FROM reviews AS r WHERE r.movie_id = m.id) AS first_review,
               (SELECT MAX(r.created_at) FROM reviews AS r WHERE r.movie_id = m.id) AS last_review
        FROM movies AS m
        WHERE m.id = @movie_id
        """;

    public const string MovieSpan = "SELECT MIN(created_at) AS first_review, MAX(created_at) AS last_review FROM reviews WHERE movie_id = @movie_id";

    // MIN and MAX alone in their query: the database then reads each from one end of the created_at index.
    public const string FirstReview = "SELECT MIN(created_at) AS first_review FROM reviews";

    public const string LastReview = "SELECT MAX(created_at) AS last_review FROM reviews";

    public const string Title = "SELECT title FROM movies WHERE id = @movie_id";

    // Each mapping looks its columns up once per result (it is handed the open reader) and answers the row reader.

    /// <summary>A row of a <see cref="ReviewPage"/> statement.</summary>
    public static Func<DbDataReader, ReviewResponse> Review(DbDataReader result)
    {
        int id = result.GetOrdinal(ReviewColumns.Id), movieId = result.GetOrdinal(ReviewColumns.MovieId),
            title = result.GetOrdinal("movie_title"), author = result.GetOrdinal(ReviewColumns.Author),
            content = result.GetOrdinal(ReviewColumns.Content), label = result.GetOrdinal(ReviewColumns.SentimentLabel),
            score = result.GetOrdinal(ReviewColumns.SentimentScore), negative = result.GetOrdinal(ReviewColumns.ProbabilityNegative),
            neutral = result.GetOrdinal(ReviewColumns.ProbabilityNeutral), positive = result.GetOrdinal(ReviewColumns.ProbabilityPositive),
            rating = result.GetOrdinal(ReviewColumns.PredictedRating), createdAt = result.GetOrdinal(ReviewColumns.CreatedAt),
            aspects = result.GetOrdinal(ReviewColumns.Aspects), userRating = result.GetOrdinal(ReviewColumns.UserRating),
            spoiler = result.GetOrdinal(ReviewColumns.Spoiler);
        return row => new ReviewResponse(
            row.GetInt32(id),
            row.GetInt32(movieId),
            row.GetString(title),
            row.GetString(author),
            row.GetString(content),
            row.GetString(label),
            row.GetDouble(score),
            new SentimentProbabilities(row.GetDouble(negative), row.GetDouble(neutral), row.GetDouble(positive)),
            row.GetDouble(rating),
            Utc(row, createdAt),
            AspectJson.Parse(row.IsDBNull(aspects) ? null : row.GetString(aspects)),
            row.IsDBNull(userRating) ? null : row.GetInt32(userRating),
            row.GetBoolean(spoiler));
    }

    /// <summary>A row of <see cref="MovieAspects"/>.</summary>
    public static Func<DbDataReader, AspectCount> AspectCountOf(DbDataReader result)
    {
        int aspect = result.GetOrdinal("aspect"), label = result.GetOrdinal("label"), mentions = result.GetOrdinal("mentions");
        return row => new AspectCount(row.GetString(aspect), row.GetString(label), checked((int)row.GetInt64(mentions)));
    }

    /// <summary>A row of <see cref="MovieGroups"/> or <see cref="Groups"/>.</summary>
    public static Func<DbDataReader, ReviewGroup> Group(DbDataReader result)
    {
        int label = result.GetOrdinal("sentiment_label"), bin = result.GetOrdinal("rating_bin"), day = result.GetOrdinal("day"),
            count = result.GetOrdinal("review_count"), positivity = result.GetOrdinal("positivity_sum"), rating = result.GetOrdinal("rating_sum"),
            userRatings = result.GetOrdinal("user_rating_count"), userRatingSum = result.GetOrdinal("user_rating_sum");
        return row => new ReviewGroup(
            row.GetString(label),
            row.GetInt32(bin),
            row.GetFieldValue<DateOnly>(day),
            checked((int)row.GetInt64(count)),
            row.GetDouble(positivity),
            row.GetDouble(rating),
            checked((int)row.GetInt64(userRatings)),
            checked((int)row.GetInt64(userRatingSum)));
    }

    /// <summary>The title and review times of a row of <see cref="MovieHeader"/>.</summary>
    public static Func<DbDataReader, (string Title, ReviewSpan Reviews)> Header(DbDataReader result)
    {
        var title = result.GetOrdinal("title");
        var span = Span(result);
        return row => (row.GetString(title), span(row));
    }

    /// <summary>The first and last review times of a row of <see cref="MovieSpan"/> or <see cref="MovieHeader"/>.</summary>
    public static Func<DbDataReader, ReviewSpan> Span(DbDataReader result)
    {
        int first = result.GetOrdinal("first_review"), last = result.GetOrdinal("last_review");
        return row => new ReviewSpan(UtcOrNull(row, first), UtcOrNull(row, last));
    }

    /// <summary>The time of a row of <see cref="FirstReview"/> or <see cref="LastReview"/>: its only column.</summary>
    public static Func<DbDataReader, DateTime?> Time(DbDataReader result) => row => UtcOrNull(row, 0);

    /// <summary>A row of <see cref="Title"/>.</summary>
    public static Func<DbDataReader, string> TitleOf(DbDataReader result)
    {
        var title = result.GetOrdinal("title");
        return row => row.GetString(title);
    }

    // Stored times are UTC (the model's converter writes them so); SQLite hands them back without a kind.
    private static DateTime? UtcOrNull(DbDataReader reader, int column) => reader.IsDBNull(column) ? null : Utc(reader, column);

    private static DateTime Utc(DbDataReader reader, int column) => DateTime.SpecifyKind(reader.GetDateTime(column), DateTimeKind.Utc);
}
