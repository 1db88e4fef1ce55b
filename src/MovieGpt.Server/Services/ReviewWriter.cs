using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using MovieGpt.Server.Data;

namespace MovieGpt.Server.Services;

/// <summary>
/// Stores reviews by group commit: requests queue their scored review and wait, one loop inserts everything
/// queued so far in one transaction. Under load the reviews that arrive during one commit go into the next,
/// so a burst of writers costs a few commits instead of one each (on SQLite, the single writer, they used to
/// queue behind each other one commit at a time). When a batch fails, its reviews are retried one by one, so a
/// review whose movie was deleted meanwhile fails alone. One instance per app; stopping the app drains the queue.
/// </summary>
public sealed class ReviewWriter(IServiceScopeFactory scopes, ILogger<ReviewWriter> logger) : BackgroundService
{
    // Big enough that a burst from every connection fits one commit, small enough to keep a commit short.
    private const int MaxBatch = 256;

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Stores the review and returns it with its id; false when its movie does not exist (any more).</summary>
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

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(MaxBatch);
        // Not stoppingToken: queued reviews were accepted and must be written before the app exits.
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }
            await WriteAsync(batch);
        }
    }

    private async Task WriteAsync(List<Pending> batch)
    {
        try
        {
            await SaveAsync(batch);
            batch.ForEach(p => p.Stored.TrySetResult(true));
        }
        catch (Exception e) when (batch.Count > 1)
        {
            logger.LogWarning(e, "A batch of {Count} reviews failed; storing them one by one", batch.Count);
            foreach (var pending in batch)
            {
                await WriteOneAsync(pending);
            }
        }
        catch (Exception e)
        {
            await FailAsync(batch[0], e);
        }
    }

    private async Task WriteOneAsync(Pending pending)
    {
        try
        {
            pending.Review.Id = 0;
            await SaveAsync([pending]);
            pending.Stored.TrySetResult(true);
        }
        catch (Exception e)
        {
            await FailAsync(pending, e);
        }
    }

    // A missing movie is the caller's 404, any other failure its error.
    private async Task FailAsync(Pending pending, Exception error)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MovieGptDbContext>();
            if (!await db.Movies.AnyAsync(m => m.Id == pending.Review.MovieId))
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

    private async Task SaveAsync(IReadOnlyList<Pending> batch)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MovieGptDbContext>();
        foreach (var pending in batch)
        {
            db.Reviews.Add(pending.Review);
        }
        await db.SaveChangesAsync();
    }

    private sealed record Pending(Review Review, TaskCompletionSource<bool> Stored);
}
