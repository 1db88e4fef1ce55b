using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MovieGpt.Server.Tests.Infrastructure;

namespace MovieGpt.Server.Tests.Hardening;

/// <summary>Nothing logs a password, a token or a review's text, even with every category at its most verbose.</summary>
public abstract class LogRedactionTests(ServerFixture server)
{
    private const string Secret = "비밀문장-Xq7-hunter2";

    [RequirementFact]
    public async Task NeitherAReviewNorALoginShapedBodyNorABrokenOneReachesTheLog()
    {
        var movie = await server.Client.CreateMovieAsync("로그 점검");
        var log = new CapturingLoggerProvider();
        await using var app = server.CreateVariant(
            services => services.AddSingleton<ILoggerProvider>(log),
            new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Trace", ["Logging:LogLevel:Microsoft"] = "Trace" });
        using var client = app.CreateClient();

        await client.CreateReviewAsync(movie.Id(), $"정말 재미있는 영화였어요 {Secret}", author: "관객");
        await client.PostAsJsonAsync("/api/auth/login", new { email = "someone@example.com", password = Secret });
        await client.PostAsJsonAsync("/api/auth/register", new { email = "someone@example.com", password = Secret, display_name = "누군가" });
        await client.PostAsJsonAsync("/api/sentiment", new { text = Secret });
        await client.PostAsync("/api/reviews/", new StringContent($"{{\"movie_id\": {movie.Id()}, \"content\": \"{Secret}", System.Text.Encoding.UTF8, "application/json"));
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/movies/") { Headers = { { "Authorization", $"Bearer {Secret}" } } };
        await client.SendAsync(request);

        Assert.NotEmpty(log.Entries);
        var leaks = log.Entries.Where(entry => Text(entry).Contains("hunter2", StringComparison.Ordinal)).ToList();
        Assert.True(leaks.Count == 0, string.Join("\n", leaks.Select(Text)));
    }

    private static string Text(LogEntry entry) =>
        string.Join(" | ", entry.State.Select(field => $"{field.Key}={field.Value}")) + " " + entry.Exception;
}

public sealed class SqliteLogRedactionTests(SqliteServerFixture server) : LogRedactionTests(server), IClassFixture<SqliteServerFixture>;

[RequiresPostgres]
public sealed class PostgresLogRedactionTests(PostgresServerFixture server) : LogRedactionTests(server), IClassFixture<PostgresServerFixture>;
