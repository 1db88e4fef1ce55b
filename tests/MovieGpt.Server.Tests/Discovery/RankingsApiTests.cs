using MovieGpt.Server.Components.Shared;
using MovieGpt.Server.Tests.Infrastructure;

namespace MovieGpt.Server.Tests.Discovery;

/// <summary>GET /api/rankings and sort=score on each database; every test tags its movies with a genre of its own.</summary>
public abstract class RankingsApiTests(ServerFixture server)
{
    private readonly HttpClient _client = server.Client;

    private static List<int> Ids(JsonNode? list) => [.. list!.AsArray().Select(m => m!.Id())];

    [RequirementFact]
    public async Task EachTabOfTheRankingPageIsNamedAsItsListInTheAnswer()
    {
        var rankings = await _client.GetObjectAsync("/api/rankings");

        // The page keeps its tab in the address under these names (?list=most_reviewed).
        Assert.All(Enum.GetValues<RankingKind>(), kind => Assert.True(rankings[kind.ListName()] is JsonArray, kind.ListName()));
        Assert.Equal(RankingKind.MostDivided, RankingKinds.FromListName(" Most_Divided "));
        Assert.Equal(RankingKind.Best, RankingKinds.FromListName("nonsense"));
    }

    [RequirementFact]
    public async Task OneGlowingReviewRanksBelowAHundredGoodOnes()
    {
        var tag = DiscoverySeed.NewTag();
        var glowing = await _client.CreateMovieAsync("한 번의 극찬", genre: tag);
        var good = await _client.CreateMovieAsync("백 번의 호평", genre: tag);
        await server.ReviewsAsync(glowing.Id(), 1, positive: 0.99);
        await server.ReviewsAsync(good.Id(), 100, positive: 0.85);

        var rankings = await _client.GetObjectAsync($"/api/rankings?genre={tag}");

        var best = rankings["best"]!.AsArray();
        Assert.Equal([good.Id(), glowing.Id()], Ids(best));
        Assert.True((double)best[1]!["average_score"]! > (double)best[0]!["average_score"]!, "the raw mean alone would rank them the other way");
        Assert.Equal(1, (int?)best[0]!["rank"]);
        Assert.Null(best[1]!["rank"]);
        Assert.True((bool)best[1]!["needs_more_reviews"]!);
        Assert.False((bool)best[0]!["needs_more_reviews"]!);
        Assert.Equal(10, (int)rankings["min_reviews"]!);
    }

    [RequirementFact]
    public async Task TheAdjustedScoreIsTheBayesianMeanOfTheReviewsAndThePrior()
    {
        var tag = DiscoverySeed.NewTag();
        var movie = await _client.CreateMovieAsync("공식 확인", genre: tag);
        await server.ReviewsAsync(movie.Id(), 4, positive: 0.9);
        await server.ReviewsAsync(movie.Id(), 2, positive: 0.2, label: "negative");

        var rankings = await _client.GetObjectAsync($"/api/rankings?genre={tag}");

        var entry = rankings["best"]![0]!;
        double m = (int)rankings["min_reviews"]!, c = (double)rankings["prior_score"]!, v = (int)entry["review_count"]!, r = (double)entry["average_score"]!;
        Assert.Equal(6, v);
        Assert.Equal((4 * 0.9 + 2 * 0.2) / 6, r, 3);
        // The response rounds each figure to 4 decimals.
        Assert.InRange(Math.Abs((v * r + m * c) / (v + m) - (double)entry["adjusted_score"]!), 0, 1e-3);
        Assert.Equal(4 / 6.0, (double)entry["positive_share"]!, 3);
    }

    [RequirementFact]
    public async Task SortingTheMovieListByScoreUsesTheAdjustedScoreAndShowsBothFigures()
    {
        var tag = DiscoverySeed.NewTag();
        var glowing = await _client.CreateMovieAsync($"극찬 하나 {tag}");
        var good = await _client.CreateMovieAsync($"호평 백 개 {tag}");
        var bad = await _client.CreateMovieAsync($"혹평 {tag}");
        await server.ReviewsAsync(glowing.Id(), 1, positive: 0.99);
        await server.ReviewsAsync(good.Id(), 100, positive: 0.85);
        await server.ReviewsAsync(bad.Id(), 30, positive: 0.1, label: "negative");

        var sorted = await _client.GetArrayAsync($"/api/movies/?q={tag}&sort=score");

        Assert.Equal([good.Id(), glowing.Id(), bad.Id()], Ids(sorted));
        Assert.All(sorted, m => Assert.NotNull(m!["adjusted_score"]));
        Assert.Equal(0.99, (double)sorted[1]!["average_score"]!, 3);
        var single = await _client.GetObjectAsync($"/api/movies/{glowing.Id()}");
        Assert.Equal((double)sorted[1]!["adjusted_score"]!, (double)single["adjusted_score"]!, 6);
    }

