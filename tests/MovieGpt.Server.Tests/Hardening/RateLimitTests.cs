using MovieGpt.Server.Tests.Infrastructure;

namespace MovieGpt.Server.Tests.Hardening;

/// <summary>
/// Rate limits through the real pipeline: a client over its budget gets 429 ProblemDetails with Retry-After, per
/// signed-in user or per client address, and reads are never limited.
/// </summary>
public abstract class RateLimitTests(ServerFixture server)
{
    [RequirementFact]
    public async Task ReviewsOverTheWriteLimitAnswer429WithRetryAfterAndAreNotStored()
    {
        var movie = await server.Client.CreateMovieAsync("속도 제한");
        await using var app = server.CreateVariant(_ => { }, HardeningHosts.Limits(writes: 2));
        using var client = app.CreateClient();

        for (var i = 0; i < 2; i++)
        {
            await client.CreateReviewAsync(movie.Id(), ReviewTexts.Positive);
        }
        var refused = await client.PostAsJsonAsync("/api/reviews/", new { movie_id = movie.Id(), author = "관객", content = ReviewTexts.Negative });

        var problem = await refused.ReadProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("try again", (string?)problem["detail"]);
        var retryAfter = int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        Assert.Equal(2, await server.ScalarAsync($"SELECT COUNT(*) FROM reviews WHERE movie_id = {movie.Id()}"));
    }

    [RequirementFact]
    public async Task MovieWritesAndDeletesShareTheWriteLimit()
    {
        await using var app = server.CreateVariant(_ => { }, HardeningHosts.Limits(writes: 2));
        using var client = app.CreateClient();

        var movie = await client.CreateMovieAsync("쓰기 한도");
        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync($"/api/movies/{movie.Id()}")).StatusCode);
        var refused = await client.PostAsJsonAsync("/api/movies/", new { title = "하나 더" });

        await refused.ReadProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(refused.Headers.Contains("Retry-After"));
    }

    [RequirementFact]
    public async Task EverySentimentEndpointSharesTheAiLimit()
    {
        await using var app = server.CreateVariant(_ => { }, HardeningHosts.Limits(ai: 3));
        using var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/sentiment", new { text = ReviewTexts.Positive })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/sentiment/batch", new { texts = ReviewTexts.Mixed })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/sentiment/explain", new { text = ReviewTexts.Positive })).StatusCode);
        var refused = await client.PostAsJsonAsync("/api/sentiment", new { text = ReviewTexts.Negative });

        await refused.ReadProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(refused.Headers.Contains("Retry-After"));
    }

    [RequirementFact]
    public async Task ReadsAreNotLimited()
    {
        await using var app = server.CreateVariant(_ => { }, HardeningHosts.Limits(writes: 1, ai: 1));
        using var client = app.CreateClient();

        for (var i = 0; i < 30; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/movies/?limit=1")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }

    [RequirementFact]
    public async Task EachSignedInUserHasABudgetOfTheirOwn()
    {
        await using var app = server.CreateVariant(HardeningHosts.SignInByHeader, HardeningHosts.Limits(ai: 1));
        using var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await Score(client, "alice")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Score(client, "alice")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Score(client, "bob")).StatusCode);
        // Anonymous requests count against the address, not against either user.
        Assert.Equal(HttpStatusCode.OK, (await Score(client, null)).StatusCode);
    }

    [RequirementFact]
    public async Task EachClientAddressHasABudgetOfItsOwn()
    {
        await using var app = server.CreateVariant(_ => { }, HardeningHosts.Limits(ai: 1));
        var url = app.StartOnSocket();
        using var first = HardeningHosts.ClientFrom(url, "127.0.0.1");
        using var second = HardeningHosts.ClientFrom(url, "127.0.0.2");

        Assert.Equal(HttpStatusCode.OK, (await Score(first, null)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Score(first, null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Score(second, null)).StatusCode);
    }

    [RequirementFact]
    public async Task AForwardedAddressCountsOnlyWhenItsProxyIsTrusted()
    {
        var trusted = HardeningHosts.Limits(ai: 1);
        trusted["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1";
        await using var behindProxy = server.CreateVariant(_ => { }, trusted);
        using var proxy = HardeningHosts.ClientFrom(behindProxy.StartOnSocket(), "127.0.0.1");

        Assert.Equal(HttpStatusCode.OK, (await Score(proxy, null, forwardedFor: "203.0.113.1")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Score(proxy, null, forwardedFor: "203.0.113.1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Score(proxy, null, forwardedFor: "203.0.113.2")).StatusCode);

        // Without a trusted proxy the header is the client's word, and changing it does not buy a new budget.
        await using var direct = server.CreateVariant(_ => { }, HardeningHosts.Limits(ai: 1));
        using var client = HardeningHosts.ClientFrom(direct.StartOnSocket(), "127.0.0.1");
        Assert.Equal(HttpStatusCode.OK, (await Score(client, null, forwardedFor: "203.0.113.1")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Score(client, null, forwardedFor: "203.0.113.2")).StatusCode);
    }

    [RequirementFact]
    public async Task WithLimitsOffEveryWriteGoesThrough()
    {
        var movie = await server.Client.CreateMovieAsync("제한 없음");

        for (var i = 0; i < 25; i++)
        {
            await server.Client.CreateReviewAsync(movie.Id(), $"{ReviewTexts.Positive} {i}");
        }
    }

    private static Task<HttpResponseMessage> Score(HttpClient client, string? user, string? forwardedFor = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/sentiment") { Content = JsonContent.Create(new { text = ReviewTexts.Positive }) };
        if (user is not null)
        {
            request.Headers.Add("X-Test-User", user);
        }
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }
        return client.SendAsync(request);
    }
}

public sealed class SqliteRateLimitTests(SqliteServerFixture server) : RateLimitTests(server), IClassFixture<SqliteServerFixture>;

[RequiresPostgres]
public sealed class PostgresRateLimitTests(PostgresServerFixture server) : RateLimitTests(server), IClassFixture<PostgresServerFixture>;
