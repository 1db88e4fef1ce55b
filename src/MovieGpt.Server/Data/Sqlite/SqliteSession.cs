using Microsoft.Data.Sqlite;

namespace MovieGpt.Server.Data.Sqlite;

/// <summary>
/// One SQLite connection and the statements prepared on it, keyed by their SQL: Microsoft.Data.Sqlite compiles a
/// command's SQL again for every new command, so the code that bypasses EF on the hot paths keeps its commands here
/// (<see cref="SqliteReadPool"/>'s read sessions, <see cref="SqliteReviewInserter"/>'s and <see cref="SqliteCheckpointer"/>'s
/// connections). Used by one caller at a time; disposing it closes the connection.
/// </summary>
public sealed partial class SqliteSession(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = [];
    private SqliteTransaction? _transaction;

    /// <summary>A transaction that the session's commands join until it is committed or rolled back.</summary>
    public SqliteTransaction BeginTransaction() => _transaction = connection.BeginTransaction();

    /// <summary>
    /// The prepared statement for <paramref name="sql"/> with each of its parameters (<c>@name</c> or <c>$name</c>) bound
    /// by name to the value given for it; every parameter needs exactly one.
    /// </summary>
    public SqliteCommand Command(string sql, params ReadOnlySpan<(string Name, object? Value)> values)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var name in ParameterNames(sql))
            {
                // Without its prefix: Microsoft.Data.Sqlite then binds it to @name, $name or :name alike.
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
            var (name, value) = values[i];
            // With as many values as parameters, a name given twice would leave another parameter with its last value.
            if (!command.Parameters.Contains(name) || GivenBefore(values, i))
            {
                throw new ArgumentException($"The statement has no parameter {name}, or it was given twice.", nameof(values));
            }
            command.Parameters[name].Value = value ?? DBNull.Value;
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

    private static bool GivenBefore(ReadOnlySpan<(string Name, object? Value)> values, int index)
    {
        for (var i = 0; i < index; i++)
        {
            if (values[i].Name == values[index].Name)
            {
                return true;
            }
        }
        return false;
    }

    private static IEnumerable<string> ParameterNames(string sql) => Parameter().Matches(sql).Select(m => m.Groups[1].Value).Distinct();

    [System.Text.RegularExpressions.GeneratedRegex(@"[$@](\w+)")]
    private static partial System.Text.RegularExpressions.Regex Parameter();
}
