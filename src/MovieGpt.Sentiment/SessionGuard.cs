namespace MovieGpt.Sentiment;

/// <summary>
/// Keeps a native inference session alive while runs use it: a host shutting down disposes its analyzer while a
/// circuit or the review writer may still be scoring, and freeing the session under a run crashes the process.
/// <see cref="Run{T}"/> refuses work once <see cref="Close"/> began; <see cref="Close"/> waits for the runs in
/// flight (they take milliseconds) before freeing.
/// </summary>
internal sealed class SessionGuard(object owner)
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(10);

    private int _running;
    private int _closed;

    public T Run<T>(Func<T> run)
    {
        Interlocked.Increment(ref _running);
        try
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _closed) != 0, owner);
            return run();
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    /// <summary>Refuses new runs, waits for those in flight, then calls <paramref name="free"/> once; later calls do nothing.</summary>
    public void Close(Action free)
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }
        SpinWait.SpinUntil(() => Volatile.Read(ref _running) == 0, DrainTimeout);
        free();
    }
}
