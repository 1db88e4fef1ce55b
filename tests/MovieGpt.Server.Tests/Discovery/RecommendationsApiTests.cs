using MovieGpt.Server.Tests.Infrastructure;

namespace MovieGpt.Server.Tests.Discovery;

/// <summary>GET /api/movies/recommend and GET /api/movies/{id}/similar on each database.</summary>
public abstract class RecommendationsApiTests(ServerFixture server)
{
    private readonly HttpClient _client = server.Client;

    private static List<int> Ids(JsonArray list) => [.. list.Select(m => m!.Id())];

    [RequirementFact]
    public async Task RecommendIsNotShadowedByTheMovieIdRoute()
    {
        await _client.CreateMovieAsync("추천 경로 확인");

        var response = await _client.GetAsync("/api/movies/recommend");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var movies = (await response.Content.ReadFromJsonAsync<JsonNode>())!.AsArray();
        Assert.NotEmpty(movies);
        Assert.All(movies, m => Assert.NotNull(m!["adjusted_score"]));
    }

    [RequirementFact]
    public async Task RecommendRanksByTheAdjustedScoreWithinAGenre()
    {
        var tag = DiscoverySeed.NewTag();
        var glowing = await _client.CreateMovieAsync("극찬 하나", genre: $"드라마, {tag}");
        var good = await _client.CreateMovieAsync("호평 다수", genre: $"{tag}, 스릴러");
        var bad = await _client.CreateMovieAsync("혹평 다수", genre: tag);
        var elsewhere = await _client.CreateMovieAsync("다른 장르 명작", genre: "다큐멘터리");
        await server.ReviewsAsync(glowing.Id(), 1, positive: 0.99);
        await server.ReviewsAsync(good.Id(), 60, positive: 0.9);
        await server.ReviewsAsync(bad.Id(), 30, positive: 0.1, label: "negative");
        await server.ReviewsAsync(elsewhere.Id(), 60, positive: 0.95);

        var recommended = await _client.GetArrayAsync($"/api/movies/recommend?genre={tag}");
        var limited = await _client.GetArrayAsync($"/api/movies/recommend?genre={tag}&limit=1");

        Assert.Equal([good.Id(), glowing.Id(), bad.Id()], Ids(recommended));
        Assert.Equal([good.Id()], Ids(limited));
    }

    [RequirementFact]
    public async Task RecommendHonoursDirectorAndMinScore()
    {
        var tag = DiscoverySeed.NewTag();
        var director = $"감독{tag}";
        var strong = await _client.CreateMovieAsync("강한 작품", director: director, genre: tag);
        var weak = await _client.CreateMovieAsync("약한 작품", director: director, genre: tag);
        var otherDirector = await _client.CreateMovieAsync("남의 작품", director: $"다른{director}", genre: tag);
        await server.ReviewsAsync(strong.Id(), 50, positive: 0.95);
        await server.ReviewsAsync(weak.Id(), 50, positive: 0.15, label: "negative");
        await server.ReviewsAsync(otherDirector.Id(), 50, positive: 0.95);

        var byDirector = await _client.GetArrayAsync($"/api/movies/recommend?director={Uri.EscapeDataString(director.ToUpperInvariant())}");
        var good = await _client.GetArrayAsync($"/api/movies/recommend?director={Uri.EscapeDataString(director)}&genre={tag}&min_score=0.7");
        var none = await _client.GetArrayAsync($"/api/movies/recommend?genre={tag}&actor={Uri.EscapeDataString("없는 배우")}");

        Assert.Equal([strong.Id(), weak.Id()], Ids(byDirector));
        Assert.Equal([strong.Id()], Ids(good));
        Assert.True((double)good[0]!["adjusted_score"]! >= 0.7);
        Assert.Empty(none);
    }

