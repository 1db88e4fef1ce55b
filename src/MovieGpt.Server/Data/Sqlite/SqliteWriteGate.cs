using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MovieGpt.Server.Data.Sqlite;

/// <summary>
/// Lets one SaveChanges at a time reach a SQLite database. SQLite has a single writer; when two connections
/// of this process race for it, Microsoft.Data.Sqlite answers the loser's SQLITE_BUSY by sleeping and
/// retrying, which turns a sub-millisecond insert into a 100+ ms one. Queuing the writers here instead keeps
/// every write short and in arrival order. One instance per app (registered as a singleton). A write of several
/// SaveChanges holds it across them (<see cref="RunAsync"/>), and its SaveChanges pass through.
/// </summary>
public sealed class SqliteWriteGate : SaveChangesInterceptor, IWriteGate, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    // Set while this flow of control runs inside RunAsync: its SaveChanges neither take nor release the gate.
    private readonly AsyncLocal<bool> _held = new();

    public async Task<T> RunAsync<T>(Func<Task<T>> write, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        _held.Value = true;   // flows into write(), not back to the caller
        try
        {
            return await write();
        }
        finally
        {
            _held.Value = false;
            _gate.Release();
        }
    }

    private void Wait()
    {
        if (!_held.Value)
        {
            _gate.Wait();
        }
    }

    private Task WaitAsync(CancellationToken ct) => _held.Value ? Task.CompletedTask : _gate.WaitAsync(ct);

    private void Release()
    {
        if (!_held.Value)
        {
            _gate.Release();
        }
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Wait();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await WaitAsync(cancellationToken);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Release();
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Release();
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Release();

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release();
        return Task.CompletedTask;
    }

    // A concurrency failure (a row updated or deleted that was not there) ends the save without SaveChangesFailed, so
    // the gate opens here; nothing in the app suppresses the exception, which would make EF go on to SavedChanges.
    public override InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData, InterceptionResult result)
    {
        Release();
        return result;
    }

    public override ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(
        ConcurrencyExceptionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Release();
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Release();

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Release();
        return Task.CompletedTask;
    }

    /// <summary>For a writer that does not go through SaveChanges (<see cref="SqliteReviewInserter"/>); pair with <see cref="Exit"/>.</summary>
    public void Enter() => _gate.Wait();

    public void Exit() => _gate.Release();

    public void Dispose() => _gate.Dispose();
}
