using System.ComponentModel.DataAnnotations;

namespace MovieGpt.Server.Services;

/// <summary>The "Rankings" configuration section: how scores are adjusted for confidence and how trending decays.</summary>
public sealed class RankingOptions
{
    public const string SectionName = "Rankings";

    /// <summary>
    /// m of the Bayesian score (v·R + m·C)/(v + m): how many reviews' worth of weight the prior C carries. A movie
    /// with fewer reviews than this has no rank in the best list yet.
    /// </summary>
    [Range(1, 100_000)]
    public int MinReviews { get; set; } = 10;

    /// <summary>Trending weighs each review by 2^(−age in days / this), so a review this many days old counts half.</summary>
    [Range(0.1, 3650)]
    public double TrendingHalfLifeDays { get; set; } = 3;

    /// <summary>
    /// How long the prior C (the mean over all reviews) is reused before it is summed again; 0 (the default) sums it on
    /// every read, so two instances on one database never rank differently. Above 0 saves one aggregate query a read.
    /// </summary>
    [Range(0, 86_400)]
    public int PriorRefreshSeconds { get; set; }
}
