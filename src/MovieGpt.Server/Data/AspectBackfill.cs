using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MovieGpt.Sentiment.Aspects;

namespace MovieGpt.Server.Data;

/// <summary>
/// Gives the reviews stored before aspects were computed (<c>aspects IS NULL</c>) theirs, in the background from
/// start-up, a batch at a time: claim a batch, score it in one <see cref="AspectAnalyzer.AnalyzeBatch"/> call, write it in
/// one transaction, log the progress. Resumable by construction (only reviews still without aspects are claimed), and
/// safe beside other instances: on PostgreSQL a batch is claimed with <c>FOR UPDATE SKIP LOCKED</c>, so instances take
/// different reviews; on either database the UPDATE only fills a row whose aspects are still null, so a row filled or
/// deleted by someone else meanwhile is never overwritten. New reviews get their aspects from <see cref="ReviewWriter"/>.
/// </summary>
public sealed class AspectBackfill(
    IServiceScopeFactory scopes, AspectAnalyzer analyzer, IOptions<AspectOptions> options, ILogger<AspectBackfill> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Backfill)
        {
            return;
        }
        // Off the start-up path: the host goes on starting while the first batch is read.
        await Task.Yield();
        try
        {
            await RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            logger.LogInformation("Aspect back-fill stopped with the app; the next start goes on where it left off");
        }
        catch (Exception e)
        {
            // The reviews keep working without aspects; the next start tries again.
            logger.LogError(e, "Aspect back-fill failed; the next start goes on where it left off");
        }
    }

    /// <summary>Fills batches until no review is left without aspects; answers how many reviews this instance filled.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        int total = 0, batches = 0;
        while (await FillBatchAsync(ct) is var (filled, claimed) && claimed > 0)
        {
            total += filled;
            batches++;
            // Claimed and filled differ only when another writer filled (or deleted) a claimed review meanwhile.
            logger.LogInformation("Aspect back-fill: batch {Batch} filled {Count} of {Claimed} claimed reviews, {Total} so far",
                batches, filled, claimed, total);
        }
        if (batches > 0)
        {
            logger.LogInformation("Aspect back-fill done: {Total} reviews in {Batches} batches", total, batches);
        }
        return total;
    }

    /// <summary>One batch: how many reviews it claimed (0: none was left) and filled.</summary>
    private async Task<(int Filled, int Claimed)> FillBatchAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MovieGptDbContext>();
        var postgres = db.Database.IsNpgsql();
        // PostgreSQL holds the claimed rows locked until the batch is written; SQLite, with one writer, holds nothing
        // while the engine scores and relies on the conditional UPDATE alone.
        await using var claim = postgres ? await db.Database.BeginTransactionAsync(ct) : null;
        var claimed = await db.Reviews
            .FromSqlRaw(postgres
                ? "SELECT * FROM reviews WHERE aspects IS NULL ORDER BY id LIMIT {0} FOR UPDATE SKIP LOCKED"
                : "SELECT * FROM reviews WHERE aspects IS NULL ORDER BY id LIMIT {0}", options.Value.BackfillBatchSize)
            .AsNoTracking()
            .ToListAsync(ct);
        if (claimed.Count == 0)
        {
            return (0, 0);
        }
        var mentions = Analyze([.. claimed.Select(r => r.Content)]);
        // SQLite's single writer: queue behind the other writers of this process (as SaveChanges and the review
        // writer do) rather than race them for the database's lock.
        var gate = scope.ServiceProvider.GetService<Sqlite.SqliteWriteGate>();
        gate?.Enter();
        try
        {
            await using var write = claim is null ? await db.Database.BeginTransactionAsync(ct) : null;
            var filled = 0;
            for (var i = 0; i < claimed.Count; i++)
            {
                var (id, json) = (claimed[i].Id, AspectJson.Serialize(mentions[i]));
                // Only a row still without aspects: one filled (or deleted) by another instance meanwhile is left alone.
                filled += await db.Reviews
                    .Where(r => r.Id == id && r.Aspects == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.Aspects, json), ct);
            }
            await (claim ?? write)!.CommitAsync(ct);
            return (filled, claimed.Count);
        }
        finally
        {
            gate?.Exit();
        }
    }

    // A text the engine cannot read (stored by hand, say: whitespace only) gets no aspects rather than stopping the back-fill.
    private IReadOnlyList<IReadOnlyList<AspectMention>> Analyze(string[] texts)
    {
        try
        {
            return analyzer.AnalyzeBatch(texts);
        }
        catch (ArgumentException)
        {
            return [.. texts.Select(text => string.IsNullOrWhiteSpace(text) ? [] : analyzer.Analyze(text))];
        }
    }
}
