using Microsoft.Data.Sqlite;

namespace MovieGpt.Server.Data;

/// <summary>
/// One SQLite connection and the statements prepared on it, keyed by their SQL: Microsoft.Data.Sqlite compiles a
/// command's SQL again for every new command, so the code that bypasses EF on the hot paths keeps its commands here
/// (<see cref="SqliteReadPool"/>'s read sessions, <see cref="Services.ReviewWriter"/>'s and <see cref="SqliteCheckpointer"/>'s
/// connections). Used by one
/// caller at a time; disposing it closes the connection.
/// </summary>
public sealed partial class SqliteSession(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = [];
    private SqliteTransaction? _transaction;

    /// <summary>A transaction that the session's commands join until it is committed or rolled back.</summary>
    public SqliteTransaction BeginTransaction() => _transaction = connection.BeginTransaction();

    /// <summary>The prepared statement for <paramref name="sql"/> with its parameters ($name or @name) bound, in order of first appearance, to <paramref name="values"/>.</summary>
    public SqliteCommand Command(string sql, params ReadOnlySpan<object?> values)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var name in ParameterNames(sql))
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }
            command.Prepare();
            _commands.Add(sql, command);
        }
        if (values.Length != command.Parameters.Count)
        {
            throw new ArgumentException($"The statement has {command.Parameters.Count} parameters, {values.Length} values were given.", nameof(values));
        }
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
        // A finished transaction has no connection any more.
        command.Transaction = _transaction?.Connection is null ? null : _transaction;
        return command;
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }
        _transaction?.Dispose();
        connection.Dispose();
    }

    private static IEnumerable<string> ParameterNames(string sql) => Parameter().Matches(sql).Select(m => m.Value).Distinct();

    [System.Text.RegularExpressions.GeneratedRegex(@"[$@]\w+")]
    private static partial System.Text.RegularExpressions.Regex Parameter();
}
