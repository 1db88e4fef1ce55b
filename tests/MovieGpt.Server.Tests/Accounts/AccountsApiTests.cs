using System.Net.Http.Headers;
using MovieGpt.Server.Tests.Infrastructure;

namespace MovieGpt.Server.Tests.Accounts;

/// <summary>/api/auth and /api/me on each database, with accounts enforced.</summary>
public abstract class AccountsApiTests(ServerFixture server)
{
    private readonly HttpClient _anonymous = server.CreateClient();

    private static string NewEmail() => $"u-{Guid.NewGuid():N}@moviegpt.test";

    private static string NewName() => $"닉{Guid.NewGuid().ToString("N")[..6]}";

    [RequirementFact]
    public async Task RegisteringAnswers201WithTheAccountAndNoPassword()
    {
        var email = NewEmail();
        var name = NewName();

        var response = await _anonymous.PostAsJsonAsync("/api/auth/register", new { email, password = AccountSettings.Password, display_name = name });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var user = await response.ReadObjectAsync();
        Assert.Equal(email, (string?)user["email"]);
        Assert.Equal(name, (string?)user["display_name"]);
        Assert.Equal(0, (int)user["review_count"]!);
        Assert.Empty(user["roles"]!.AsArray());
        Assert.DoesNotContain(AccountSettings.Password, user.ToJsonString());
        var stored = await server.TextAsync($"SELECT password_hash FROM users WHERE id = {user.Id()}");
        Assert.False(string.IsNullOrEmpty(stored));
        Assert.NotEqual(AccountSettings.Password, stored);
    }

    [RequirementFact]
    public async Task ATakenEmailOrDisplayNameIs409NamingTheField()
    {
        var account = await server.NewAccountAsync();

        var sameEmail = await _anonymous.PostAsJsonAsync("/api/auth/register",
            new { email = account.Email.ToUpperInvariant(), password = AccountSettings.Password, display_name = NewName() });
        var sameName = await _anonymous.PostAsJsonAsync("/api/auth/register",
            new { email = NewEmail(), password = AccountSettings.Password, display_name = account.DisplayName });

        Assert.Equal("email", (string?)(await sameEmail.ReadProblemAsync(HttpStatusCode.Conflict))["field"]);
        Assert.Equal("display_name", (string?)(await sameName.ReadProblemAsync(HttpStatusCode.Conflict))["field"]);
    }

    [RequirementFact]
    public async Task InvalidRegistrationsAre422NamingEachField()
    {
        var response = await _anonymous.PostAsJsonAsync("/api/auth/register", new { email = "not-an-email", password = "short", display_name = "김" });

        Assert.Equal(["display_name", "email", "password"], await response.ReadInvalidFieldsAsync());
    }

    [RequirementFact]
    public async Task TheDisplayNameIsMeasuredInTextElements()
    {
        // 20 family emoji are 20 text elements but 220 UTF-16 units; 21 Hangul syllables are one too many.
        var family = string.Concat(Enumerable.Repeat("👨‍👩‍👧‍👦", 20));

        var fits = await _anonymous.PostAsJsonAsync("/api/auth/register", new { email = NewEmail(), password = AccountSettings.Password, display_name = family });
        var tooLong = await _anonymous.PostAsJsonAsync("/api/auth/register",
            new { email = NewEmail(), password = AccountSettings.Password, display_name = new string('가', 21) });

        Assert.Equal(HttpStatusCode.Created, fits.StatusCode);
        Assert.Equal(["display_name"], await tooLong.ReadInvalidFieldsAsync());
    }

    [RequirementFact]
    public async Task LoginAnswersBearerTokensInSnakeCase()
    {
        var account = await server.NewAccountAsync();

        var tokens = account.Tokens;

        Assert.Equal("Bearer", (string?)tokens["token_type"]);
        Assert.False(string.IsNullOrEmpty((string?)tokens["access_token"]));
        Assert.False(string.IsNullOrEmpty((string?)tokens["refresh_token"]));
        Assert.Equal(3600, (long)tokens["expires_in"]!);
    }

    [RequirementFact]
    public async Task AWrongPasswordOrUnknownEmailIs401ProblemDetails()
    {
        var account = await server.NewAccountAsync();

        var wrong = await _anonymous.PostAsJsonAsync("/api/auth/login", new { email = account.Email, password = "Wr0ngPassword" });
        var unknown = await _anonymous.PostAsJsonAsync("/api/auth/login", new { email = NewEmail(), password = AccountSettings.Password });

        await wrong.ReadProblemAsync(HttpStatusCode.Unauthorized);
        await unknown.ReadProblemAsync(HttpStatusCode.Unauthorized);
    }

