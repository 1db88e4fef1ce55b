using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace MovieGpt.Server.Data;

/// <summary>
/// Tells a database that cannot answer now (refused or dropped connections, a server shutting down or full, a file
/// locked past the command timeout) from a statement that failed: the first is worth a 503 and a retry, the second is a bug.
/// </summary>
public static class DatabaseOutage
{
    private const int SqliteBusy = 5, SqliteLocked = 6;

    public static bool IsOutage(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            var outage = e switch
            {
                // Class 08: connection exceptions; 57P01-03: shutting down or starting; 53300: too many connections.
                PostgresException postgres => postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                    || postgres.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown
                        or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.TooManyConnections,
                // Npgsql's own errors are transient when the socket failed or the pool timed out.
                NpgsqlException npgsql => npgsql.IsTransient,
                // A file that cannot be opened stays so; one locked past the command timeout may not.
                SqliteException sqlite => sqlite.SqliteErrorCode is SqliteBusy or SqliteLocked,
                SocketException => true,
                _ => false,
            };
            if (outage)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The innermost message, which names the cause (refused, timed out, shutting down) without a stack trace.</summary>
    public static string Reason(Exception error)
    {
        var inner = error;
        while (inner.InnerException is not null)
        {
            inner = inner.InnerException;
        }
        return inner.Message;
    }
}
