using System.Threading.Channels;
using Microsoft.Extensions.Options;
using MovieGpt.Sentiment.Aspects;
using MovieGpt.Server.Data.Idempotency;

namespace MovieGpt.Server.Data;

/// <summary>
/// Scores and stores reviews by group commit: requests queue their review and wait, one loop scores everything queued
/// so far, with the clauses its aspects need, in one engine call (<see cref="AspectAnalyzer.ScoreBatch"/>) and inserts it
/// in one transaction through the provider's <see cref="IReviewInserter"/>.
/// Under load the reviews that arrive during one commit go into the next, so a burst of writers costs a few commits
/// instead of one each, and the engine far less per review than one call each. When a batch fails, its reviews are
/// retried one by one, so a review whose movie was deleted meanwhile, or whose text the engine cannot read, fails alone.
/// The loop has a thread of its own and makes synchronous calls: on the thread pool each step of a commit queued behind
/// every waiting request, stretching the commit that all queued writers wait for. For the same reason the waiting
/// requests resume on the thread pool, never on the loop's thread. The thread may run ahead of the thread pool
/// (<see cref="DatabaseOptions.ReviewWriterNice"/>). docs/architecture.md has the design, docs/performance.md what each
/// part gained. One instance per app; stopping the app drains the queue.
/// </summary>
public sealed class ReviewWriter(
    IReviewInserter inserter, AspectAnalyzer analyzer, IOptions<DatabaseOptions> options, ReviewMetrics metrics,
    ILogger<ReviewWriter> logger)
    : BackgroundService, IReviewStore
{
    // Big enough that a burst from every connection fits one commit, small enough to keep a commit short.
    private const int MaxBatch = 256;

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    // The single-reader channel cannot count its items, so the queue depth the metrics report is kept here.
    private int _queued;

    public async Task<Review?> StoreAsync(NewReview review)
    {
        // The rest of the request (filters, JSON, logging) must not run on the loop's thread and delay the next commit.
        var pending = new Pending(review, new TaskCompletionSource<Review?>(TaskCreationOptions.RunContinuationsAsynchronously));
        // Counted before it is queued, so the loop never takes it off the count first.
        Interlocked.Increment(ref _queued);
        if (!_queue.Writer.TryWrite(pending))
        {
            Interlocked.Decrement(ref _queued);
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
        metrics.ObserveQueue(() => Volatile.Read(ref _queued));
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
        RaisePriority(options.Value.ReviewWriterNice);
        var batch = new List<Pending>(MaxBatch);
        while (_queue.Reader.WaitToReadAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }
            Interlocked.Add(ref _queued, -batch.Count);
            Write(Score(batch));
        }
    }

    private void RaisePriority(int nice)
    {
        if (nice != 0 && !ThreadNice.TrySet(nice, out var error))
        {
            logger.LogInformation("The review writer runs at the default priority: nice {Nice} was refused (errno {Error})", nice, error);
        }
    }

    /// <summary>The batch's reviews scored in one engine call; if that fails, one by one, and those that fail get the error.</summary>
    private List<Scored> Score(List<Pending> batch)
    {
        try
        {
            string[] texts = [.. batch.Select(p => p.Review.Content)];
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var results = analyzer.ScoreBatch(texts);
            metrics.EngineBatch(System.Diagnostics.Stopwatch.GetElapsedTime(started));
            return [.. batch.Select((p, i) => new Scored(p.Review.Scored(results[i].Sentiment, results[i].Aspects), p.Review.Answer, p.Stored))];
        }
        catch (Exception)
        {
            var scored = new List<Scored>(batch.Count);
            foreach (var pending in batch)
            {
                try
                {
                    var result = analyzer.ScoreBatch([pending.Review.Content])[0];
                    scored.Add(new Scored(pending.Review.Scored(result.Sentiment, result.Aspects), pending.Review.Answer, pending.Stored));
                }
                catch (Exception e)
                {
                    pending.Stored.TrySetException(e);
                }
            }
            return scored;
        }
    }

    private void Write(List<Scored> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }
        try
        {
            Save(batch);
        }
        catch (Exception e) when (batch.Count > 1)
        {
            // An outage fails every review of the batch anyway, and each request's 503 reports it; a key another
            // request stored first is that request's answer, not a failure.
            if (!DatabaseOutage.IsOutage(e) && !inserter.IsKeyTaken(e))
            {
                logger.LogWarning(e, "A batch of {Count} reviews failed; storing them one by one", batch.Count);
            }
            foreach (var pending in batch)
            {
                Write([pending]);
            }
            return;
        }
        catch (Exception e)
        {
            Fail(batch[0], e);
            return;
        }
        metrics.Committed([.. batch.Select(p => p.Review)]);
        // Outside the try: nothing the waiting requests do may look like a failed batch.
        batch.ForEach(p => p.Stored.TrySetResult(p.Review));
    }

    // A review alone whose movie is gone (the foreign key) is the caller's 404, a key taken is the other request's
    // answer; any other failure is its error.
    private void Fail(Scored pending, Exception error)
    {
        if (inserter.IsMissingMovie(error))
        {
            pending.Stored.TrySetResult(null);
        }
        else if (inserter.IsKeyTaken(error))
        {
            pending.Stored.TrySetException(new IdempotencyKeyTakenException(error));
        }
        else
        {
            pending.Stored.TrySetException(error);
        }
    }

    private void Save(IReadOnlyList<Scored> batch)
    {
        int[] ids;
        try
        {
            ids = inserter.Insert([.. batch.Select(p => p.Review)], [.. batch.Select(p => p.Answer)]);
        }
        catch (Exception e) when (!inserter.IsMissingMovie(e) && !inserter.IsKeyTaken(e))
        {
            // Go on with a fresh connection rather than one in an unknown state (dropped by the server, say).
            inserter.CloseConnection();
            throw;
        }
        // Ids only once they are committed: a failed batch is retried review by review.
        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Review.Id = ids[i];
        }
    }

    private sealed record Pending(NewReview Review, TaskCompletionSource<Review?> Stored);

    private sealed record Scored(Review Review, Func<Review, IdempotencyRecord>? Answer, TaskCompletionSource<Review?> Stored);
}
