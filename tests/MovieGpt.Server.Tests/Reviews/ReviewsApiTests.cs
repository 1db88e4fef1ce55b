using Microsoft.Extensions.DependencyInjection;
using MovieGpt.Sentiment;
using MovieGpt.Server.Data;
using MovieGpt.Server.Tests.Infrastructure;
using MovieGpt.Server.Tests.Movies;

namespace MovieGpt.Server.Tests.Reviews;

/// <summary>/api/reviews on each database, scored by the real shipped model.</summary>
public abstract class ReviewsApiTests(ServerFixture server)
{
    private readonly HttpClient _client = server.Client;

    private Task<JsonObject> NewMovieAsync() => _client.CreateMovieAsync($"리뷰 대상 {Guid.NewGuid():N}");

    [RequirementFact]
    public async Task PostingAReviewAnswers201WithTheEnginesVerdict()
    {
        var movie = await NewMovieAsync();
        var expected = server.Services.GetRequiredService<ISentimentAnalyzer>().Analyze(ReviewTexts.Mixed[0]);

        var response = await _client.PostAsJsonAsync("/api/reviews/", new { movie_id = movie.Id(), author = "김관객", content = ReviewTexts.Mixed[0] });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var review = await response.ReadObjectAsync();
        Assert.Equal($"/api/reviews/{review.Id()}", response.Headers.Location?.OriginalString);
        Assert.Equal(movie.Id(), (int)review["movie_id"]!);
        Assert.Equal("김관객", (string?)review["author"]);
        Assert.Equal(ReviewTexts.Mixed[0], (string?)review["content"]);
        Assert.Equal(expected.Label, (string?)review["sentiment_label"]);
        Assert.Equal(expected.Score, (double)review["sentiment_score"]!);
        Assert.Equal(expected.Probabilities.Negative, (double)review["sentiment_probabilities"]!["negative"]!);
        Assert.Equal(expected.Probabilities.Neutral, (double)review["sentiment_probabilities"]!["neutral"]!);
        Assert.Equal(expected.Probabilities.Positive, (double)review["sentiment_probabilities"]!["positive"]!);
        Assert.Equal(expected.Rating, (double)review["predicted_rating"]!);
        Assert.EndsWith("Z", (string?)review["created_at"]);
    }

    [RequirementFact]
    public async Task TheStoredReviewKeepsTheEnginesVerdict()
    {
        var movie = await NewMovieAsync();
        var posted = await _client.CreateReviewAsync(movie.Id(), ReviewTexts.Mixed[1]);

        var stored = Assert.Single(await _client.GetArrayAsync($"/api/reviews/movie/{movie.Id()}"))!;

        foreach (var field in new[] { "id", "author", "content", "sentiment_label", "sentiment_score", "sentiment_probabilities", "predicted_rating", "created_at" })
        {
            Assert.True(JsonNode.DeepEquals(posted[field], stored[field]), $"{field}: posted {posted[field]}, stored {stored[field]}");
        }
    }

    [RequirementFact]
    public async Task APositiveKoreanReviewIsLabeledPositiveAndANegativeOneNegative()
    {
        var movie = await NewMovieAsync();

        var positive = await _client.CreateReviewAsync(movie.Id(), ReviewTexts.Positive);
        var negative = await _client.CreateReviewAsync(movie.Id(), ReviewTexts.Negative);

        Assert.Equal("positive", (string?)positive["sentiment_label"]);
        Assert.Equal("negative", (string?)negative["sentiment_label"]);
        Assert.True((double)positive["predicted_rating"]! > (double)negative["predicted_rating"]!);
    }

    [RequirementFact]
    public async Task PostingAReviewForAnUnknownMovieAnswers404AndStoresNothing()
    {
        var before = await server.ScalarAsync("SELECT COUNT(*) FROM reviews");

        var response = await _client.PostAsJsonAsync("/api/reviews/", new { movie_id = 987654, author = "관객", content = ReviewTexts.Positive });

        var problem = await response.ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("Movie not found", (string?)problem["detail"]);
        Assert.Equal(before, await server.ScalarAsync("SELECT COUNT(*) FROM reviews"));
    }

    [RequirementFact]
    public async Task PostingAnInvalidReviewAnswers422NamingEveryBadField()
    {
        var response = await _client.PostAsJsonAsync("/api/reviews/", new { movie_id = 0, author = "", content = "  좋아요  " });

        Assert.Equal(["author", "content", "movie_id"], await response.ReadInvalidFieldsAsync());
    }

