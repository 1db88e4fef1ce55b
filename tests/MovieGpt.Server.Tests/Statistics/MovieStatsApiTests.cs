using MovieGpt.Server.Tests.Infrastructure;
using MovieGpt.Server.Tests.Movies;

namespace MovieGpt.Server.Tests.Statistics;

/// <summary>GET /api/movies/{id}/stats on each database, against the engine's verdicts on the posted reviews.</summary>
public abstract class MovieStatsApiTests(ServerFixture server)
{
    private readonly HttpClient _client = server.Client;

    [RequirementFact]
    public async Task MovieStatsCountTheEnginesLabelsAndRatings()
    {
        var movie = await _client.CreateMovieAsync($"통계 {Guid.NewGuid():N}");
        var reviews = new List<JsonObject>();
        foreach (var text in ReviewTexts.Mixed)
        {
            reviews.Add(await _client.CreateReviewAsync(movie.Id(), text));
        }

        var answer = await _client.GetObjectAsync($"/api/movies/{movie.Id()}/stats");

        Assert.Equal(movie.Id(), (int)answer["movie_id"]!);
        Assert.Equal((string?)movie["title"], (string?)answer["title"]);
        var stats = answer["stats"]!;
        Assert.Equal(reviews.Count, (int)stats["review_count"]!);
        foreach (var label in new[] { "positive", "neutral", "negative" })
        {
            var expected = reviews.Count(r => (string?)r["sentiment_label"] == label);
            Assert.Equal(expected, (int)stats[$"{label}_count"]!);
            Assert.Equal((double)expected / reviews.Count, (double)stats[$"{label}_share"]!, 3);
        }
        Assert.Equal(reviews.Average(r => (double)r["predicted_rating"]!), (double)stats["mean_predicted_rating"]!, 2);
        Assert.Equal(reviews.Average(MoviesApiTests.Positivity), (double)stats["average_score"]!, 3);
        var histogram = stats["rating_histogram"]!.AsArray().Select(n => (int)n!).ToList();
        var expectedHistogram = new int[10];
        foreach (var review in reviews)
        {
            expectedHistogram[Math.Clamp((int)Math.Floor((double)review["predicted_rating"]! + 0.5), 1, 10) - 1]++;
        }
        Assert.Equal(expectedHistogram, histogram);
        var day = Assert.Single(stats["timeline"]!.AsArray())!;
        // The timeline's days are Korea's (UTC+9), as the times beside the reviews.
        Assert.Equal(DateOnly.FromDateTime(reviews.Max(CreatedAt).AddHours(9)).ToString("yyyy-MM-dd"), (string?)day["date"]);
        Assert.Equal(reviews.Count, (int)day["review_count"]!);
        Assert.Equal((double)stats["average_score"]!, (double)day["average_score"]!, 3);
        Assert.Equal(reviews.Min(CreatedAt), DateTime.Parse((string)stats["first_review_at"]!).ToUniversalTime(), TimeSpan.FromMilliseconds(1));
        Assert.Equal(reviews.Max(CreatedAt), DateTime.Parse((string)stats["last_review_at"]!).ToUniversalTime(), TimeSpan.FromMilliseconds(1));
    }

    [RequirementFact]
    public async Task StatsOfAMovieWithoutReviewsAreZero()
    {
        var movie = await _client.CreateMovieAsync($"빈 통계 {Guid.NewGuid():N}");

        var stats = (await _client.GetObjectAsync($"/api/movies/{movie.Id()}/stats"))["stats"]!;

        Assert.Equal(0, (int)stats["review_count"]!);
        Assert.Equal(0.0, (double)stats["average_score"]!);
        Assert.All(stats["rating_histogram"]!.AsArray(), n => Assert.Equal(0, (int)n!));
        Assert.Null(stats["first_review_at"]);
    }

    [RequirementFact]
    public async Task StatsOfAnUnknownMovieAnswer404MovieNotFound()
    {
        var problem = await (await _client.GetAsync("/api/movies/987654/stats")).ReadProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal("Movie not found", (string?)problem["detail"]);
    }

    private static DateTime CreatedAt(JsonObject review) => DateTime.Parse((string)review["created_at"]!).ToUniversalTime();
}

public sealed class SqliteMovieStatsApiTests(SqliteServerFixture server) : MovieStatsApiTests(server), IClassFixture<SqliteServerFixture>;

[RequiresPostgres]
public sealed class PostgresMovieStatsApiTests(PostgresServerFixture server) : MovieStatsApiTests(server), IClassFixture<PostgresServerFixture>;
