using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using MovieGpt.Sentiment;
using MovieGpt.Sentiment.Aspects;
using MovieGpt.Server.Data;
using MovieGpt.Server.Tests.Infrastructure;

namespace MovieGpt.Server.Tests.Aspects;

/// <summary>
/// A review's aspects, through the real pipeline on both databases: computed when the review is stored, answered with
/// it on every review read, summed per movie in its statistics, filterable, and back-filled for reviews stored without them.
/// </summary>
public abstract class AspectsApiTests(ServerFixture server)
{
    private const string MixedReview = "연기는 좋은데 스토리가 별로예요";
    private const string ActingPraise = "배우들 연기가 정말 훌륭했어요";

    private readonly HttpClient _client = server.Client;

    [RequirementFact]
    public async Task AMixedReviewIsStoredWithPositiveActingAndNegativeStory()
    {
        var movie = (await _client.CreateMovieAsync($"측면 {Guid.NewGuid():N}")).Id();

        var created = await _client.CreateReviewAsync(movie, MixedReview);

        var aspects = created["aspects"]!.AsArray();
        Assert.Equal(["연기:positive", "스토리:negative"], aspects.Select(Key));
        var acting = aspects[0]!;
        Assert.InRange((double)acting["score"]!, 0.5, 1);
        var (start, length) = ((int)acting["start"]!, (int)acting["length"]!);
        Assert.Equal(MixedReview.Substring(start, length), (string?)acting["evidence"]);
        Assert.Contains("연기", (string?)acting["evidence"]);
        // Read back through both hand-written pages, and from the database's own rows.
        var byMovie = await _client.GetArrayAsync($"/api/reviews/movie/{movie}");
        Assert.Equal(aspects.ToJsonString(), byMovie.Single()!["aspects"]!.ToJsonString());
        var latest = await _client.GetArrayAsync("/api/reviews/?limit=1000");
        Assert.Equal(aspects.ToJsonString(), latest.Single(r => r!.Id() == created.Id())!["aspects"]!.ToJsonString());
        Assert.Equal(2, await server.ScalarAsync($"SELECT COUNT(*) FROM review_aspects WHERE review_id = {created.Id()}"));
        Assert.Equal("negative", await server.TextAsync($"SELECT label FROM review_aspects WHERE review_id = {created.Id()} AND aspect = '스토리'"));
        Assert.Contains("연기는", await server.TextAsync($"SELECT aspects FROM reviews WHERE id = {created.Id()}"));
    }

    [RequirementFact]
    public async Task ReviewsWrittenTogetherGetTheAspectsAndSentimentTheCliGives()
    {
        var movie = (await _client.CreateMovieAsync($"측면 한 번 {Guid.NewGuid():N}")).Id();
        // Clauses clear on their own, clauses that borrow the next one's reading, ones that fall back on the whole
        // review, praise cues, a repeat, and reviews naming no aspect (five emoji: the minimum counts what a reader
        // counts), posted at once so the writer batches them.
        string[] texts =
        [
            MixedReview, ActingPraise, MixedReview, "연기, 스토리. 모두 좋았다", "배우가 아까워요. 스토리가 엉성해",
            "음악은 그냥 그랬는데 액션은 시원시원하다", "연출 최악", "그냥 그랬어요 뭐 볼만은 함", "👍👍👍👍👍",
            "스토리는 뭐 그럭저럭 그런데 ost가 계속 생각나네요 ㅠㅠ", "액션만 볼만함 나머지는 별로",
        ];

        var created = await Task.WhenAll(texts.Select(t => _client.CreateReviewAsync(movie, t)));

        var analyzer = server.Services.GetRequiredService<AspectAnalyzer>();
        var cli = analyzer.AnalyzeBatch(texts);
        var sentiment = server.Services.GetRequiredService<ISentimentAnalyzer>();
        for (var i = 0; i < texts.Length; i++)
        {
            var expected = cli[i].Select(m => $"{m.Aspect}:{m.Label}:{m.Score}:{m.Evidence}:{m.Start}:{m.Length}");
            var stored = created[i]["aspects"]!.AsArray().Select(a =>
                $"{Key(a)}:{(double)a!["score"]!}:{(string?)a["evidence"]}:{(int)a["start"]!}:{(int)a["length"]!}");
            Assert.Equal(expected, stored);
            Assert.Equal(sentiment.Analyze(texts[i]).Probabilities.Positive, (double)created[i]["sentiment_probabilities"]!["positive"]!);
        }
    }

