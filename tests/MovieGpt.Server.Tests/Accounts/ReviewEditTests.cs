using MovieGpt.Server.Tests.Infrastructure;

namespace MovieGpt.Server.Tests.Accounts;

/// <summary>What an edit (PUT /api/reviews/{id}) may change besides the text: the 별점 and the spoiler flag.</summary>
public abstract class ReviewEditTests(ServerFixture server)
{
    [RequirementFact]
    public async Task AnEditChangesTheRatingAndSpoilerAndKeepsWhatTheBodyLeavesOut()
    {
        var account = await server.NewAccountAsync();
        var movie = (await account.Client.CreateMovieAsync($"수정 {Guid.NewGuid():N}")).Id();
        var created = await account.Client.PostAsJsonAsync("/api/reviews/", new { movie_id = movie, content = ReviewTexts.Positive, user_rating = 8 });
        var url = $"/api/reviews/{(await created.ReadObjectAsync()).Id()}";

        var changed = await PutAsync(account, url, new { content = ReviewTexts.Positive, user_rating = 3, spoiler = true });
        var ratingCount = await RatingCountAsync(movie);
        var textOnly = await PutAsync(account, url, new { content = ReviewTexts.Negative });
        var cleared = await PutAsync(account, url, new { content = ReviewTexts.Negative, user_rating = (int?)null, spoiler = (bool?)null });

        Assert.Equal((3, true), ((int?)changed["user_rating"], (bool)changed["spoiler"]!));
        Assert.Equal((1, 3.0), ratingCount);
        Assert.Equal((3, true, ReviewTexts.Negative), ((int?)textOnly["user_rating"], (bool)textOnly["spoiler"]!, (string?)textOnly["content"]));
        Assert.Null(cleared["user_rating"]);
        Assert.True((bool)cleared["spoiler"]!);
        Assert.Equal("1", await server.TextAsync($"SELECT COUNT(*) FROM reviews WHERE movie_id = {movie} AND user_rating IS NULL AND spoiler"));
        // The tallies follow the 별점 too: the movie has no rating left to average.
        Assert.Equal((0, (double?)null), await RatingCountAsync(movie));
    }

    [RequirementFact]
    public async Task AnEditWithARatingOutOfRangeIs422AndChangesNothing()
    {
        var account = await server.NewAccountAsync();
        var movie = (await account.Client.CreateMovieAsync($"수정 {Guid.NewGuid():N}")).Id();
        var review = await account.Client.CreateReviewAsync(movie, ReviewTexts.Positive);

        var response = await account.Client.PutAsJsonAsync($"/api/reviews/{review.Id()}", new { content = ReviewTexts.Negative, user_rating = 11 });

        var problem = await response.ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.NotNull(problem["errors"]!["user_rating"]);
        Assert.Equal("1", await server.TextAsync($"SELECT COUNT(*) FROM reviews WHERE id = {review.Id()} AND edited_at IS NULL"));
    }

    [RequirementTheory]
    [InlineData("😡😡😡", false)]
    [InlineData("최고예요", false)]
    [InlineData("최고예요!", true)]
    [InlineData("👍🏽👍🏽👍🏽👍🏽👍🏽", true)]
    public async Task TheMinimumLengthOfAnEditCountsWhatAReaderCountsAsCharacters(string content, bool accepted)
    {
        var account = await server.NewAccountAsync();
        var movie = (await account.Client.CreateMovieAsync($"수정 {Guid.NewGuid():N}")).Id();
        var review = await account.Client.CreateReviewAsync(movie, ReviewTexts.Positive);

        var response = await account.Client.PutAsJsonAsync($"/api/reviews/{review.Id()}", new { content });

        if (accepted)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        else
        {
            Assert.Equal(["content"], await response.ReadInvalidFieldsAsync());
            Assert.Equal("1", await server.TextAsync($"SELECT COUNT(*) FROM reviews WHERE id = {review.Id()} AND edited_at IS NULL"));
        }
    }

    // 5,000 emoji with a skin tone are 20,000 UTF-16 units: a counter-valid review that must still fit the column.
    [RequirementTheory]
    [InlineData("👍🏽", 5_000, true)]
    [InlineData("가", 5_000, true)]
    [InlineData("😀", 5_001, false)]
    public async Task TheMaximumLengthCountsTextElementsWhenWrittenAndWhenEdited(string element, int count, bool accepted)
    {
        var content = string.Concat(Enumerable.Repeat(element, count));
        var account = await server.NewAccountAsync();
        var movie = (await account.Client.CreateMovieAsync($"수정 {Guid.NewGuid():N}")).Id();
        var review = await account.Client.CreateReviewAsync(movie, ReviewTexts.Positive);

        var post = await account.Client.PostAsJsonAsync("/api/reviews/", new { movie_id = (await account.Client.CreateMovieAsync($"수정 {Guid.NewGuid():N}")).Id(), content });
        var put = await account.Client.PutAsJsonAsync($"/api/reviews/{review.Id()}", new { content });

        if (accepted)
        {
            Assert.Equal(HttpStatusCode.Created, post.StatusCode);
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            Assert.Equal(content, (string?)(await put.ReadObjectAsync())["content"]);
        }
        else
        {
            Assert.Equal(["content"], await post.ReadInvalidFieldsAsync());
            Assert.Equal(["content"], await put.ReadInvalidFieldsAsync());
        }
    }

    private static async Task<JsonObject> PutAsync(TestAccount account, string url, object body)
    {
        var response = await account.Client.PutAsJsonAsync(url, body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadObjectAsync();
    }

    private async Task<(int Count, double? Average)> RatingCountAsync(int movie)
    {
        var stats = (await server.CreateClient().GetObjectAsync($"/api/movies/{movie}/stats"))["stats"]!;
        return ((int)stats["user_rating_count"]!, (double?)stats["average_user_rating"]);
    }
}

public sealed class SqliteReviewEditTests(SqliteAccountsFixture server) : ReviewEditTests(server), IClassFixture<SqliteAccountsFixture>;

[RequiresPostgres]
public sealed class PostgresReviewEditTests(PostgresAccountsFixture server) : ReviewEditTests(server), IClassFixture<PostgresAccountsFixture>;
