using Microsoft.Extensions.Options;

namespace MovieGpt.Server.Data.Sqlite;

/// <summary>
/// Copies SQLite's write-ahead log back into the database file on a timer of its own. By default the connection
/// that commits runs the checkpoint (and its fsync) whenever the log passes 1,000 pages, so now and then one
/// review commit, and every POST queued behind it, waited tens of milliseconds: that was the POST p99 tail
/// (docs/performance.md). Every app connection
/// therefore has <c>wal_autocheckpoint = 0</c> (<see cref="SqliteConnectionSetup"/>), and this loop runs a
/// PASSIVE checkpoint, which never blocks the writer or the readers, at the configured interval.
/// One instance per app, on SQLite only.
/// </summary>
public sealed class SqliteCheckpointer(SqliteDatabase database, IOptions<DatabaseOptions> options, ILogger<SqliteCheckpointer> logger)
    : BackgroundService
{
    // Opened on the first tick and kept: the loop is its only user.
    private SqliteSession? _session;

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
        finally
        {
            Close();
        }
    }

    private void Checkpoint()
    {
        try
        {
            _session ??= new SqliteSession(database.Open(readOnly: false));
            using var reader = _session.Command("PRAGMA wal_checkpoint(PASSIVE);").ExecuteReader();
            if (reader.Read())
            {
                Last = new CheckpointResult(reader.GetInt32(1), reader.GetInt32(2));
                Interlocked.Increment(ref _completed);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A missed checkpoint only lets the log grow until the next one; the next tries a fresh connection.
            Close();
            logger.LogWarning(e, "SQLite checkpoint failed");
        }
    }

    private void Close()
    {
        _session?.Dispose();
        _session = null;
    }
}

/// <summary>Columns of <c>PRAGMA wal_checkpoint</c>: frames in the log and frames copied to the database (−1 outside WAL mode).</summary>
public sealed record CheckpointResult(int LogFrames, int CheckpointedFrames);