    [RequirementFact]
    public async Task ContentOfFiveCharactersAfterTrimmingIsAccepted()
    {
        var movie = await NewMovieAsync();

        var review = await _client.CreateReviewAsync(movie.Id(), "  최고예요!  ");

        Assert.Equal("최고예요!", (string?)review["content"]);
    }

    [RequirementFact]
    public async Task ContentOver5000CharactersAndAnAuthorOver100Answer422()
    {
        var movie = await NewMovieAsync();

        var response = await _client.PostAsJsonAsync("/api/reviews/",
            new { movie_id = movie.Id(), author = new string('김', 101), content = string.Concat(Enumerable.Repeat("재밌어요 ", 1_001)) });

        Assert.Equal(["author", "content"], await response.ReadInvalidFieldsAsync());
    }

    [RequirementFact]
    public async Task MalformedJsonAnswers400ProblemDetails()
    {
        var body = new StringContent("{\"movie_id\": 1, \"author\": ", System.Text.Encoding.UTF8, "application/json");

        var response = await _client.PostAsync("/api/reviews/", body);

        await response.ReadProblemAsync(HttpStatusCode.BadRequest);
    }

    [RequirementFact]
    public async Task TheReviewListIsNewestFirstTenByDefaultWithOrWithoutATrailingSlash()
    {
        var movie = await NewMovieAsync();
        var ids = new List<int>();
        for (var i = 0; i < 12; i++)
        {
            ids.Add((await _client.CreateReviewAsync(movie.Id(), ReviewTexts.Mixed[i % ReviewTexts.Mixed.Length])).Id());
        }
        ids.Reverse();

        var withSlash = await _client.GetArrayAsync("/api/reviews/");
        var withoutSlash = await _client.GetArrayAsync("/api/reviews?skip=2&limit=3");

        Assert.Equal(ids.Take(10), withSlash.Select(r => r!.Id()));
        Assert.Equal(ids.Skip(2).Take(3), withoutSlash.Select(r => r!.Id()));
    }

    [RequirementFact]
    public async Task AMoviesReviewsAreNewestFirstAndOnlyItsOwn()
    {
        var movie = await NewMovieAsync();
        var other = await NewMovieAsync();
        var first = await _client.CreateReviewAsync(movie.Id(), ReviewTexts.Positive);
        await _client.CreateReviewAsync(other.Id(), ReviewTexts.Positive);
        var second = await _client.CreateReviewAsync(movie.Id(), ReviewTexts.Negative);

        var listed = await _client.GetArrayAsync($"/api/reviews/movie/{movie.Id()}");

        Assert.Equal([second.Id(), first.Id()], listed.Select(r => r!.Id()));
        Assert.All(listed, r => Assert.Equal(movie.Id(), (int)r!["movie_id"]!));
    }

    [RequirementFact]
    public async Task TheReviewsOfAnUnknownMovieAnswer404MovieNotFound()
    {
        var problem = await (await _client.GetAsync("/api/reviews/movie/987654")).ReadProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal("Movie not found", (string?)problem["detail"]);
    }

    [RequirementTheory]
    [InlineData("/api/reviews/?skip=-1", "skip")]
    [InlineData("/api/reviews/?limit=-1", "limit")]
    [InlineData("/api/reviews/movie/1?skip=-3", "skip")]
    public async Task ANegativeSkipOrLimitAnswers422(string url, string field)
    {
        Assert.Equal([field], await (await _client.GetAsync(url)).ReadInvalidFieldsAsync());
    }

    [RequirementFact]
    public async Task TheReviewLimitIsCappedAtOneThousand()
    {
        var movie = await NewMovieAsync();
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MovieGptDbContext>();
            db.Reviews.AddRange(Enumerable.Range(0, 1_003).Select(i => new Review
            {
                MovieId = movie.Id(),
                Author = "대량",
                Content = $"대량으로 넣은 리뷰 {i}",
                SentimentLabel = SentimentLabels.Neutral,
                SentimentScore = 0.5,
                ProbabilityNegative = 0.25,
                ProbabilityNeutral = 0.5,
                ProbabilityPositive = 0.25,
                PredictedRating = 5.5,
                CreatedAt = DateTime.UtcNow,
            }));
            await db.SaveChangesAsync();
        }

        var listed = await _client.GetArrayAsync($"/api/reviews/movie/{movie.Id()}?limit=5000");

