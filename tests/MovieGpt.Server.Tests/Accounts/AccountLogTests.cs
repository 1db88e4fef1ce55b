using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MovieGpt.Server.Tests.Infrastructure;

namespace MovieGpt.Server.Tests.Accounts;

/// <summary>
/// A whole account's life (register, login, refresh, a review, an edit, logout) with every log category at Trace:
/// no entry holds the password, an access or refresh token, or the review's text.
/// </summary>
public abstract class AccountLogTests(ServerFixture server)
{
    [RequirementFact]
    public async Task NoLogEntryHoldsAPasswordATokenOrAReviewsText()
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        var password = $"Hunter2!{unique}";
        var reviewText = $"{ReviewTexts.Positive} 잊지못할장면{unique}";
        var editedText = $"{ReviewTexts.Negative} 고친문장{unique}";
        var log = new CapturingLoggerProvider();
        var settings = new Dictionary<string, string?>(AccountSettings.Values)
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Trace",
        };
        await using var app = server.CreateVariant(services => services.AddSingleton<ILoggerProvider>(log), settings);
        using var client = app.CreateClient();

        var email = $"log-{unique}@moviegpt.test";
        var registered = await client.PostAsJsonAsync("/api/auth/register", new { email, password, display_name = $"기록{unique}" });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var login = await client.LoginAsync(email, password);
        var refreshed = await (await client.PostAsJsonAsync("/api/auth/refresh", new { refresh_token = (string)login["refresh_token"]! })).ReadObjectAsync();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string)refreshed["access_token"]!);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);
        var movie = await client.CreateMovieAsync($"기록 {unique}");
        var review = await client.CreateReviewAsync(movie.Id(), reviewText);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/reviews/{review.Id()}", new { content = editedText })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/auth/logout", null)).StatusCode);
        // A wrong password is the likeliest thing to end up in a "login failed" line.
        await client.PostAsJsonAsync("/api/auth/login", new { email, password = password + "x" });

        var secrets = new Dictionary<string, string>
        {
            ["password"] = password,
            ["review text"] = $"잊지못할장면{unique}",
            ["edited text"] = $"고친문장{unique}",
        };
        foreach (var (name, tokens) in new[] { ("login", login), ("refresh", refreshed) })
        {
            // A prefix, so a token cut short in a log line is caught too.
            secrets[$"{name} access token"] = ((string)tokens["access_token"]!)[..24];
            secrets[$"{name} refresh token"] = ((string)tokens["refresh_token"]!)[..24];
        }
        Assert.Contains(log.Entries, entry => entry.Category.StartsWith("Microsoft.AspNetCore.Authentication", StringComparison.Ordinal));
        Assert.Contains(log.Entries, entry => entry.Category.StartsWith("Microsoft.EntityFrameworkCore.Database.Command", StringComparison.Ordinal));
        var texts = log.Entries.Select(Text).ToList();
        foreach (var (name, secret) in secrets)
        {
            var leaks = texts.Where(text => text.Contains(secret, StringComparison.Ordinal)).ToList();
            Assert.True(leaks.Count == 0, $"The {name} was logged:\n{string.Join("\n", leaks)}");
        }
    }

    private static string Text(LogEntry entry) =>
        entry.Category + " " + string.Join(" | ", entry.State.Select(field => $"{field.Key}={field.Value}")) + " " + entry.Exception;
}

public sealed class SqliteAccountLogTests(SqliteAccountsFixture server) : AccountLogTests(server), IClassFixture<SqliteAccountsFixture>;

[RequiresPostgres]
public sealed class PostgresAccountLogTests(PostgresAccountsFixture server) : AccountLogTests(server), IClassFixture<PostgresAccountsFixture>;