    [RequirementFact]
    public async Task RecommendFindsAnActorAmongTheCastAndAGenreAmongSeveral()
    {
        var tag = DiscoverySeed.NewTag();
        string actor = $"송강호{tag}", genre = $"범죄{tag}";
        var starring = await CreateCatalogMovieAsync("출연작", [$"드라마{tag}", genre], [$"최우식{tag}", actor]);
        var other = await CreateCatalogMovieAsync("미출연작", [genre], [$"박소담{tag}"]);
        await server.ReviewsAsync(starring.Id(), 3, positive: 0.8);
        await server.ReviewsAsync(other.Id(), 3, positive: 0.9);

        var byActor = await _client.GetArrayAsync($"/api/movies/recommend?actor={Uri.EscapeDataString(actor.ToUpperInvariant())}");
        var byGenre = await _client.GetArrayAsync($"/api/movies/recommend?genre={Uri.EscapeDataString(genre)}");
        var both = await _client.GetArrayAsync($"/api/movies/recommend?genre={Uri.EscapeDataString(genre)}&actor={Uri.EscapeDataString(actor)}");

        Assert.Equal([starring.Id()], Ids(byActor));
        Assert.Contains(actor, byActor[0]!["actors"]!.AsArray().Select(a => (string)a!));
        Assert.Equal([other.Id(), starring.Id()], Ids(byGenre));
        Assert.Equal([starring.Id()], Ids(both));
    }

    // The filters run in the database on movie_genres and movie_actors: a whole name, trimmed, in any case; never a part of one.
    [RequirementFact]
    public async Task RecommendMatchesWholeGenreAndActorNamesTrimmedInAnyCaseButNotPartsOfNames()
    {
        var tag = DiscoverySeed.NewTag();
        string genre = $"Noir{tag}", actor = $"Actor{tag}";
        var named = await CreateCatalogMovieAsync("이름 그대로", [genre], [actor]);
        var longer = await CreateCatalogMovieAsync("더 긴 이름", [$"{genre} Classic"], [$"{actor} Jr"]);
        await server.ReviewsAsync(named.Id(), 2, positive: 0.8);
        await server.ReviewsAsync(longer.Id(), 2, positive: 0.8);

        var found = await _client.GetArrayAsync(
            $"/api/movies/recommend?genre={Uri.EscapeDataString($"  {genre.ToLowerInvariant()} ")}&actor={Uri.EscapeDataString(actor.ToUpperInvariant())}");
        var byGenre = await _client.GetArrayAsync($"/api/movies/recommend?genre={Uri.EscapeDataString(genre.ToUpperInvariant())}");

        Assert.Equal([named.Id()], Ids(found));
        Assert.Equal([named.Id()], Ids(byGenre));
    }

    [RequirementFact]
    public async Task SharedActorsAreAReasonForSimilarity()
    {
        var tag = DiscoverySeed.NewTag();
        var target = await CreateCatalogMovieAsync("기준작", [$"드라마{tag}"], [$"배우A{tag}", $"배우B{tag}"]);
        var sharedCast = await CreateCatalogMovieAsync("같은 배우들", [$"코미디{tag}"], [$"배우B{tag}", $"배우A{tag}", $"배우C{tag}"]);

        var similar = await _client.GetArrayAsync($"/api/movies/{target.Id()}/similar");

        Assert.Equal([sharedCast.Id()], Ids(similar));
        Assert.Equal([$"출연: 배우A{tag}, 배우B{tag}"], similar[0]!["reasons"]!.AsArray().Select(r => (string)r!));
    }

    private async Task<JsonObject> CreateCatalogMovieAsync(string title, string[] genres, string[] actors)
    {
        var response = await _client.PostAsJsonAsync("/api/movies/", new { title, genres, actors });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadObjectAsync();
    }

    [RequirementFact]
    public async Task AMinScoreOutsideZeroToOneOrANegativeLimitAnswers422()
    {
        var score = await _client.GetAsync("/api/movies/recommend?min_score=1.5");
        var limit = await _client.GetAsync("/api/movies/recommend?limit=-3");

        Assert.Equal(["min_score"], await score.ReadInvalidFieldsAsync());
        Assert.Equal(["limit"], await limit.ReadInvalidFieldsAsync());
    }

