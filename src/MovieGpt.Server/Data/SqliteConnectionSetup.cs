using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MovieGpt.Server.Data;

/// <summary>
/// Per-connection SQLite settings. In WAL mode, synchronous=NORMAL syncs the log at checkpoints instead of at
/// every commit: the database stays consistent after a crash, and a power cut can lose at most the last
/// transactions. Without it every review insert waits for an fsync, several milliseconds on ordinary disks.
/// </summary>
public sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous = NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
