using Microsoft.Extensions.DependencyInjection;
using MovieGpt.Server.Data;
using MovieGpt.Server.Tests.Infrastructure;

namespace MovieGpt.Server.Tests.Discovery;

/// <summary>
/// Stores reviews with chosen verdicts and days straight through the app's own DbContext (the triggers keep the
/// tallies as for any writer): rankings depend on exact positivities and on days in the past, which the API cannot set.
/// </summary>
internal static class DiscoverySeed
{
    public static async Task ReviewsAsync(
        this ServerFixture server, int movieId, int count, double positive, string label = "positive", int daysAgo = 0, double? rating = null)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MovieGptDbContext>();
        var at = DateTime.UtcNow.AddDays(-daysAgo);
        for (var i = 0; i < count; i++)
        {
            db.Reviews.Add(new Review
            {
                MovieId = movieId,
                Author = "관객",
                Content = $"시드 리뷰 {i}",
                SentimentLabel = label,
                SentimentScore = Math.Max(positive, 1 - positive),
                ProbabilityNegative = 1 - positive,
                ProbabilityNeutral = 0,
                ProbabilityPositive = positive,
                PredictedRating = rating ?? Math.Round(1 + 9 * positive),
                CreatedAt = at.AddSeconds(-i),
                Aspects = "[]",
            });
        }
        await db.SaveChangesAsync();
    }

    public static string NewTag() => Guid.NewGuid().ToString("N")[..10];
}
