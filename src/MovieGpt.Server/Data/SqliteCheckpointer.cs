using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MovieGpt.Server.Extensions;

namespace MovieGpt.Server.Data;

/// <summary>
/// Copies SQLite's write-ahead log back into the database file on a timer of its own. By default the connection
/// that commits runs the checkpoint (and its fsync) whenever the log passes 1,000 pages, so now and then one
/// review commit, and every POST queued behind it, waited tens of milliseconds: that was the POST p99 tail
/// (at 1,000 requests/s offered, 28–32 ms with it on the commit, 12–16 ms without). Every app connection
/// therefore has <c>wal_autocheckpoint = 0</c> (<see cref="SqliteConnectionSetup"/>), and this loop runs a
/// PASSIVE checkpoint, which never blocks the writer or the readers, at the configured interval.
/// One instance per app, on SQLite only.
/// </summary>
public sealed class SqliteCheckpointer(IServiceScopeFactory scopes, IOptions<DatabaseOptions> options, ILogger<SqliteCheckpointer> logger)
    : BackgroundService
{
    /// <summary>The last checkpoint's answer: pages in the log and pages of it copied into the database.</summary>
    public CheckpointResult? Last { get; private set; }

    private int _completed;

    /// <summary>Checkpoints run so far.</summary>
    public int Completed => Volatile.Read(ref _completed);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.Value.SqliteCheckpointMilliseconds));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                Checkpoint();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Closing the last connection checkpoints what is left.
        }
    }

    private void Checkpoint()
    {
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<MovieGptDbContext>();
            var connection = db.Database.GetDbConnection();
            db.Database.OpenConnection();
            try
            {
                using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
                using var reader = command.ExecuteReader();
                if (reader.Read())
                {
                    Last = new CheckpointResult(reader.GetInt32(1), reader.GetInt32(2));
                    Interlocked.Increment(ref _completed);
                }
            }
            finally
            {
                db.Database.CloseConnection();
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A missed checkpoint only lets the log grow until the next one.
            logger.LogWarning(e, "SQLite checkpoint failed");
        }
    }
}

/// <summary>Columns of <c>PRAGMA wal_checkpoint</c>: frames in the log and frames copied to the database (−1 outside WAL mode).</summary>
public sealed record CheckpointResult(int LogFrames, int CheckpointedFrames);
