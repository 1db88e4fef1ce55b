using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MovieGpt.Server.Data.Idempotency;

/// <summary>
/// Reads and purges stored answers. Answers are written by the writes themselves, in their own transactions
/// (<see cref="IReviewInserter"/>, <see cref="Services.MovieService"/>); a key older than
/// <see cref="IdempotencyOptions.RetentionHours"/> answers nothing and is deleted, so the key can be used again.
/// </summary>
public sealed class IdempotencyStore(IServiceScopeFactory scopes, IOptions<IdempotencyOptions> options, TimeProvider clock)
{
    private DateTime Cutoff => clock.GetUtcNow().UtcDateTime - TimeSpan.FromHours(options.Value.RetentionHours);

    /// <summary>The answer stored for the key, or null when there is none (any more).</summary>
    public async Task<IdempotencyRecord?> FindAsync(string scope, string key, CancellationToken ct)
    {
        await using var services = scopes.CreateAsyncScope();
        var db = services.ServiceProvider.GetRequiredService<MovieGptDbContext>();
        var record = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Scope == scope && r.Key == key, ct);
        if (record is null || record.CreatedAt >= Cutoff)
        {
            return record;
        }
        var cutoff = Cutoff;
        await db.IdempotencyRecords.Where(r => r.Scope == scope && r.Key == key && r.CreatedAt < cutoff).ExecuteDeleteAsync(ct);
        return null;
    }

    /// <summary>Deletes every expired answer; answers how many.</summary>
    public async Task<int> PurgeAsync(CancellationToken ct)
    {
        await using var services = scopes.CreateAsyncScope();
        var db = services.ServiceProvider.GetRequiredService<MovieGptDbContext>();
        var cutoff = Cutoff;
        return await db.IdempotencyRecords.Where(r => r.CreatedAt < cutoff).ExecuteDeleteAsync(ct);
    }

    /// <summary>Whether an EF save failed because another request recorded the same key first.</summary>
    public static bool IsKeyTaken(DbUpdateException error) => error.InnerException switch
    {
        PostgresException postgres => postgres is { SqlState: PostgresErrorCodes.UniqueViolation, TableName: IdempotencyColumns.Table },
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode == Sqlite.SqliteReviewInserter.PrimaryKeyFailed,
        _ => false,
    };
}

/// <summary>Deletes expired answers every <see cref="IdempotencyOptions.PurgeIntervalMinutes"/> (every instance may; it is one DELETE).</summary>
public sealed class IdempotencyPurge(IdempotencyStore store, IOptions<IdempotencyOptions> options, ILogger<IdempotencyPurge> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.PurgeIntervalMinutes));
        try
        {
            do
            {
                try
                {
                    if (await store.PurgeAsync(stoppingToken) is > 0 and var purged)
                    {
                        logger.LogInformation("Deleted {Count} expired idempotency keys", purged);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The next round tries again; until then an expired key is still ignored when it is read.
                    logger.LogWarning("Could not delete expired idempotency keys: {Reason}", DatabaseOutage.Reason(e));
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
