using Npgsql;

namespace MovieGpt.Server.Data.Postgres;

/// <summary>
/// Inserts a batch as one statement over arrays (<c>INSERT … SELECT FROM unnest(…)</c>), one array per column bound by
/// the column's name, prepared on a connection of its own: one round trip and one commit for the whole batch, where a
/// statement per review cost PostgreSQL a Bind, an Execute and a WAL flush each.
/// </summary>
public sealed class PostgresReviewInserter(NpgsqlDataSource dataSource) : IReviewInserter
{
    // A single statement is its own transaction.
    private static readonly string InsertSql =
        $"INSERT INTO {ReviewColumns.Table} ({ReviewColumns.InsertedNames}) SELECT * FROM unnest({ReviewColumns.InsertedParameters}) RETURNING {ReviewColumns.Id};";

    private NpgsqlConnection? _connection;
    private NpgsqlCommand? _insert;

    public int[] Insert(IReadOnlyList<Review> reviews)
    {
        var insert = _insert ??= Create();
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

    public bool IsDuplicate(Exception error) => error is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

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
