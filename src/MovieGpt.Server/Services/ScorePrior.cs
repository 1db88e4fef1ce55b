using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MovieGpt.Server.Data;

namespace MovieGpt.Server.Services;

/// <summary>
/// The Bayesian (IMDb-style) confidence adjustment: a movie's adjusted score is v/(v+m)·R + m/(v+m)·C, i.e.
/// (sum of positivities + m·C)/(v + m), with v its review count, R its mean positivity, C the mean positivity of
/// all reviews and m <see cref="RankingOptions.MinReviews"/>. A movie without reviews scores C.
/// </summary>
public readonly record struct Prior(double Score, int Weight)
{
    /// <summary>The mean before any review exists: halfway, as a neutral review scores.</summary>
    public const double Neutral = 0.5;

    public double Adjust(double positivitySum, int reviewCount) => (positivitySum + Weight * Score) / (reviewCount + Weight);
}

/// <summary>
/// Sums C from the per-movie tallies (never the reviews) and reuses it for <see cref="RankingOptions.PriorRefreshSeconds"/>:
/// it moves slowly, and every movie read needs it.
/// </summary>
public sealed class ScorePrior(IServiceScopeFactory scopes, IOptions<RankingOptions> options, TimeProvider clock)
{
    private readonly RankingOptions _options = options.Value;
    // A reference, so a reader never sees half of a concurrent refresh.
    private volatile Cached? _cached;

    public async Task<Prior> GetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_cached is { } cached && now < cached.Until)
        {
            return cached.Prior;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MovieGptDbContext>();
        var totals = await db.ReviewTallies
            .GroupBy(_ => 1)
            .Select(g => new { Count = g.Sum(t => t.ReviewCount), Positivity = g.Sum(t => t.PositivitySum) })
            .FirstOrDefaultAsync(ct);
        var prior = new Prior(totals is { Count: > 0 } ? totals.Positivity / totals.Count : Prior.Neutral, _options.MinReviews);
        _cached = new Cached(prior, now.AddSeconds(_options.PriorRefreshSeconds));
        return prior;
    }

    private sealed record Cached(Prior Prior, DateTimeOffset Until);
}