        Assert.Equal(1_000, listed.Count);
    }

    [RequirementFact]
    public async Task TheRatingIsTheMeanPositivityOfTheReviews()
    {
        var movie = await NewMovieAsync();
        var reviews = new List<JsonObject>();
        foreach (var text in ReviewTexts.Mixed)
        {
            reviews.Add(await _client.CreateReviewAsync(movie.Id(), text));
        }

        var rating = await _client.GetObjectAsync($"/api/reviews/movie/{movie.Id()}/rating");

        Assert.Equal(movie.Id(), (int)rating["movie_id"]!);
        Assert.Equal(reviews.Count, (int)rating["review_count"]!);
        Assert.Equal(reviews.Average(MoviesApiTests.Positivity), (double)rating["average_score"]!, 3);
    }

    [RequirementFact]
    public async Task TheRatingRisesWithTheShareOfPositiveReviews()
    {
        var panned = await NewMovieAsync();
        var mixed = await NewMovieAsync();
        var praised = await NewMovieAsync();
        foreach (var (movie, positives) in new[] { (panned, 0), (mixed, 1), (praised, 2) })
        {
            for (var i = 0; i < 2; i++)
            {
                await _client.CreateReviewAsync(movie.Id(), i < positives ? ReviewTexts.Positive : ReviewTexts.Negative);
            }
        }

        var scores = new List<double>();
        foreach (var movie in new[] { panned, mixed, praised })
        {
            scores.Add((double)(await _client.GetObjectAsync($"/api/reviews/movie/{movie.Id()}/rating"))["average_score"]!);
        }

        Assert.True(scores[0] < 0.5 && scores[0] < scores[1] && scores[1] < scores[2] && scores[2] > 0.5, string.Join(", ", scores));
    }

    [RequirementFact]
    public async Task TheRatingOfAMovieWithoutReviewsIsZero()
    {
        var movie = await NewMovieAsync();

        var rating = await _client.GetObjectAsync($"/api/reviews/movie/{movie.Id()}/rating");

        Assert.Equal(0, (int)rating["review_count"]!);
        Assert.Equal(0.0, (double)rating["average_score"]!);
    }

    [RequirementFact]
    public async Task TheRatingOfAnUnknownMovieAnswers404MovieNotFound()
    {
        var problem = await (await _client.GetAsync("/api/reviews/movie/987654/rating")).ReadProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal("Movie not found", (string?)problem["detail"]);
    }

    [RequirementFact]
    public async Task DeletingAReviewAnswersItsMessageAndAgainAnswers404()
    {
        var movie = await NewMovieAsync();
        var review = await _client.CreateReviewAsync(movie.Id(), ReviewTexts.Positive);

        var deleted = await _client.DeleteAsync($"/api/reviews/{review.Id()}");
        var again = await _client.DeleteAsync($"/api/reviews/{review.Id()}");

        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal("Review deleted successfully", (string?)(await deleted.ReadObjectAsync())["message"]);
        Assert.Equal("Review not found", (string?)(await again.ReadProblemAsync(HttpStatusCode.NotFound))["detail"]);
        Assert.Equal(0, await server.ScalarAsync($"SELECT COUNT(*) FROM reviews WHERE id = {review.Id()}"));
    }

    [RequirementFact]
    public async Task WhenTheEngineFailsTheReviewAnswers500AndNothingIsStored()
    {
        var movie = await NewMovieAsync();
        await using var failing = server.CreateVariant(services =>
            services.AddSingleton<ISentimentAnalyzer>(new FailingAnalyzer(server.Services.GetRequiredService<ISentimentAnalyzer>().Model)));
        using var client = failing.CreateClient();

        var response = await client.PostAsJsonAsync("/api/reviews/", new { movie_id = movie.Id(), author = "관객", content = ReviewTexts.Positive });

        await response.ReadProblemAsync(HttpStatusCode.InternalServerError);
        Assert.Equal(0, await server.ScalarAsync($"SELECT COUNT(*) FROM reviews WHERE movie_id = {movie.Id()}"));
    }

    /// <summary>An engine whose model breaks while scoring: the service must fail the request, not guess.</summary>
    private sealed class FailingAnalyzer(ModelInfo model) : ISentimentAnalyzer
    {
        public ModelInfo Model => model;

        public SentimentResult Analyze(string text) => throw new SentimentModelException("The model produced no output.");

        public IReadOnlyList<SentimentResult> AnalyzeBatch(IReadOnlyList<string> texts) => throw new SentimentModelException("The model produced no output.");

        public void Dispose()
        {
        }
    }
}

public sealed class SqliteReviewsApiTests(SqliteServerFixture server) : ReviewsApiTests(server), IClassFixture<SqliteServerFixture>;

[RequiresPostgres]
public sealed class PostgresReviewsApiTests(PostgresServerFixture server) : ReviewsApiTests(server), IClassFixture<PostgresServerFixture>;
