using System.Text;
using MovieGpt.Server.Tests.Infrastructure;

namespace MovieGpt.Server.Tests.Service;

/// <summary>
/// U+0000 (which PostgreSQL refuses in text) and lone surrogates (which have no UTF-8 form) are refused on every text
/// input with a 422 naming the field, on both databases, and nothing is stored; the next request works as usual.
/// </summary>
public abstract class StorableTextTests(ServerFixture server)
{
    private readonly HttpClient _client = server.Client;

    [RequirementTheory]
    [InlineData("author")]
    [InlineData("content")]
    public async Task AReviewWithNulInAFieldAnswers422NamingItAndIsNotStored(string field)
    {
        var movie = await _client.CreateMovieAsync($"널 문자 리뷰 {Guid.NewGuid():N}");
        var body = new Dictionary<string, object> { ["movie_id"] = movie.Id(), ["author"] = "관객", ["content"] = ReviewTexts.Positive };
        body[field] = $"{body[field]}\0끝";

        var response = await _client.PostAsJsonAsync("/api/reviews/", body);

        Assert.Equal([field], await response.ReadInvalidFieldsAsync());
        Assert.Equal(0, await server.ScalarAsync($"SELECT COUNT(*) FROM reviews WHERE movie_id = {movie.Id()}"));
        await _client.CreateReviewAsync(movie.Id(), ReviewTexts.Negative);
    }

    [RequirementFact]
    public async Task AMovieWithNulInItsTitleOrDirectorAnswers422NamingBoth()
    {
        var title = $"널\0제목 {Guid.NewGuid():N}";

        var response = await _client.PostAsJsonAsync("/api/movies/", new { title, director = "봉\0준호" });

        Assert.Equal(["director", "title"], await response.ReadInvalidFieldsAsync());
        Assert.Equal(0, await server.ScalarAsync($"SELECT COUNT(*) FROM movies WHERE director LIKE '봉%'"));
    }

    [RequirementFact]
    public async Task ALoneSurrogateInAReviewIsRefusedAsClientError()
    {
        var movie = await _client.CreateMovieAsync($"서로게이트 {Guid.NewGuid():N}");
        // Written by hand: JSON may escape a lone surrogate, which no serializer would produce from a valid string.
        var json = $$"""{"movie_id": {{movie.Id()}}, "author": "관객", "content": "좋은 영화 \ud83d 였어요"}""";

        var response = await _client.PostAsync("/api/reviews/", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.InRange((int)response.StatusCode, 400, 422);
        Assert.Equal(0, await server.ScalarAsync($"SELECT COUNT(*) FROM reviews WHERE movie_id = {movie.Id()}"));
    }

    [RequirementFact]
    public async Task ASearchWithNulAnswers422NamingQ()
    {
        var response = await _client.GetAsync("/api/movies/?q=%00");

        Assert.Equal(["q"], await response.ReadInvalidFieldsAsync());
    }

    [RequirementFact]
    public async Task ScoringTextWithNulAnswers422NamingTheText()
    {
        Assert.Equal(["text"], await (await _client.PostAsJsonAsync("/api/sentiment", new { text = "좋아요\0" })).ReadInvalidFieldsAsync());
        Assert.Equal(["texts[1]"], await (await _client.PostAsJsonAsync("/api/sentiment/batch",
            new { texts = new[] { ReviewTexts.Positive, "별로\0" } })).ReadInvalidFieldsAsync());
    }
}

public sealed class SqliteStorableTextTests(SqliteServerFixture server) : StorableTextTests(server), IClassFixture<SqliteServerFixture>;

[RequiresPostgres]
public sealed class PostgresStorableTextTests(PostgresServerFixture server) : StorableTextTests(server), IClassFixture<PostgresServerFixture>;