    [RequirementFact]
    public async Task APeriodCountsOnlyTheReviewsOfItsDays()
    {
        var tag = DiscoverySeed.NewTag();
        var old = await _client.CreateMovieAsync("지난달 영화", genre: tag);
        var recent = await _client.CreateMovieAsync("이번 주 영화", genre: tag);
        await server.ReviewsAsync(old.Id(), 12, positive: 0.8, daysAgo: 20);
        await server.ReviewsAsync(old.Id(), 2, positive: 0.8, daysAgo: 40);
        await server.ReviewsAsync(recent.Id(), 3, positive: 0.8, daysAgo: 1);

        var all = await _client.GetObjectAsync($"/api/rankings?period=all&genre={tag}");
        var month = await _client.GetObjectAsync($"/api/rankings?period=30d&genre={tag}");
        var week = await _client.GetObjectAsync($"/api/rankings?period=7d&genre={tag}");

        Assert.Equal("all", (string?)all["period"]);
        Assert.Equal(14, (int)all["most_reviewed"]![0]!["review_count"]!);
        Assert.Equal([old.Id(), recent.Id()], Ids(month["most_reviewed"]));
        Assert.Equal(12, (int)month["most_reviewed"]![0]!["review_count"]!);
        Assert.Equal("7d", (string?)week["period"]);
        Assert.Equal([recent.Id()], Ids(week["most_reviewed"]));
        Assert.Equal([recent.Id()], Ids(week["best"]));
    }

    [RequirementFact]
    public async Task TrendingWeighsRecentReviewsAboveMoreOlderOnes()
    {
        var tag = DiscoverySeed.NewTag();
        var old = await _client.CreateMovieAsync("열흘 전 화제작", genre: tag);
        var fresh = await _client.CreateMovieAsync("오늘의 화제작", genre: tag);
        await server.ReviewsAsync(old.Id(), 10, positive: 0.7, daysAgo: 10);
        await server.ReviewsAsync(fresh.Id(), 5, positive: 0.7);

        var rankings = await _client.GetObjectAsync($"/api/rankings?genre={tag}");

        Assert.Equal([fresh.Id(), old.Id()], Ids(rankings["trending"]));
        Assert.Equal([old.Id(), fresh.Id()], Ids(rankings["most_reviewed"]));
        // Five reviews of today weigh one each (a little less if the seed straddled midnight UTC).
        Assert.InRange((double)rankings["trending"]![0]!["trend_score"]!, 3.9, 5.0);
    }

    [RequirementFact]
    public async Task MostDividedIsClosestToHalfPositiveAmongMoviesWithEnoughReviews()
    {
        var tag = DiscoverySeed.NewTag();
        var split = await _client.CreateMovieAsync("호불호", genre: tag);
        var loved = await _client.CreateMovieAsync("모두의 사랑", genre: tag);
        var tooFew = await _client.CreateMovieAsync("반반이지만 적음", genre: tag);
        await server.ReviewsAsync(split.Id(), 6, positive: 0.9);
        await server.ReviewsAsync(split.Id(), 7, positive: 0.1, label: "negative");
        await server.ReviewsAsync(loved.Id(), 11, positive: 0.9);
        await server.ReviewsAsync(loved.Id(), 1, positive: 0.1, label: "negative");
        await server.ReviewsAsync(tooFew.Id(), 2, positive: 0.9);
        await server.ReviewsAsync(tooFew.Id(), 2, positive: 0.1, label: "negative");

        var rankings = await _client.GetObjectAsync($"/api/rankings?genre={tag}");

        Assert.Equal([split.Id(), loved.Id()], Ids(rankings["most_divided"]));
    }

    [RequirementFact]
    public async Task TheGenreFilterMatchesAnyOfAMoviesGenresAndLimitCutsEachList()
    {
        var tag = DiscoverySeed.NewTag();
        var second = await _client.CreateMovieAsync("두 번째 장르", genre: $"드라마, {tag}");
        var first = await _client.CreateMovieAsync("첫 장르", genre: $"{tag}, 코미디");
        var other = await _client.CreateMovieAsync("다른 장르", genre: $"{tag}x");
        foreach (var movie in new[] { second, first, other })
        {
            await server.ReviewsAsync(movie.Id(), 2, positive: 0.8);
        }

        var rankings = await _client.GetObjectAsync($"/api/rankings?genre={tag.ToUpperInvariant()}");
        var limited = await _client.GetObjectAsync($"/api/rankings?genre={tag}&limit=1");

        Assert.Equal(new[] { first.Id(), second.Id() }.Order(), Ids(rankings["most_reviewed"]).Order());
        Assert.All(new[] { "best", "most_reviewed", "trending" }, list => Assert.Single(limited[list]!.AsArray()));
    }

    [RequirementFact]
    public async Task AnUnknownPeriodOrANegativeLimitAnswers422()
    {
        var period = await _client.GetAsync("/api/rankings?period=90d");
        var limit = await _client.GetAsync("/api/rankings?limit=-1");

        Assert.Equal(["period"], await period.ReadInvalidFieldsAsync());
        Assert.Equal(["limit"], await limit.ReadInvalidFieldsAsync());
    }

    [RequirementFact]
    public async Task RankingsWithoutReviewsAreEmptyLists()
    {
        var tag = DiscoverySeed.NewTag();
        await _client.CreateMovieAsync("리뷰 없는 영화", genre: tag);

        var rankings = await _client.GetObjectAsync($"/api/rankings?genre={tag}&period=7d");

        Assert.All(new[] { "best", "most_reviewed", "trending", "most_divided" }, list => Assert.Empty(rankings[list]!.AsArray()));
    }
}

public sealed class SqliteRankingsApiTests(SqliteServerFixture server) : RankingsApiTests(server), IClassFixture<SqliteServerFixture>;

[RequiresPostgres]
public sealed class PostgresRankingsApiTests(PostgresServerFixture server) : RankingsApiTests(server), IClassFixture<PostgresServerFixture>;
