using System.Globalization;
using MovieGpt.Server.Tests.Hardening;
using MovieGpt.Server.Tests.Infrastructure;

namespace MovieGpt.Server.Tests.Accounts;

/// <summary>
/// The rate limits with real accounts: a signed-in caller is counted by their user id (authentication runs before the
/// limiter), so two accounts behind one address have budgets of their own; /api/auth has its own budget per client.
/// </summary>
public abstract class AccountRateLimitTests(ServerFixture server)
{
    [RequirementFact]
    public async Task TwoSignedInUsersBehindOneAddressHaveWriteBudgetsOfTheirOwn()
    {
        await using var app = server.CreateVariant(_ => { }, Settings(writes: 2, auth: 100));
        var url = app.StartOnSocket();
        HttpClient FromOneAddress() => HardeningHosts.ClientFrom(url, "127.0.0.1");
        var author = await AccountClient.NewAccountAsync(FromOneAddress);
        var fan = await AccountClient.NewAccountAsync(FromOneAddress);

        var movie = await author.Client.CreateMovieAsync("한 주소 두 사람");
        var review = await author.Client.CreateReviewAsync(movie.Id(), ReviewTexts.Positive);
        var edit = await author.Client.PutAsJsonAsync($"/api/reviews/{review.Id()}", new { content = ReviewTexts.Negative });

        await edit.ReadProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(edit.Headers.Contains("Retry-After"));
        Assert.Equal(HttpStatusCode.OK, (await fan.Client.PostAsync($"/api/reviews/{review.Id()}/helpful", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fan.Client.DeleteAsync($"/api/reviews/{review.Id()}/helpful")).StatusCode);
        var third = await fan.Client.PostAsync($"/api/reviews/{review.Id()}/helpful", null);
        await third.ReadProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal(1, await server.ScalarAsync($"SELECT COUNT(*) FROM reviews WHERE id = {review.Id()} AND edited_at IS NULL"));
    }

    [RequirementFact]
    public async Task RegisterLoginAndRefreshOverTheAuthLimitAnswer429WithRetryAfter()
    {
        await using var app = server.CreateVariant(_ => { }, Settings(writes: 100, auth: 3));
        var account = await AccountClient.NewAccountAsync(app.CreateClient);
        using var client = app.CreateClient();

        var refresh = await client.PostAsJsonAsync("/api/auth/refresh", new { refresh_token = account.RefreshToken });
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email = account.Email, password = AccountSettings.Password });
        var register = await client.PostAsJsonAsync("/api/auth/register", new { email = "late@moviegpt.test", password = AccountSettings.Password, display_name = "늦은관객" });

        Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
        foreach (var refused in new[] { login, register })
        {
            var problem = await refused.ReadProblemAsync(HttpStatusCode.TooManyRequests);
            Assert.Contains("try again", (string?)problem["detail"]);
            var seconds = int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), CultureInfo.InvariantCulture);
            Assert.InRange(seconds, 1, 60);
        }
        Assert.Equal(0, await server.ScalarAsync("SELECT COUNT(*) FROM users WHERE email = 'late@moviegpt.test'"));
        // The token itself still works: reads are not limited.
        Assert.Equal(HttpStatusCode.OK, (await account.Client.GetAsync("/api/me")).StatusCode);
    }

    private static Dictionary<string, string?> Settings(int writes, int auth)
    {
        var settings = HardeningHosts.Limits(writes: writes);
        settings["RateLimits:Auth:PermitLimit"] = auth.ToString(CultureInfo.InvariantCulture);
        settings["RateLimits:Auth:WindowSeconds"] = "60";
        foreach (var (key, value) in AccountSettings.Values)
        {
            settings[key] = value;
        }
        return settings;
    }
}

public sealed class SqliteAccountRateLimitTests(SqliteAccountsFixture server) : AccountRateLimitTests(server), IClassFixture<SqliteAccountsFixture>;

[RequiresPostgres]
public sealed class PostgresAccountRateLimitTests(PostgresAccountsFixture server) : AccountRateLimitTests(server), IClassFixture<PostgresAccountsFixture>;
