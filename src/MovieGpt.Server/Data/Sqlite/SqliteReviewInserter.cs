using Microsoft.Data.Sqlite;
using MovieGpt.Server.Data.Idempotency;

namespace MovieGpt.Server.Data.Sqlite;

/// <summary>
/// Inserts a batch with one prepared <c>INSERT … RETURNING id</c> bound per review, in one transaction, on a connection of
/// its own (a <see cref="SqliteSession"/>): EF's pooled contexts registered their SQL functions and compiled the INSERT,
/// with its tally trigger, again for every batch. Takes the write gate that EF's writers take too.
/// </summary>
public sealed class SqliteReviewInserter(SqliteDatabase database, SqliteWriteGate gate) : IReviewInserter
{
    private const int ForeignKeyFailed = 787;   // SQLITE_CONSTRAINT_FOREIGNKEY: the review's movie is gone
    internal const int PrimaryKeyFailed = 1555;  // SQLITE_CONSTRAINT_PRIMARYKEY

    private const string AnswerSql = $"INSERT INTO {IdempotencyColumns.Table} ({IdempotencyColumns.Names}) VALUES ({IdempotencyColumns.Parameters});";

    private static readonly string InsertSql =
        $"INSERT INTO {ReviewColumns.Table} ({ReviewColumns.InsertedNames}) VALUES ({ReviewColumns.InsertedParameters}) RETURNING {ReviewColumns.Id};";

    private SqliteSession? _session;

    public int[] Insert(IReadOnlyList<Review> reviews, IReadOnlyList<Func<Review, IdempotencyRecord>?> answers)
    {
        gate.Enter();
        try
        {
            var session = _session ??= new SqliteSession(database.Open(readOnly: false));
            using var transaction = session.BeginTransaction();
            var ids = new int[reviews.Count];
            var values = new (string Name, object? Value)[ReviewColumns.Inserted.Count];
            for (var i = 0; i < reviews.Count; i++)
            {
                for (var c = 0; c < values.Length; c++)
                {
                    var column = ReviewColumns.Inserted[c];
                    values[c] = (column.Name, column.Value(reviews[i]));
                }
                ids[i] = Convert.ToInt32(session.Command(InsertSql, values).ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
                if (answers[i] is { } answer)
                {
                    reviews[i].Id = ids[i];
                    session.Command(AnswerSql, IdempotencyColumns.Values(answer(reviews[i]))).ExecuteNonQuery();
                }
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

    // Reviews' ids are generated, so the only primary key a review insert can hit is a key's.
    public bool IsKeyTaken(Exception error) => error is SqliteException { SqliteExtendedErrorCode: PrimaryKeyFailed };

    public void Dispose() => CloseConnection();

    public void CloseConnection()
    {
        _session?.Dispose();
        _session = null;
    }
}
