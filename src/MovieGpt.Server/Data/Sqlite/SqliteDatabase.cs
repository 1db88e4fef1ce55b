using Microsoft.Data.Sqlite;

namespace MovieGpt.Server.Data.Sqlite;

/// <summary>
/// The app's SQLite database for the code that bypasses EF (<see cref="SqliteReadPool"/>,
/// <see cref="SqliteReviewInserter"/>, <see cref="SqliteCheckpointer"/>): opens connections with the settings EF's connections get
/// (foreign keys on, which EF asks for on every open; <see cref="SqliteConnectionSetup"/>'s pragmas).
/// </summary>
public sealed record SqliteDatabase(string ConnectionString)
{
    /// <summary>
    /// An open connection, outside Microsoft.Data.Sqlite's pool (its settings must not reach EF's connections, and its
    /// owner keeps it open); <paramref name="readOnly"/> ones refuse every write (<c>query_only</c>).
    /// </summary>
    public SqliteConnection Open(bool readOnly)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(ConnectionString) { Pooling = false }.ToString());
        try
        {
            connection.Open();
            using var setup = connection.CreateCommand();
            setup.CommandText = "PRAGMA foreign_keys = ON; " + SqliteConnectionSetup.Pragmas + (readOnly ? " PRAGMA query_only = ON;" : "");
            setup.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
