using Microsoft.Extensions.DependencyInjection;
using MovieGpt.Server.Data.Idempotency;
using MovieGpt.Server.Tests.Infrastructure;

namespace MovieGpt.Server.Tests.Idempotency;

/// <summary>Idempotency-Key on POST /api/reviews/ and POST /api/movies/, on each database.</summary>
public abstract class IdempotencyApiTests(ServerFixture server)
{
    private readonly HttpClient _client = server.Client;

    [RequirementFact]
    public async Task ARetryWithTheSameKeyAndBodyAnswersTheSameAndStoresOneReview()
    {
        var movie = await _client.CreateMovieAsync($"재시도 {Guid.NewGuid():N}");
        var key = Guid.NewGuid().ToString();
        var body = new { movie_id = movie.Id(), author = "관객", content = ReviewTexts.Positive };

        var first = await PostAsync("/api/reviews/", body, key);
        var retry = await PostAsync("/api/reviews/", body, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal("application/json", retry.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, await server.ScalarAsync($"SELECT COUNT(*) FROM reviews WHERE movie_id = {movie.Id()}"));
        Assert.Equal(1, await server.ScalarAsync($"SELECT COUNT(*) FROM idempotency_keys WHERE key = '{key}'"));
    }

    [RequirementFact]
    public async Task TheSameKeyWithAnotherBodyIs422AndStoresNothing()
    {
        var movie = await _client.CreateMovieAsync($"다른 본문 {Guid.NewGuid():N}");
        var key = Guid.NewGuid().ToString();
        (await PostAsync("/api/reviews/", new { movie_id = movie.Id(), author = "관객", content = ReviewTexts.Positive }, key)).EnsureSuccessStatusCode();

        var other = await PostAsync("/api/reviews/", new { movie_id = movie.Id(), author = "관객", content = ReviewTexts.Negative }, key);

        Assert.Equal(["Idempotency-Key"], await other.ReadInvalidFieldsAsync());
        Assert.Equal(1, await server.ScalarAsync($"SELECT COUNT(*) FROM reviews WHERE movie_id = {movie.Id()}"));
    }

    [RequirementFact]
    public async Task ConcurrentRequestsWithOneKeyStoreOneReviewAndAllAnswerIt()
    {
        var movie = await _client.CreateMovieAsync($"동시 재시도 {Guid.NewGuid():N}");
        var key = Guid.NewGuid().ToString();
        var body = new { movie_id = movie.Id(), author = "관객", content = ReviewTexts.Mixed[0] };

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => PostAsync("/api/reviews/", body, key)));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        var ids = await Task.WhenAll(answers.Select(async a => (await a.ReadObjectAsync()).Id()));
        Assert.Single(ids.Distinct());
        Assert.Equal(1, await server.ScalarAsync($"SELECT COUNT(*) FROM reviews WHERE movie_id = {movie.Id()}"));
    }

    [RequirementFact]
    public async Task ReviewsWithDifferentKeysInOneBatchAreEachStored()
    {
        var movie = await _client.CreateMovieAsync($"여러 키 {Guid.NewGuid():N}");

        var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            PostAsync("/api/reviews/", new { movie_id = movie.Id(), author = $"관객{i}", content = ReviewTexts.Mixed[i % 5] }, Guid.NewGuid().ToString())));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        Assert.Equal(16, await server.ScalarAsync($"SELECT COUNT(*) FROM reviews WHERE movie_id = {movie.Id()}"));
    }

    [RequirementFact]
    public async Task AMovieRetriedWithTheSameKeyIsStoredOnce()
    {
        var title = $"한 번만 {Guid.NewGuid():N}";
        var key = Guid.NewGuid().ToString();
        var body = new { title, director = "봉준호" };

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => PostAsync("/api/movies/", body, key)));
        var later = await PostAsync("/api/movies", body, key);

        Assert.All(answers.Append(later), a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        var bodies = await Task.WhenAll(answers.Append(later).Select(a => a.Content.ReadAsStringAsync()));
        Assert.Single(bodies.Distinct());
        Assert.Equal(1, await server.ScalarAsync($"SELECT COUNT(*) FROM movies WHERE title = '{title}'"));
        Assert.Equal(422, (int)(await PostAsync("/api/movies/", new { title = title + " 2" }, key)).StatusCode);
    }

    [RequirementFact]
    public async Task AFailedWriteLeavesTheKeyFreeForTheRetry()
    {
        var key = Guid.NewGuid().ToString();

        var missing = await PostAsync("/api/reviews/", new { movie_id = int.MaxValue, author = "관객", content = ReviewTexts.Positive }, key);
        var invalid = await PostAsync("/api/reviews/", new { movie_id = 1, author = "", content = "" }, key);
        var movie = await _client.CreateMovieAsync($"다시 {Guid.NewGuid():N}");
        var stored = await PostAsync("/api/reviews/", new { movie_id = movie.Id(), author = "관객", content = ReviewTexts.Positive }, key);

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.Created, stored.StatusCode);
    }

    [RequirementFact]
    public async Task AKeyIsScopedToItsEndpoint()
    {
        var key = Guid.NewGuid().ToString();
        var movie = await (await PostAsync("/api/movies/", new { title = $"범위 {Guid.NewGuid():N}" }, key)).ReadObjectAsync();

        var review = await PostAsync("/api/reviews/", new { movie_id = movie.Id(), author = "관객", content = ReviewTexts.Positive }, key);

        Assert.Equal(HttpStatusCode.Created, review.StatusCode);
    }

    [RequirementTheory]
    [InlineData("with space")]
    [InlineData(null)]
    public async Task AKeyThatIsTooLongOrNotVisibleAsciiIs422(string? key)
    {
        key ??= new string('k', 256);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/movies/") { Content = JsonContent.Create(new { title = "키" }) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);

        var response = await _client.SendAsync(request);

        Assert.Equal(["Idempotency-Key"], await response.ReadInvalidFieldsAsync());
    }

    [RequirementFact]
    public async Task AKeyOlderThanTheRetentionIsAWriteAgainAndIsPurged()
    {
        var movie = await _client.CreateMovieAsync($"만료 {Guid.NewGuid():N}");
        var key = Guid.NewGuid().ToString();
        var body = new { movie_id = movie.Id(), author = "관객", content = ReviewTexts.Positive };
        (await PostAsync("/api/reviews/", body, key)).EnsureSuccessStatusCode();
        var old = Guid.NewGuid().ToString();
        (await PostAsync("/api/reviews/", body with { author = "다른 관객" }, old)).EnsureSuccessStatusCode();
        await AgeAsync(key);
        await AgeAsync(old);

        var again = await PostAsync("/api/reviews/", body, key);
        var purged = await server.Services.GetRequiredService<IdempotencyStore>().PurgeAsync(CancellationToken.None);

        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.False(again.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(3, await server.ScalarAsync($"SELECT COUNT(*) FROM reviews WHERE movie_id = {movie.Id()}"));
        Assert.True(purged >= 1);
        Assert.Equal(0, await server.ScalarAsync($"SELECT COUNT(*) FROM idempotency_keys WHERE key = '{old}'"));
        Assert.Equal(1, await server.ScalarAsync($"SELECT COUNT(*) FROM idempotency_keys WHERE key = '{key}'"));
    }

    // Moves a key's answer 25 hours into the past, beyond the default retention of 24.
    private Task<int> AgeAsync(string key) => server.Provider == "Postgres"
        ? server.ExecuteAsync($"UPDATE idempotency_keys SET created_at = created_at - interval '25 hours' WHERE key = '{key}'")
        : server.ExecuteAsync($"UPDATE idempotency_keys SET created_at = strftime('%Y-%m-%d %H:%M:%f', created_at, '-25 hours') WHERE key = '{key}'");

    private Task<HttpResponseMessage> PostAsync<T>(string url, T body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return _client.SendAsync(request);
    }
}

public sealed class SqliteIdempotencyApiTests(SqliteServerFixture server) : IdempotencyApiTests(server), IClassFixture<SqliteServerFixture>;

[RequiresPostgres]
public sealed class PostgresIdempotencyApiTests(PostgresServerFixture server) : IdempotencyApiTests(server), IClassFixture<PostgresServerFixture>;