    [RequirementFact]
    public async Task AReviewWithoutAspectsAnswersAnEmptyList()
    {
        var movie = (await _client.CreateMovieAsync($"측면 없음 {Guid.NewGuid():N}")).Id();

        var created = await _client.CreateReviewAsync(movie, "그냥 그랬어요 뭐 볼만은 함");

        Assert.Empty(created["aspects"]!.AsArray());
        Assert.Empty((await _client.GetArrayAsync($"/api/reviews/movie/{movie}")).Single()!["aspects"]!.AsArray());
    }

    [RequirementFact]
    public async Task MovieStatsCountEachAspectsMentionsPerLabel()
    {
        var movie = (await _client.CreateMovieAsync($"측면 통계 {Guid.NewGuid():N}")).Id();
        await _client.CreateReviewAsync(movie, MixedReview);
        await _client.CreateReviewAsync(movie, ActingPraise);
        await _client.CreateReviewAsync(movie, ReviewTexts.Positive);

        var stats = await _client.GetObjectAsync($"/api/movies/{movie}/stats");

        var aspects = stats["aspects"]!.AsArray();
        Assert.Equal(["연기", "스토리", "연출", "액션", "음악"], aspects.Select(a => (string)a!["aspect"]!));
        var acting = aspects[0]!;
        Assert.Equal((2, 2, 0, 0, 1.0), ((int)acting["mentions"]!, (int)acting["positive"]!, (int)acting["negative"]!, (int)acting["neutral"]!, (double)acting["positive_share"]!));
        var story = aspects[1]!;
        Assert.Equal((1, 0, 1, 0, 0.0), ((int)story["mentions"]!, (int)story["positive"]!, (int)story["negative"]!, (int)story["neutral"]!, (double)story["positive_share"]!));
        Assert.All(aspects.Skip(2), a => Assert.Equal(0, (int)a!["mentions"]!));
    }

    [RequirementFact]
    public async Task ReviewsAreFilteredByAspectAndLabel()
    {
        var movie = (await _client.CreateMovieAsync($"측면 거르기 {Guid.NewGuid():N}")).Id();
        var mixed = (await _client.CreateReviewAsync(movie, MixedReview)).Id();
        var praise = (await _client.CreateReviewAsync(movie, ActingPraise)).Id();
        await _client.CreateReviewAsync(movie, ReviewTexts.Negative);

        async Task<int[]> Ids(string query) =>
            [.. (await _client.GetArrayAsync($"/api/reviews/movie/{movie}?{query}")).Select(r => r!.Id())];

        Assert.Equal([praise, mixed], await Ids("aspect=연기"));
        Assert.Equal([praise, mixed], await Ids("aspect=연기&label=positive"));
        Assert.Equal([mixed], await Ids("aspect=스토리&label=negative"));
        Assert.Equal([mixed], await Ids("label=negative"));
        Assert.Empty(await Ids("aspect=연기&label=negative"));
        Assert.Empty(await Ids("aspect=음악"));
        Assert.Equal(3, (await Ids("aspect=&label=")).Length);
        var everywhere = await _client.GetArrayAsync("/api/reviews/?aspect=스토리&label=negative&limit=1000");
        Assert.Contains(mixed, everywhere.Select(r => r!.Id()));
        Assert.All(everywhere, r => Assert.Contains(r!["aspects"]!.AsArray(), a => Key(a) == "스토리:negative"));
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/reviews/movie/999999?aspect=연기")).StatusCode);
    }

