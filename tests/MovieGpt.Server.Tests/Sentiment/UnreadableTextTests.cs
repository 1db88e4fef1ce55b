using MovieGpt.Server.Tests.Infrastructure;

namespace MovieGpt.Server.Tests.Sentiment;

/// <summary>
/// Text that passes the length checks but holds nothing the engine can read (zero-width spaces are not white space
/// to .NET's Trim): the engine refuses it, and every endpoint that scores answers 422 naming the field, storing nothing.
/// </summary>
public abstract class UnreadableTextTests(ServerFixture server)
{
    private const string ZeroWidth = "\u200b\u200b\u200b\u200b\u200b\u200b";

    private readonly HttpClient _client = server.Client;

    [RequirementFact]
    public async Task AReviewWithNoReadableCharactersAnswers422AndIsNotStored()
    {
        var movie = await _client.CreateMovieAsync($"읽을 수 없는 리뷰 {Guid.NewGuid():N}");

        var response = await _client.PostAsJsonAsync("/api/reviews/", new { movie_id = movie.Id(), author = "관객", content = ZeroWidth });

        Assert.Equal(["content"], await response.ReadInvalidFieldsAsync());
        Assert.Equal(0, await server.ScalarAsync($"SELECT COUNT(*) FROM reviews WHERE movie_id = {movie.Id()}"));
        // The next review of the same movie is scored and stored as usual.
        Assert.Equal(movie.Id(), (int)(await _client.CreateReviewAsync(movie.Id(), ReviewTexts.Positive))["movie_id"]!);
    }

    [RequirementFact]
    public async Task ScoringATextWithNoReadableCharactersAnswers422()
    {
        var response = await _client.PostAsJsonAsync("/api/sentiment", new { text = ZeroWidth });

        Assert.Equal(["text"], await response.ReadInvalidFieldsAsync());
    }

    [RequirementFact]
    public async Task ABatchWithATextOfNoReadableCharactersAnswers422()
    {
        var response = await _client.PostAsJsonAsync("/api/sentiment/batch", new { texts = new[] { ReviewTexts.Positive, ZeroWidth } });

        Assert.Equal(["texts"], await response.ReadInvalidFieldsAsync());
    }
}

public sealed class SqliteUnreadableTextTests(SqliteServerFixture server) : UnreadableTextTests(server), IClassFixture<SqliteServerFixture>;

[RequiresPostgres]
public sealed class PostgresUnreadableTextTests(PostgresServerFixture server) : UnreadableTextTests(server), IClassFixture<PostgresServerFixture>;
