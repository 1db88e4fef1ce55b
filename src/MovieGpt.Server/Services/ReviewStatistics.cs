using MovieGpt.Sentiment;
using MovieGpt.Sentiment.Aspects;
using MovieGpt.Server.Contracts;
using MovieGpt.Server.Data;

namespace MovieGpt.Server.Services;

/// <summary>
/// Turns a set of reviews into one honest set of numbers from the tallies the database keeps per label, rounded
/// rating and day: a movie with a hundred thousand reviews costs the same few small queries as one with ten.
/// </summary>
public static class ReviewStatistics
{
    /// <summary>A set needs this many reviews before the timeline is worth drawing.</summary>
    public const int MinimumForTimeline = 3;

    /// <summary>Statistics of one movie's reviews, or of all reviews when <paramref name="movieId"/> is null.</summary>
    public static async Task<ReviewStatsResponse> ComputeAsync(ICatalogReader catalog, int? movieId, CancellationToken ct)
    {
        var groups = await catalog.ReviewGroupsAsync(movieId, ct);
        return groups.Count == 0 ? Empty : From(groups, await catalog.ReviewSpanAsync(movieId, ct));
    }

    /// <summary>Statistics from a set's tallies (any order) and its first and last review times.</summary>
    public static ReviewStatsResponse From(IReadOnlyCollection<ReviewGroup> groups, ReviewSpan span) =>
        groups.Count == 0 ? Empty : Summarize(groups, span.First, span.Last);

    /// <summary>Each of the five aspects, in <see cref="AspectNames.All"/> order, from its mention counts per label (any order).</summary>
    public static IReadOnlyList<AspectSummary> Aspects(IReadOnlyCollection<AspectCount> counts) =>
    [
        .. AspectNames.All.Select(aspect =>
        {
            int Count(string label) => counts.Where(c => c.Aspect == aspect && c.Label == label).Sum(c => c.Mentions);
            int positive = Count(SentimentLabels.Positive), negative = Count(SentimentLabels.Negative), neutral = Count(SentimentLabels.Neutral);
            var mentions = positive + negative + neutral;
            return new AspectSummary(aspect, mentions, positive, negative, neutral, mentions == 0 ? 0 : Math.Round((double)positive / mentions, 4));
        }),
    ];

    private static ReviewStatsResponse Empty => new(0, 0, 0, 0, 0, 0, 0, 0, null, new int[10], null, null, []);

    /// <summary>The answer from the grouped rows (any order, at least one) and the first and last review times.</summary>
    private static ReviewStatsResponse Summarize(IReadOnlyCollection<ReviewGroup> groups, DateTime? first, DateTime? last)
    {
        var count = groups.Sum(g => g.Count);
        var histogram = new int[10];
        foreach (var group in groups)
        {
            histogram[Math.Clamp(group.Bin, 1, 10) - 1] += group.Count;
        }

        int Count(string label) => groups.Where(g => g.Label == label).Sum(g => g.Count);
        double Share(int n) => Math.Round((double)n / count, 4);
        var userRatings = groups.Sum(g => g.UserRatings);
        var (positive, neutral, negative) = (Count(SentimentLabels.Positive), Count(SentimentLabels.Neutral), Count(SentimentLabels.Negative));
        return new ReviewStatsResponse(
            count,
            Math.Round(groups.Sum(g => g.Positivity) / count, 4),
            positive,
            neutral,
            negative,
            Share(positive),
            Share(neutral),
            Share(negative),
            Math.Round(groups.Sum(g => g.Rating) / count, 2),
            histogram,
            first,
            last,
            count < MinimumForTimeline ? [] : Timeline(groups),
            userRatings == 0 ? null : Math.Round((double)groups.Sum(g => g.UserRatingSum) / userRatings, 2),
            userRatings);
    }

    private static IReadOnlyList<SentimentTimelinePoint> Timeline(IEnumerable<ReviewGroup> groups) =>
        [.. groups
            .GroupBy(g => g.Day)
            .OrderBy(day => day.Key)
            .Select(day => new SentimentTimelinePoint(
                day.Key,
                day.Sum(g => g.Count),
                Math.Round(day.Sum(g => g.Positivity) / day.Sum(g => g.Count), 4)))];
}
