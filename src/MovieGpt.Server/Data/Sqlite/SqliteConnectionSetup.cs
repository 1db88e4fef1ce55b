using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MovieGpt.Server.Data.Sqlite;

/// <summary>
/// Per-connection SQLite settings. In WAL mode, synchronous=NORMAL syncs the log at checkpoints instead of at
/// every commit: the database stays consistent after a crash, and a power cut can lose at most the last
/// transactions. Without it every review insert waits for an fsync, several milliseconds on ordinary disks.
/// wal_autocheckpoint = 0 leaves checkpoints to <see cref="SqliteCheckpointer"/>, off the commit path.
/// The settings belong to the native connection, which Microsoft.Data.Sqlite's pool hands from one
/// <see cref="SqliteConnection"/> to the next, so they are applied once per native connection, not on every
/// open (a pooled open is cheap; a statement on each one was a good part of a small request's cost).
/// One instance per app (registered as a singleton).
/// </summary>
public sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    public const string Pragmas = "PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 0;";

    private static readonly object Applied = new();

    // Native handles already set up; weak, so a handle the pool closes is forgotten with it.
    private readonly ConditionalWeakTable<object, object> _setUp = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (NeedsSetup(connection, out var handle))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
            _setUp.AddOrUpdate(handle, Applied);
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (NeedsSetup(connection, out var handle))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
            _setUp.AddOrUpdate(handle, Applied);
        }
    }

    // A native connection is used by one SqliteConnection at a time, so checking before and recording after is safe.
    private bool NeedsSetup(DbConnection connection, out object handle)
    {
        handle = (connection as SqliteConnection)?.Handle ?? (object)connection;
        return !_setUp.TryGetValue(handle, out _);
    }
}
