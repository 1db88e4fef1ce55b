using Npgsql;
using NpgsqlTypes;
using MovieGpt.Server.Data;

namespace MovieGpt.Server.Services;

/// <summary>
/// Inserts a batch as one statement over arrays (<c>INSERT … SELECT FROM unnest(…)</c>), prepared on a connection of its
/// own: one round trip and one commit for the whole batch, where a statement per review cost PostgreSQL a Bind, an
/// Execute and a WAL flush each.
/// </summary>
public sealed class PostgresReviewInserter(NpgsqlDataSource dataSource) : IReviewInserter
{
    // Columns as in ReviewConfiguration. A single statement is its own transaction.
    private const string InsertSql = """
        INSERT INTO reviews (movie_id, author, content, sentiment_label, sentiment_score, probability_negative,
                             probability_neutral, probability_positive, predicted_rating, created_at)
        SELECT * FROM unnest($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
        RETURNING id;
        """;

    private static readonly NpgsqlDbType[] ColumnTypes =
    [
        NpgsqlDbType.Integer, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Double,
        NpgsqlDbType.Double, NpgsqlDbType.Double, NpgsqlDbType.Double, NpgsqlDbType.Double, NpgsqlDbType.TimestampTz,
    ];

    private NpgsqlConnection? _connection;
    private NpgsqlCommand? _insert;

    public int[] Insert(IReadOnlyList<Review> reviews)
    {
        var insert = _insert ??= Prepare();
        Bind(insert.Parameters, reviews);
        var ids = new List<int>(reviews.Count);
        using (var reader = insert.ExecuteReader())
        {
            while (reader.Read())
            {
                ids.Add(reader.GetInt32(0));
            }
        }
        // unnest yields the rows in array order and the id default is drawn row by row as they are inserted, so
        // the ids in ascending order are the reviews' ids in order, whatever order RETURNING lists them in.
        ids.Sort();
        return [.. ids];
    }

    public bool IsMissingMovie(Exception error) => error is PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation };

    public void Dispose() => CloseConnection();

    public void CloseConnection()
    {
        _insert?.Dispose();
        _insert = null;
        _connection?.Dispose();
        _connection = null;
    }

    private NpgsqlCommand Prepare()
    {
        _connection = dataSource.OpenConnection();
        var command = new NpgsqlCommand(InsertSql, _connection);
        foreach (var type in ColumnTypes)
        {
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | type });
        }
        command.Prepare();
        return command;
    }

    private static void Bind(NpgsqlParameterCollection parameters, IReadOnlyList<Review> reviews)
    {
        parameters[0].Value = reviews.Select(r => r.MovieId).ToArray();
        parameters[1].Value = reviews.Select(r => r.Author).ToArray();
        parameters[2].Value = reviews.Select(r => r.Content).ToArray();
        parameters[3].Value = reviews.Select(r => r.SentimentLabel).ToArray();
        parameters[4].Value = reviews.Select(r => r.SentimentScore).ToArray();
        parameters[5].Value = reviews.Select(r => r.ProbabilityNegative).ToArray();
        parameters[6].Value = reviews.Select(r => r.ProbabilityNeutral).ToArray();
        parameters[7].Value = reviews.Select(r => r.ProbabilityPositive).ToArray();
        parameters[8].Value = reviews.Select(r => r.PredictedRating).ToArray();
        parameters[9].Value = reviews.Select(r => r.CreatedAt.ToUniversalTime()).ToArray();
    }
}
