using System.Net.Http.Headers;
using MovieGpt.Server.Tests.Infrastructure;

namespace MovieGpt.Server.Tests.Accounts;

/// <summary>The app with accounts enforced (anonymous writes off), one admin e-mail and a lockout after three failures.</summary>
public static class AccountSettings
{
    public const string AdminEmail = "admin@moviegpt.test";
    public const string Password = "Passw0rd!";
    public const int MaxFailedLogins = 3;

    public static readonly IReadOnlyDictionary<string, string?> Values = new Dictionary<string, string?>
    {
        ["Auth:AllowAnonymousWrites"] = "false",
        ["Auth:AdminEmails:0"] = AdminEmail,
        ["Auth:MaxFailedLogins"] = MaxFailedLogins.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

public sealed class SqliteAccountsFixture : ServerFixture
{
    public override string Provider => "Sqlite";

    protected override IReadOnlyDictionary<string, string?> Settings => AccountSettings.Values;

    protected override Task<TestDatabase?> CreateDatabaseAsync() => Task.FromResult<TestDatabase?>(new SqliteTestDatabase());
}

public sealed class PostgresAccountsFixture : ServerFixture
{
    public override string Provider => "Postgres";

    protected override IReadOnlyDictionary<string, string?> Settings => AccountSettings.Values;

    protected override async Task<TestDatabase?> CreateDatabaseAsync() =>
        Requirement.Postgres.IsMet ? await PostgresTestDatabase.CreateAsync() : null;
}

/// <summary>A registered account and a client that sends its access token.</summary>
public sealed record TestAccount(int Id, string Email, string DisplayName, HttpClient Client, JsonObject Tokens)
{
    public string RefreshToken => (string)Tokens["refresh_token"]!;
}

internal static class AccountClient
{
    /// <summary>Registers a fresh account (a unique e-mail and 닉네임), logs it in and answers a client carrying its token.</summary>
    public static Task<TestAccount> NewAccountAsync(this ServerFixture server, string? email = null, string? displayName = null) =>
        NewAccountAsync(server.CreateClient, email, displayName);

    /// <summary>As above, on any app: <paramref name="createClient"/> answers a new client of it.</summary>
    public static async Task<TestAccount> NewAccountAsync(Func<HttpClient> createClient, string? email = null, string? displayName = null)
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        email ??= $"user-{unique}@moviegpt.test";
        displayName ??= $"관객{unique}";
        var anonymous = createClient();
        var registered = await anonymous.PostAsJsonAsync("/api/auth/register", new { email, password = AccountSettings.Password, display_name = displayName });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var user = await registered.ReadObjectAsync();
        var tokens = await anonymous.LoginAsync(email, AccountSettings.Password);
        var client = createClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string)tokens["access_token"]!);
        return new TestAccount(user.Id(), email, displayName, client, tokens);
    }

    public static async Task<JsonObject> LoginAsync(this HttpClient client, string email, string password)
    {
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadObjectAsync();
    }

    /// <summary>The fixture's admin (<see cref="AccountSettings.AdminEmail"/>): registered by the first caller, logged in after.</summary>
    public static async Task<TestAccount> AdminAsync(this ServerFixture server)
    {
        var login = await server.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = AccountSettings.AdminEmail, password = AccountSettings.Password });
        if (login.StatusCode != HttpStatusCode.OK)
        {
            return await server.NewAccountAsync(AccountSettings.AdminEmail, "관리자");
        }
        var tokens = await login.ReadObjectAsync();
        var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string)tokens["access_token"]!);
        var me = await client.GetObjectAsync("/api/me");
        return new TestAccount(me.Id(), AccountSettings.AdminEmail, (string)me["display_name"]!, client, tokens);
    }
}