    [RequirementTheory]
    [InlineData("/api/reviews/movie/{0}?aspect=acting", "aspect")]
    [InlineData("/api/reviews/movie/{0}?aspect=연기&label=bad", "label")]
    [InlineData("/api/reviews/?aspect=플롯&label=좋음", "aspect,label")]
    [InlineData("/api/reviews/?label=Positive", "label")]
    public async Task AnUnknownAspectOrLabelIs422NamingIt(string url, string fields)
    {
        var movie = (await _client.CreateMovieAsync($"측면 422 {Guid.NewGuid():N}")).Id();

        var response = await _client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, url, movie));

        Assert.Equal(fields.Split(','), await response.ReadInvalidFieldsAsync());
    }

    [RequirementFact]
    public async Task ReviewsStoredWithoutAspectsGetThemFromTheBackfill()
    {
        var movie = (await _client.CreateMovieAsync($"측면 채우기 {Guid.NewGuid():N}")).Id();
        // As a review stored before aspects existed: no aspects column in the INSERT, so NULL.
        string[] texts = [MixedReview, ActingPraise, "그냥 그랬어요 뭐 볼만은 함"];
        foreach (var text in texts)
        {
            await server.ExecuteAsync($"""
                INSERT INTO reviews (movie_id, author, content, sentiment_label, sentiment_score, probability_negative,
                                     probability_neutral, probability_positive, predicted_rating, created_at)
                VALUES ({movie}, '옛 관객', '{text}', 'positive', 0.9, 0.05, 0.05, 0.9, 9, CURRENT_TIMESTAMP)
                """);
        }
        Assert.Equal(3, await server.ScalarAsync($"SELECT COUNT(*) FROM reviews WHERE movie_id = {movie} AND aspects IS NULL"));
        Assert.All(await _client.GetArrayAsync($"/api/reviews/movie/{movie}"), r => Assert.Empty(r!["aspects"]!.AsArray()));

        var filled = await server.Services.GetRequiredService<AspectBackfill>().RunAsync(CancellationToken.None);

        Assert.True(filled >= 3, $"filled {filled}");
        Assert.Equal(0, await server.ScalarAsync($"SELECT COUNT(*) FROM reviews WHERE movie_id = {movie} AND aspects IS NULL"));
        var reviews = await _client.GetArrayAsync($"/api/reviews/movie/{movie}");
        var mixed = reviews.Single(r => (string?)r!["content"] == MixedReview)!;
        Assert.Equal(["연기:positive", "스토리:negative"], mixed["aspects"]!.AsArray().Select(Key));
        Assert.Equal(3, await server.ScalarAsync($"SELECT COUNT(*) FROM review_aspects WHERE movie_id = {movie}"));
        Assert.Equal(2, (int)(await _client.GetObjectAsync($"/api/movies/{movie}/stats"))["aspects"]![0]!["mentions"]!);
        Assert.Equal(2, (await _client.GetArrayAsync($"/api/reviews/movie/{movie}?aspect=연기&label=positive")).Count);
        Assert.Equal(0, await server.Services.GetRequiredService<AspectBackfill>().RunAsync(CancellationToken.None));
    }

    [RequirementFact]
    public async Task TwoBackfillsAtOnceFillEachReviewOnce()
    {
        var movie = (await _client.CreateMovieAsync($"측면 동시 {Guid.NewGuid():N}")).Id();
        var values = string.Join(", ", Enumerable.Range(0, 300).Select(i =>
            $"({movie}, '관객', '{(i % 2 == 0 ? MixedReview : ActingPraise)} {i}', 'positive', 0.9, 0.05, 0.05, 0.9, 9, CURRENT_TIMESTAMP)"));
        await server.ExecuteAsync($"""
            INSERT INTO reviews (movie_id, author, content, sentiment_label, sentiment_score, probability_negative,
                                 probability_neutral, probability_positive, predicted_rating, created_at)
            VALUES {values}
            """);
        var backfill = server.Services.GetRequiredService<AspectBackfill>();

        var filled = await Task.WhenAll(Task.Run(() => backfill.RunAsync(CancellationToken.None)), Task.Run(() => backfill.RunAsync(CancellationToken.None)));

        Assert.Equal(300, filled.Sum());
        Assert.Equal(0, await server.ScalarAsync($"SELECT COUNT(*) FROM reviews WHERE movie_id = {movie} AND aspects IS NULL"));
        Assert.Equal(300, await server.ScalarAsync($"SELECT COUNT(*) FROM review_aspects WHERE movie_id = {movie} AND aspect = '연기'"));
    }

    private static string Key(JsonNode? aspect) => $"{(string?)aspect!["aspect"]}:{(string?)aspect["label"]}";
}

public sealed class SqliteAspectsApiTests(SqliteServerFixture server) : AspectsApiTests(server), IClassFixture<SqliteServerFixture>;

[RequiresPostgres]
public sealed class PostgresAspectsApiTests(PostgresServerFixture server) : AspectsApiTests(server), IClassFixture<PostgresServerFixture>;
