using System.ComponentModel.DataAnnotations;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using MovieGpt.Server.Extensions;

namespace MovieGpt.Server.Services;

/// <summary>What one <c>/api/sentiment*</c> request may ask of the engine: the "Sentiment" section's request limits.</summary>
public sealed class ScoringOptions
{
    public const string SectionName = "Sentiment";

    /// <summary>Characters (UTF-16 units; a Korean syllable is one) in all the texts of one request; more is 413.</summary>
    [Range(1, 100_000_000)]
    public int MaxRequestCharacters { get; set; } = 1_000_000;

    /// <summary>Requests scored at once; the other cores stay free for reads, writes and health checks.</summary>
    [Range(1, 64)]
    public int ScoringConcurrency { get; set; } = 1;

    /// <summary>Requests one client may have waiting behind its request being scored; more is 429.</summary>
    [Range(0, 1000)]
    public int QueuePerClient { get; set; } = 4;

    /// <summary>Clients waiting for a turn at once; more is 503.</summary>
    [Range(1, 10_000)]
    public int QueueLimit { get; set; } = 64;
}

/// <summary>
/// The bounded, fair queue in front of the engine for <c>/api/sentiment*</c>: at most
/// <see cref="ScoringOptions.ScoringConcurrency"/> requests score at once, and each client (the rate limits' client:
/// user or IP address) has at most one request waiting among them, first come first served, the rest in a short line
/// of its own. So a client sending many maximal batches takes its turn and no more, and the turns use a bounded part of
/// the machine.
/// </summary>
public sealed class ScoringQueue : IDisposable
{
    private readonly PartitionedRateLimiter<string> _perClient;
    private readonly ConcurrencyLimiter _engine;

    public ScoringQueue(IOptions<ScoringOptions> options)
    {
        var settings = options.Value;
        _perClient = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetConcurrencyLimiter(client,
            _ => new ConcurrencyLimiterOptions { PermitLimit = 1, QueueLimit = settings.QueuePerClient }));
        _engine = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = settings.ScoringConcurrency,
            QueueLimit = settings.QueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <summary>Waits for the request's turn; dispose the answer when scoring is done. A refusal carries its answer.</summary>
    public async Task<ScoringTurn> WaitAsync(HttpContext context)
    {
        var client = await _perClient.AcquireAsync(RateLimitExtensions.ClientKey(context), 1, context.RequestAborted);
        if (!client.IsAcquired)
        {
            client.Dispose();
            return Refuse(context, StatusCodes.Status429TooManyRequests, "This client has too many scoring requests waiting.");
        }
        RateLimitLease engine;
        try
        {
            engine = await _engine.AcquireAsync(1, context.RequestAborted);
        }
        catch
        {
            client.Dispose();
            throw;
        }
        if (!engine.IsAcquired)
        {
            engine.Dispose();
            client.Dispose();
            return Refuse(context, StatusCodes.Status503ServiceUnavailable, "Too many scoring requests are waiting.");
        }
        return new ScoringTurn(null, client, engine);
    }

    /// <summary>Requests waiting for the engine (each client's first in line).</summary>
    internal long WaitingForEngine => _engine.GetStatistics()?.CurrentQueuedCount ?? 0;

    /// <summary>Requests of one client waiting behind its request at or in line for the engine.</summary>
    internal long WaitingBehind(string client) => _perClient.GetStatistics(client)?.CurrentQueuedCount ?? 0;

    public void Dispose()
    {
        _perClient.Dispose();
        _engine.Dispose();
    }

    private static ScoringTurn Refuse(HttpContext context, int status, string detail)
    {
        context.Response.Headers.RetryAfter = "1";
        return new ScoringTurn(TypedResults.Problem(detail: detail, statusCode: status), null, null);
    }
}

/// <summary>A turn at the engine (<see cref="Refusal"/> null), or the answer to give instead.</summary>
public sealed class ScoringTurn(ProblemHttpResult? refusal, RateLimitLease? client, RateLimitLease? engine) : IDisposable
{
    public ProblemHttpResult? Refusal { get; } = refusal;

    public void Dispose()
    {
        engine?.Dispose();
        client?.Dispose();
    }
}
