using Microsoft.Data.Sqlite;
using MovieGpt.Server.Data;

namespace MovieGpt.Server.Services;

/// <summary>
/// Inserts a batch with one prepared <c>INSERT … RETURNING id</c> bound per review, in one transaction, on a connection of
/// its own (a <see cref="SqliteSession"/>): EF's pooled contexts registered their SQL functions and compiled the INSERT,
/// with its tally trigger, again for every batch. Takes the write gate that EF's writers take too.
/// </summary>
public sealed class SqliteReviewInserter(SqliteDatabase database, SqliteWriteGate gate) : IReviewInserter
{
    private const int ForeignKeyFailed = 787;   // SQLITE_CONSTRAINT_FOREIGNKEY: the review's movie is gone

    // Columns as in ReviewConfiguration.
    private const string InsertSql = """
        INSERT INTO reviews (movie_id, author, content, sentiment_label, sentiment_score, probability_negative,
                             probability_neutral, probability_positive, predicted_rating, created_at)
        VALUES ($movie_id, $author, $content, $label, $score, $negative, $neutral, $positive, $rating, $created_at)
        RETURNING id;
        """;

    private SqliteSession? _session;

    public int[] Insert(IReadOnlyList<Review> reviews)
    {
        gate.Enter();
        try
        {
            var session = _session ??= new SqliteSession(database.Open(readOnly: false));
            using var transaction = session.BeginTransaction();
            var ids = new int[reviews.Count];
            for (var i = 0; i < reviews.Count; i++)
            {
                var review = reviews[i];
                var insert = session.Command(InsertSql, review.MovieId, review.Author, review.Content, review.SentimentLabel,
                    review.SentimentScore, review.ProbabilityNegative, review.ProbabilityNeutral, review.ProbabilityPositive,
                    review.PredictedRating, review.CreatedAt.ToUniversalTime()); // as the model's UTC converter stores it
                ids[i] = Convert.ToInt32(insert.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            }
            transaction.Commit();
            return ids;
        }
        finally
        {
            gate.Exit();
        }
    }

    public bool IsMissingMovie(Exception error) => error is SqliteException { SqliteExtendedErrorCode: ForeignKeyFailed };

    public void Dispose() => CloseConnection();

    public void CloseConnection()
    {
        _session?.Dispose();
        _session = null;
    }
}