    [RequirementFact]
    public async Task RepeatedFailuresLockTheAccountWith429AndRetryAfterEvenForTheRightPassword()
    {
        var account = await server.NewAccountAsync();
        for (var i = 0; i < AccountSettings.MaxFailedLogins - 1; i++)
        {
            await (await _anonymous.PostAsJsonAsync("/api/auth/login", new { email = account.Email, password = "Wr0ngPassword" }))
                .ReadProblemAsync(HttpStatusCode.Unauthorized);
        }

        var locking = await _anonymous.PostAsJsonAsync("/api/auth/login", new { email = account.Email, password = "Wr0ngPassword" });
        var right = await _anonymous.PostAsJsonAsync("/api/auth/login", new { email = account.Email, password = AccountSettings.Password });

        await locking.ReadProblemAsync(HttpStatusCode.TooManyRequests);
        await right.ReadProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(right.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    [RequirementFact]
    public async Task MeAnswersTheAccountAndItsReviewCount()
    {
        var account = await server.NewAccountAsync();
        var movie = await account.Client.CreateMovieAsync($"내 영화 {Guid.NewGuid():N}");
        await account.Client.CreateReviewAsync(movie.Id(), ReviewTexts.Positive);

        var me = await account.Client.GetObjectAsync("/api/me");

        Assert.Equal(account.Id, me.Id());
        Assert.Equal(account.Email, (string?)me["email"]);
        Assert.Equal(account.DisplayName, (string?)me["display_name"]);
        Assert.Equal(1, (int)me["review_count"]!);
    }

    [RequirementFact]
    public async Task MeWithoutATokenIs401AndWithAForgedOneToo()
    {
        var forged = server.CreateClient();
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");

        await (await _anonymous.GetAsync("/api/me")).ReadProblemAsync(HttpStatusCode.Unauthorized);
        await (await forged.GetAsync("/api/me")).ReadProblemAsync(HttpStatusCode.Unauthorized);
    }

    [RequirementFact]
    public async Task TheAdminEmailGetsTheAdminRole()
    {
        var other = await server.NewAccountAsync();
        var admin = await server.AdminAsync();

        var me = await admin.Client.GetObjectAsync("/api/me");

        Assert.Equal(["admin"], me["roles"]!.AsArray().Select(r => (string)r!));
        Assert.Empty((await other.Client.GetObjectAsync("/api/me"))["roles"]!.AsArray());
    }

    [RequirementFact]
    public async Task RefreshAnswersNewTokensThatWork()
    {
        var account = await server.NewAccountAsync();

        var response = await _anonymous.PostAsJsonAsync("/api/auth/refresh", new { refresh_token = account.RefreshToken });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var tokens = await response.ReadObjectAsync();
        var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string)tokens["access_token"]!);
        Assert.Equal(account.Id, (await client.GetObjectAsync("/api/me")).Id());
    }

    [RequirementFact]
    public async Task AnInvalidRefreshTokenIs401()
    {
        var response = await _anonymous.PostAsJsonAsync("/api/auth/refresh", new { refresh_token = "nonsense" });

        await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
    }

    [RequirementFact]
    public async Task LogoutEndsTheRefreshToken()
    {
        var account = await server.NewAccountAsync();

        var logout = await account.Client.PostAsync("/api/auth/logout", null);
        var refresh = await _anonymous.PostAsJsonAsync("/api/auth/refresh", new { refresh_token = account.RefreshToken });

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        await refresh.ReadProblemAsync(HttpStatusCode.Unauthorized);
    }

    [RequirementFact]
    public async Task LogoutEndsTheAccessTokenAtOnceAndALoginIssuesOneThatWorks()
    {
        var account = await server.NewAccountAsync();
        Assert.Equal(HttpStatusCode.OK, (await account.Client.GetAsync("/api/me")).StatusCode);

        var logout = await account.Client.PostAsync("/api/auth/logout", null);
        var me = await account.Client.GetAsync("/api/me");
        var write = await account.Client.PostAsJsonAsync("/api/movies/", new { title = $"로그아웃 뒤 {Guid.NewGuid():N}"[..12] });
        var login = await _anonymous.PostAsJsonAsync("/api/auth/login", new { email = account.Email, password = AccountSettings.Password });
        using var again = server.CreateClient();
        again.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string?)(await login.ReadObjectAsync())["access_token"]);

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        await me.ReadProblemAsync(HttpStatusCode.Unauthorized);
        await write.ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(account.DisplayName, (string?)(await again.GetObjectAsync("/api/me"))["display_name"]);
    }

    [RequirementFact]
    public async Task TheOpenApiDocumentHasTheBearerScheme()
    {
        var document = await _anonymous.GetObjectAsync("/openapi/v1.json");

        Assert.Equal("bearer", (string?)document["components"]!["securitySchemes"]!["Bearer"]!["scheme"]);
        Assert.NotNull(document["paths"]!["/api/auth/login"]);
    }

}

public sealed class SqliteAccountsApiTests(SqliteAccountsFixture server) : AccountsApiTests(server), IClassFixture<SqliteAccountsFixture>;

[RequiresPostgres]
public sealed class PostgresAccountsApiTests(PostgresAccountsFixture server) : AccountsApiTests(server), IClassFixture<PostgresAccountsFixture>;
