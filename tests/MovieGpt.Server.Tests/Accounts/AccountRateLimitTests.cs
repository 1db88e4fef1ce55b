using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using MovieGpt.Server.Components.Account;
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

    [RequirementFact]
    public async Task TheApiAndTheUiSpendOneWriteBudgetPerUser()
    {
        await using var app = server.CreateVariant(_ => { }, Settings(writes: 3, auth: 100));
        var account = await AccountClient.NewAccountAsync(app.CreateClient);
        var other = await AccountClient.NewAccountAsync(app.CreateClient);
        var movie = await account.Client.CreateMovieAsync("한 사람 두 창구");
        await using var circuit = app.Services.CreateAsyncScope();
        var ui = UiOf(circuit, account.Id);

        var uiWrite = await ui.TakeWriteAsync();
        var apiWrite = await account.Client.PostAsJsonAsync("/api/reviews/", new { movie_id = movie.Id(), content = ReviewTexts.Positive });
        var uiRefused = await ui.TakeWriteAsync();
        var apiRefused = await account.Client.PostAsync($"/api/reviews/{(await apiWrite.ReadObjectAsync()).Id()}/helpful", null);

        Assert.Null(uiWrite);
        Assert.Equal(HttpStatusCode.Created, apiWrite.StatusCode);
        Assert.Matches(@"^요청이 너무 많아요\. [1-9]\d*초 후에 다시 시도해 주세요\.$", uiRefused);
        await apiRefused.ReadProblemAsync(HttpStatusCode.TooManyRequests);
        // Another user's budget is their own, in the UI as in the API.
        await using var theirs = app.Services.CreateAsyncScope();
        Assert.Null(await UiOf(theirs, other.Id).TakeWriteAsync());
    }

    [RequirementFact]
    public async Task WithRateLimitsOffTheUiWritesWithoutLimit()
    {
        await using var app = server.CreateVariant(_ => { }, new Dictionary<string, string?>(AccountSettings.Values) { ["RateLimits:Enabled"] = "false", ["RateLimits:Writes:PermitLimit"] = "1" });
        await using var circuit = app.Services.CreateAsyncScope();
        var ui = UiOf(circuit, userId: 1);

        var refusals = new List<string?>();
        for (var i = 0; i < 5; i++)
        {
            refusals.Add(await ui.TakeWriteAsync());
        }

        Assert.All(refusals, Assert.Null);
    }

    /// <summary>What a circuit's <see cref="UiRateLimit"/> is once the user <paramref name="userId"/> signed in.</summary>
    private static UiRateLimit UiOf(AsyncServiceScope circuit, int userId)
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId.ToString(CultureInfo.InvariantCulture))], "Test"));
        var authentication = (IHostEnvironmentAuthenticationStateProvider)circuit.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        authentication.SetAuthenticationState(Task.FromResult(new AuthenticationState(user)));
        return circuit.ServiceProvider.GetRequiredService<UiRateLimit>();
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
