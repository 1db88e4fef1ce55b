using System.Threading.Channels;
using MovieGpt.Server.Data;

namespace MovieGpt.Server.Services;

/// <summary>
/// Stores reviews by group commit, on SQLite (a single-writer database): requests queue their scored review and
/// wait, one loop inserts everything queued so far in one transaction. Under load the reviews that arrive during
/// one commit go into the next, so a burst of writers costs a few commits instead of queuing for one each. When a
/// batch fails, its reviews are retried one by one, so a review whose movie was deleted meanwhile fails alone.
/// The loop has a thread of its own and uses the synchronous EF calls: on the thread pool each step of a commit
/// queued behind every waiting request, which stretched the commit that all queued writers wait for.
/// One instance per app; stopping the app drains the queue.
/// </summary>
public sealed class ReviewWriter(IServiceScopeFactory scopes, ILogger<ReviewWriter> logger) : BackgroundService, IReviewStore
{
    // Big enough that a burst from every connection fits one commit, small enough to keep a commit short.
    private const int MaxBatch = 256;

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    public async Task<bool> StoreAsync(Review review)
    {
        var pending = new Pending(review, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The service is shutting down; the review was not stored.");
        }
        return await pending.Stored.Task;
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        // No new reviews; the loop stores what is queued and ends.
        _queue.Writer.TryComplete();
        return base.StopAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                Run();
                done.SetResult();
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        })
        {
            IsBackground = true,
            Name = "review writer",
        };
        thread.Start();
        return done.Task;
    }

    // Not stoppingToken: queued reviews were accepted and must be written before the app exits.
    private void Run()
    {
        var batch = new List<Pending>(MaxBatch);
        while (_queue.Reader.WaitToReadAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }
            Write(batch);
        }
    }

    private void Write(List<Pending> batch)
    {
        try
        {
            Save(batch);
            batch.ForEach(p => p.Stored.TrySetResult(true));
        }
        catch (Exception e) when (batch.Count > 1)
        {
            logger.LogWarning(e, "A batch of {Count} reviews failed; storing them one by one", batch.Count);
            foreach (var pending in batch)
            {
                // The failed commit may have left an id on the entity.
                pending.Review.Id = 0;
                Write([pending]);
            }
        }
        catch (Exception e)
        {
            Fail(batch[0], e);
        }
    }

    // A missing movie is the caller's 404, any other failure its error.
    private void Fail(Pending pending, Exception error)
    {
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<MovieGptDbContext>();
            if (!db.Movies.Any(m => m.Id == pending.Review.MovieId))
            {
                pending.Stored.TrySetResult(false);
                return;
            }
        }
        catch (Exception e)
        {
            logger.LogError(e, "Could not check the movie of a review that failed to store");
        }
        pending.Stored.TrySetException(error);
    }

    private void Save(IReadOnlyList<Pending> batch)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MovieGptDbContext>();
        foreach (var pending in batch)
        {
            db.Reviews.Add(pending.Review);
        }
        db.SaveChanges();
    }

    private sealed record Pending(Review Review, TaskCompletionSource<bool> Stored);
}
