using MovieGpt.Server.Tests.Infrastructure;

namespace MovieGpt.Server.Tests.Reviews;

/// <summary>The writer's own 별점 and spoiler flag, the sentiment filter and the 별점 orders of the review lists, on each database.</summary>
public abstract class ReviewRatingApiTests(ServerFixture server)
{
    private readonly HttpClient _client = server.Client;

    private async Task<int> NewMovieAsync() => (await _client.CreateMovieAsync($"별점 {Guid.NewGuid():N}")).Id();

    private async Task<JsonObject> PostAsync(object body)
    {
        var response = await _client.PostAsJsonAsync("/api/reviews/", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadObjectAsync();
    }

    [RequirementFact]
    public async Task AUserRatingAndSpoilerFlagAreStoredAndListed()
    {
        var movie = await NewMovieAsync();

        var posted = await PostAsync(new { movie_id = movie, author = "별점러", content = ReviewTexts.Positive, user_rating = 9, spoiler = true });

        Assert.Equal(9, (int?)posted["user_rating"]);
        Assert.True((bool)posted["spoiler"]!);
        var stored = Assert.Single(await _client.GetArrayAsync($"/api/reviews/movie/{movie}"))!;
        Assert.Equal(9, (int?)stored["user_rating"]);
        Assert.True((bool)stored["spoiler"]!);
        Assert.Equal(1, await server.ScalarAsync($"SELECT COUNT(*) FROM reviews WHERE id = {posted.Id()} AND user_rating = 9 AND spoiler"));
    }

    [RequirementFact]
    public async Task AReviewWithoutARatingHasNullAndNoSpoiler()
    {
        var movie = await NewMovieAsync();

        var posted = await _client.CreateReviewAsync(movie, ReviewTexts.Negative);

        Assert.True(posted.ContainsKey("user_rating"));
        Assert.Null(posted["user_rating"]);
        Assert.False((bool)posted["spoiler"]!);
    }

    [RequirementTheory]
    [InlineData(0)]
    [InlineData(11)]
    [InlineData(-3)]
    public async Task ARatingOutsideOneToTenIs422(int rating)
    {
        var movie = await NewMovieAsync();

        var response = await _client.PostAsJsonAsync("/api/reviews/", new { movie_id = movie, author = "관객", content = ReviewTexts.Positive, user_rating = rating });

        Assert.Equal(["user_rating"], await response.ReadInvalidFieldsAsync());
        Assert.Equal(0, await server.ScalarAsync($"SELECT COUNT(*) FROM reviews WHERE movie_id = {movie}"));
    }

    [RequirementFact]
    public async Task TheStatisticsAverageTheWritersRatingsOverTheReviewsThatCarryOne()
    {
        var movie = await NewMovieAsync();
        await PostAsync(new { movie_id = movie, author = "a", content = ReviewTexts.Positive, user_rating = 10 });
        await PostAsync(new { movie_id = movie, author = "b", content = ReviewTexts.Mixed[0], user_rating = 7 });
        var deleted = await PostAsync(new { movie_id = movie, author = "c", content = ReviewTexts.Mixed[3], user_rating = 1 });
        await _client.CreateReviewAsync(movie, ReviewTexts.Negative);
        Assert.Equal(HttpStatusCode.OK, (await _client.DeleteAsync($"/api/reviews/{deleted.Id()}")).StatusCode);

        var stats = (await _client.GetObjectAsync($"/api/movies/{movie}/stats"))["stats"]!;

        Assert.Equal(3, (int)stats["review_count"]!);
        Assert.Equal(2, (int)stats["user_rating_count"]!);
        Assert.Equal(8.5, (double)stats["average_user_rating"]!);
        // Kept by the triggers, not computed from the reviews.
        Assert.Equal(17, await server.ScalarAsync($"SELECT SUM(user_rating_sum) FROM review_tallies WHERE movie_id = {movie}"));
    }

    [RequirementFact]
    public async Task AMovieWithoutRatingsHasANullAverage()
    {
        var movie = await NewMovieAsync();
        await _client.CreateReviewAsync(movie, ReviewTexts.Positive);

        var stats = (await _client.GetObjectAsync($"/api/movies/{movie}/stats"))["stats"]!;

        Assert.Equal(0, (int)stats["user_rating_count"]!);
        Assert.Null(stats["average_user_rating"]);
    }

    [RequirementFact]
    public async Task ReviewsSortByTheWritersRatingElseThePredictionAndFilterBySentiment()
    {
        var movie = await NewMovieAsync();
        var low = await PostAsync(new { movie_id = movie, author = "a", content = ReviewTexts.Positive, user_rating = 1 });
        var high = await PostAsync(new { movie_id = movie, author = "b", content = ReviewTexts.Negative, user_rating = 10 });
        var unrated = await _client.CreateReviewAsync(movie, ReviewTexts.Mixed[2]);
        Assert.InRange((double)unrated["predicted_rating"]!, 1.0001, 9.9999);

        async Task<int[]> Ids(string query) => [.. (await _client.GetArrayAsync($"/api/reviews/movie/{movie}?{query}")).Select(r => r!.Id())];

        Assert.Equal([high.Id(), unrated.Id(), low.Id()], await Ids("sort=rating_desc"));
        Assert.Equal([low.Id(), unrated.Id(), high.Id()], await Ids("sort=rating_asc"));
        Assert.Equal([unrated.Id(), high.Id(), low.Id()], await Ids("sort=newest"));
        Assert.Equal([low.Id()], await Ids("sentiment=positive"));
        Assert.Equal([high.Id()], await Ids("sentiment=negative&sort=rating_asc"));
        Assert.Contains(high.Id(), (await _client.GetArrayAsync($"/api/reviews/?sentiment=negative&sort=rating_desc&limit=1000")).Select(r => r!.Id()));
    }

    [RequirementTheory]
    [InlineData("sort=best", "sort")]
    [InlineData("sentiment=happy", "sentiment")]
    public async Task AnUnknownSortOrSentimentIs422NamingIt(string query, string field)
    {
        var movie = await NewMovieAsync();

        Assert.Equal([field], await (await _client.GetAsync($"/api/reviews/movie/{movie}?{query}")).ReadInvalidFieldsAsync());
        Assert.Equal([field], await (await _client.GetAsync($"/api/reviews/?{query}")).ReadInvalidFieldsAsync());
    }

    [RequirementTheory]
    [InlineData("😡😡😡", false)]
    [InlineData("최고예요", false)]
    [InlineData("최고예요!", true)]
    [InlineData("👍🏽👍🏽👍🏽👍🏽👍🏽", true)]
    public async Task TheMinimumLengthCountsWhatAReaderCountsAsCharacters(string content, bool accepted)
    {
        var movie = await NewMovieAsync();

        var response = await _client.PostAsJsonAsync("/api/reviews/", new { movie_id = movie, author = "관객", content });

        if (accepted)
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
        else
        {
            Assert.Equal(["content"], await response.ReadInvalidFieldsAsync());
        }
    }
}

public sealed class SqliteReviewRatingApiTests(SqliteServerFixture server) : ReviewRatingApiTests(server), IClassFixture<SqliteServerFixture>;

[RequiresPostgres]
public sealed class PostgresReviewRatingApiTests(PostgresServerFixture server) : ReviewRatingApiTests(server), IClassFixture<PostgresServerFixture>;
