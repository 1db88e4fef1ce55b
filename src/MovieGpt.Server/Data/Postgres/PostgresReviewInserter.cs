using MovieGpt.Server.Data.Idempotency;
using Npgsql;

namespace MovieGpt.Server.Data.Postgres;

/// <summary>
/// Inserts a batch as one statement over arrays (<c>INSERT … SELECT FROM unnest(…)</c>), one array per column bound by
/// the column's name, prepared on a connection of its own: one round trip and one commit for the whole batch, where a
/// statement per review cost PostgreSQL a Bind, an Execute and a WAL flush each. A batch with keyed reviews (sent with an
/// <c>Idempotency-Key</c>) runs in a transaction with one more statement that records their answers.
/// </summary>
public sealed class PostgresReviewInserter(NpgsqlDataSource dataSource) : IReviewInserter
{
    // A single statement is its own transaction.
    private static readonly string InsertSql =
        $"INSERT INTO {ReviewColumns.Table} ({ReviewColumns.InsertedNames}) SELECT * FROM unnest({ReviewColumns.InsertedParameters}) RETURNING {ReviewColumns.Id};";

    private static readonly string AnswerSql =
        $"INSERT INTO {IdempotencyColumns.Table} ({IdempotencyColumns.Names}) SELECT * FROM unnest({IdempotencyColumns.Parameters});";

    private NpgsqlConnection? _connection;
    private NpgsqlCommand? _insert;

    public int[] Insert(IReadOnlyList<Review> reviews, IReadOnlyList<Func<Review, IdempotencyRecord>?> answers)
    {
        var insert = _insert ??= Create();
        if (!answers.Any(a => a is not null))
        {
            return InsertReviews(insert, reviews);
        }
        using var transaction = _connection!.BeginTransaction();
        var ids = InsertReviews(insert, reviews);
        var records = new List<IdempotencyRecord>();
        for (var i = 0; i < reviews.Count; i++)
        {
            if (answers[i] is { } answer)
            {
                reviews[i].Id = ids[i];
                records.Add(answer(reviews[i]));
            }
        }
        InsertAnswers(records);
        transaction.Commit();
        return ids;
    }

    private static int[] InsertReviews(NpgsqlCommand insert, IReadOnlyList<Review> reviews)
    {
        foreach (var column in ReviewColumns.Inserted)
        {
            insert.Parameters[column.Name].Value = column.Values(reviews);
        }
        if (!insert.IsPrepared)
        {
            // Prepared once the values are bound: Npgsql takes each array's type from them.
            insert.Prepare();
        }
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

    public bool IsKeyTaken(Exception error) =>
        error is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, TableName: IdempotencyColumns.Table };

    private void InsertAnswers(List<IdempotencyRecord> records)
    {
        // Not prepared: only retried writes carry keys, and a statement of arrays costs one parse per batch.
        using var command = new NpgsqlCommand(AnswerSql, _connection);
        command.Parameters.Add(new NpgsqlParameter(IdempotencyColumns.Scope, records.Select(r => r.Scope).ToArray()));
        command.Parameters.Add(new NpgsqlParameter(IdempotencyColumns.Key, records.Select(r => r.Key).ToArray()));
        command.Parameters.Add(new NpgsqlParameter(IdempotencyColumns.RequestHash, records.Select(r => r.RequestHash).ToArray()));
        command.Parameters.Add(new NpgsqlParameter(IdempotencyColumns.StatusCode, records.Select(r => r.StatusCode).ToArray()));
        command.Parameters.Add(new NpgsqlParameter(IdempotencyColumns.ResponseBody, records.Select(r => r.ResponseBody).ToArray()));
        command.Parameters.Add(new NpgsqlParameter(IdempotencyColumns.Location, records.Select(r => r.Location).ToArray()));
        command.Parameters.Add(new NpgsqlParameter(IdempotencyColumns.CreatedAt, records.Select(r => r.CreatedAt.ToUniversalTime()).ToArray()));
        command.ExecuteNonQuery();
    }

    public void Dispose() => CloseConnection();

    public void CloseConnection()
    {
        _insert?.Dispose();
        _insert = null;
        _connection?.Dispose();
        _connection = null;
    }

    private NpgsqlCommand Create()
    {
        _connection = dataSource.OpenConnection();
        var command = new NpgsqlCommand(InsertSql, _connection);
        foreach (var column in ReviewColumns.Inserted)
        {
            command.Parameters.Add(new NpgsqlParameter { ParameterName = column.Name });
        }
        return command;
    }
}
