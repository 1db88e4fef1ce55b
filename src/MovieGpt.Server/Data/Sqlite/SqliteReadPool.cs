using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace MovieGpt.Server.Data.Sqlite;

/// <summary>
/// Open, read-only SQLite connections that keep their statements prepared. Microsoft.Data.Sqlite compiles a
/// command's SQL again for every new command (dotnet/efcore#14044), and EF registers its SQL functions again on
/// every pooled open: for the small reads of a busy endpoint that was most of the request's cost. A reader rents
/// a session (one connection, used by one caller at a time), runs its statements and gives it back. In WAL mode a
/// reset statement holds no snapshot, so idle sessions never hold back a checkpoint. One instance per app.
/// </summary>
public sealed class SqliteReadPool(SqliteDatabase database) : IDisposable
{
    // About the number of requests in flight on a small machine; beyond it sessions are opened and closed per use.
    public const int MaxIdle = 32;

    private readonly ConcurrentBag<SqliteSession> _idle = [];
    private int _idleCount;   // ConcurrentBag.Count takes every thread's lock
    private volatile bool _disposed;

    /// <summary>Sessions kept open for the next reads.</summary>
    public int Idle => Volatile.Read(ref _idleCount);

    /// <summary>Runs <paramref name="read"/> on an idle session; a session that failed is closed, not reused.</summary>
    public T Read<T>(Func<SqliteSession, T> read)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var session = TryTake() ?? new SqliteSession(database.Open(readOnly: true));
        T result;
        try
        {
            result = read(session);
        }
        catch
        {
            session.Dispose();
            throw;
        }
        Return(session);
        return result;
    }

    private void Return(SqliteSession session)
    {
        if (Interlocked.Increment(ref _idleCount) <= MaxIdle && !_disposed)
        {
            _idle.Add(session);
            if (_disposed)
            {
                Dispose();   // the pool closed while this one was out
            }
            return;
        }
        Interlocked.Decrement(ref _idleCount);
        session.Dispose();
    }

    private SqliteSession? TryTake()
    {
        if (!_idle.TryTake(out var session))
        {
            return null;
        }
        Interlocked.Decrement(ref _idleCount);
        return session;
    }

    public void Dispose()
    {
        _disposed = true;
        while (TryTake() is { } session)
        {
            session.Dispose();
        }
    }
}
