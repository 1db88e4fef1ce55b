using System.Diagnostics;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace MovieGpt.Server.Extensions;

/// <summary>
/// The rate-limit budgets, one fixed window per policy and client, owned once for the process. The rate limiter's
/// policies (the API) and the UI (whose writes run over the circuit and whose log-in is a form post, past those
/// endpoints) draw on the same ones, so a client's API and UI requests count against one budget.
/// </summary>
public sealed class RateLimitBudgets : IDisposable
{
    private readonly Dictionary<string, PartitionedRateLimiter<string>> _budgets;

    public RateLimitBudgets(IOptions<RateLimitOptions> options)
    {
        var settings = options.Value;
        Enabled = settings.Enabled;
        _budgets = new()
        {
            [RateLimitPolicies.Writes] = Create(settings.Writes),
            [RateLimitPolicies.Ai] = Create(settings.Ai),
            [RateLimitPolicies.Auth] = Create(settings.Auth),
        };
    }

    /// <summary>Off (<c>RateLimits:Enabled=false</c>), every budget lets everything through.</summary>
    public bool Enabled { get; }

    /// <summary>Takes a permit from <paramref name="client"/>'s <paramref name="policy"/> budget: null when granted, else the wait until the window opens.</summary>
    public TimeSpan? TryTake(string policy, string client)
    {
        if (!Enabled)
        {
            return null;
        }
        using var lease = _budgets[policy].AttemptAcquire(client);
        return lease.IsAcquired ? null : RetryAfter(lease);
    }

    /// <summary>The rate limiter's partition for a request to an endpoint with <paramref name="policy"/>.</summary>
    public RateLimitPartition<string> Partition(string policy, HttpContext context) => Enabled
        ? RateLimitPartition.Get(RateLimitExtensions.ClientKey(context), client => new SharedLimiter(_budgets[policy], client))
        : RateLimitPartition.GetNoLimiter("off");

    public static TimeSpan RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);

    /// <summary>Whole seconds to wait, at least one: what <c>Retry-After</c> and the UI's message say.</summary>
    public static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    public void Dispose()
    {
        foreach (var budget in _budgets.Values)
        {
            budget.Dispose();
        }
    }

    private static PartitionedRateLimiter<string> Create(WindowLimit limit) => PartitionedRateLimiter.Create<string, string>(client =>
        RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit,
            Window = TimeSpan.FromSeconds(limit.WindowSeconds),
            QueueLimit = 0,
        }));

    // The middleware keeps a limiter per policy and client of its own and drops it once idle; this one only forwards
    // to the shared budget, which outlives it, so it reports idleness from its own last use.
    private sealed class SharedLimiter(PartitionedRateLimiter<string> budget, string client) : RateLimiter
    {
        private long _lastUsed = Stopwatch.GetTimestamp();

        public override TimeSpan? IdleDuration => Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastUsed));

        public override RateLimiterStatistics? GetStatistics() => budget.GetStatistics(client);

        protected override RateLimitLease AttemptAcquireCore(int permitCount)
        {
            Interlocked.Exchange(ref _lastUsed, Stopwatch.GetTimestamp());
            return budget.AttemptAcquire(client, permitCount);
        }

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
        {
            Interlocked.Exchange(ref _lastUsed, Stopwatch.GetTimestamp());
            return budget.AcquireAsync(client, permitCount, cancellationToken);
        }
    }
}