    [RequirementFact]
    public async Task SimilarMoviesShareDirectorOrGenreAndSayWhyInKorean()
    {
        var tag = DiscoverySeed.NewTag();
        string director = $"감독{tag}", thriller = $"스릴러{tag}", drama = $"드라마{tag}";
        var target = await _client.CreateMovieAsync("기준 영화", director: director, genre: $"{thriller}, {drama}");
        var sameDirector = await _client.CreateMovieAsync("같은 감독 작품", director: director, genre: thriller);
        var sameGenre = await _client.CreateMovieAsync("같은 장르 작품", director: $"남{director}", genre: drama);
        var unrelated = await _client.CreateMovieAsync("관련 없는 작품", director: $"또{director}", genre: $"코미디{tag}");
        await server.ReviewsAsync(target.Id(), 10, positive: 0.9);
        await server.ReviewsAsync(sameDirector.Id(), 12, positive: 0.9);
        await server.ReviewsAsync(sameDirector.Id(), 1, positive: 0.1, label: "negative");
        await server.ReviewsAsync(unrelated.Id(), 10, positive: 0.9);

        var similar = await _client.GetArrayAsync($"/api/movies/{target.Id()}/similar");

        Assert.Equal([sameDirector.Id(), sameGenre.Id()], Ids(similar));
        var first = similar[0]!;
        var reasons = first["reasons"]!.AsArray().Select(r => (string)r!).ToList();
        Assert.Equal(["같은 감독", $"장르: {thriller}", "긍정 리뷰 92%"], reasons);
        Assert.Equal([$"장르: {drama}"], similar[1]!["reasons"]!.AsArray().Select(r => (string)r!));
        var (high, low) = ((double)first["similarity"]!, (double)similar[1]!["similarity"]!);
        Assert.True(high > low && low > 0 && high <= 1, $"{high} then {low}");
        Assert.Single(await _client.GetArrayAsync($"/api/movies/{target.Id()}/similar?limit=1"));
    }

    [RequirementFact]
    public async Task SimilarReviewsMakeAMovieMoreSimilar()
    {
        var tag = DiscoverySeed.NewTag();
        var target = await _client.CreateMovieAsync("기준", genre: $"장르{tag}");
        var alike = await _client.CreateMovieAsync("반응이 비슷한 영화", genre: $"장르{tag}");
        var opposite = await _client.CreateMovieAsync("반응이 반대인 영화", genre: $"장르{tag}");
        await server.ReviewsAsync(target.Id(), 5, positive: 0.9, rating: 9);
        await server.ReviewsAsync(alike.Id(), 5, positive: 0.9, rating: 9);
        await server.ReviewsAsync(opposite.Id(), 5, positive: 0.1, label: "negative", rating: 2);

        var similar = await _client.GetArrayAsync($"/api/movies/{target.Id()}/similar");

        Assert.Equal([alike.Id(), opposite.Id()], Ids(similar));
        Assert.Contains("긍정 리뷰 100%", similar[0]!["reasons"]!.AsArray().Select(r => (string)r!));
        Assert.DoesNotContain(similar[1]!["reasons"]!.AsArray(), r => ((string)r!).StartsWith("긍정 리뷰"));
    }

    [RequirementFact]
    public async Task SimilarMoviesOfAnUnknownMovieAnswer404()
    {
        var response = await _client.GetAsync("/api/movies/987654/similar");

        var problem = await response.ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("Movie not found", (string?)problem["detail"]);
    }

    [RequirementFact]
    public async Task TheOpenApiDocumentHasTheDiscoveryEndpointsWithExamples()
    {
        var document = await _client.GetObjectAsync("/openapi/v1.json");

        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToHashSet();
        Assert.Superset(new HashSet<string> { "/api/rankings", "/api/movies/recommend", "/api/movies/{id}/similar" }, paths);
        var schemas = document["components"]!["schemas"]!;
        foreach (var name in new[] { "RankingsResponse", "RankedMovie", "SimilarMovieResponse", "MovieResponse" })
        {
            var example = schemas[name]!["examples"]!.AsArray()[0]!.AsObject();
            var properties = schemas[name]!["properties"]!.AsObject().Select(p => p.Key).ToHashSet();
            Assert.Subset(properties, example.Select(p => p.Key).ToHashSet());
        }
        Assert.NotNull(schemas["MovieResponse"]!["examples"]![0]!["adjusted_score"]);
        var recommend = document["paths"]!["/api/movies/recommend"]!["get"]!["parameters"]!.AsArray().Select(p => (string)p!["name"]!);
        Assert.Superset(new HashSet<string> { "genre", "director", "actor", "min_score", "limit" }, recommend.ToHashSet());
    }
}

public sealed class SqliteRecommendationsApiTests(SqliteServerFixture server) : RecommendationsApiTests(server), IClassFixture<SqliteServerFixture>;

[RequiresPostgres]
public sealed class PostgresRecommendationsApiTests(PostgresServerFixture server) : RecommendationsApiTests(server), IClassFixture<PostgresServerFixture>;
