using Microsoft.EntityFrameworkCore;
using MovieGpt.Sentiment;
using MovieGpt.Server.Contracts;
using MovieGpt.Server.Data;

namespace MovieGpt.Server.Services;

/// <summary>
/// Turns a set of reviews into one honest set of numbers, aggregated by the database: a movie with thousands of
/// reviews costs three small grouped queries, not thousands of rows.
/// </summary>
public static class ReviewStatistics
{
    /// <summary>A set needs this many reviews before the timeline is worth drawing.</summary>
    public const int MinimumForTimeline = 3;

    public static async Task<ReviewStatsResponse> ComputeAsync(IQueryable<Review> reviews, CancellationToken ct)
    {
        // Positivity = P(positive) + P(neutral)/2: it rises with how positive a review is, 0.5 for a neutral one.
        var labels = await reviews
            .GroupBy(r => r.SentimentLabel)
            .Select(g => new
            {
                Label = g.Key,
                Count = g.Count(),
                Positivity = g.Sum(r => r.ProbabilityPositive + r.ProbabilityNeutral / 2),
                Rating = g.Sum(r => r.PredictedRating),
                First = g.Min(r => r.CreatedAt),
                Last = g.Max(r => r.CreatedAt),
            })
            .ToListAsync(ct);
        var count = labels.Sum(l => l.Count);
        if (count == 0)
        {
            return new ReviewStatsResponse(0, 0, 0, 0, 0, 0, 0, 0, null, new int[10], null, null, []);
        }

        // Ratings carry one decimal; floor(x + 0.5) rounds halves up the same way on every provider.
        var bins = await reviews
            .GroupBy(r => Math.Floor(r.PredictedRating + 0.5))
            .Select(g => new { Bin = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var histogram = new int[10];
        foreach (var bin in bins)
        {
            histogram[Math.Clamp((int)bin.Bin, 1, 10) - 1] += bin.Count;
        }

        int Count(string label) => labels.Where(l => l.Label == label).Sum(l => l.Count);
        double Share(int n) => Math.Round((double)n / count, 4);
        var (positive, neutral, negative) = (Count(SentimentLabels.Positive), Count(SentimentLabels.Neutral), Count(SentimentLabels.Negative));
        return new ReviewStatsResponse(
            count,
            Math.Round(labels.Sum(l => l.Positivity) / count, 4),
            positive,
            neutral,
            negative,
            Share(positive),
            Share(neutral),
            Share(negative),
            Math.Round(labels.Sum(l => l.Rating) / count, 2),
            histogram,
            labels.Min(l => l.First),
            labels.Max(l => l.Last),
            count < MinimumForTimeline ? [] : await TimelineAsync(reviews, ct));
    }

    private static async Task<IReadOnlyList<SentimentTimelinePoint>> TimelineAsync(IQueryable<Review> reviews, CancellationToken ct)
    {
        var days = await reviews
            .GroupBy(r => r.CreatedAt.Date)
            .Select(g => new { Day = g.Key, Count = g.Count(), Positivity = g.Average(r => r.ProbabilityPositive + r.ProbabilityNeutral / 2) })
            .ToListAsync(ct);
        return [.. days
            .OrderBy(d => d.Day)
            .Select(d => new SentimentTimelinePoint(DateOnly.FromDateTime(d.Day), d.Count, Math.Round(d.Positivity, 4)))];
    }
}
