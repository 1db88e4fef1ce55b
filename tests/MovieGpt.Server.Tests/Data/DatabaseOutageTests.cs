using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MovieGpt.Server.Tests.Infrastructure;
using Npgsql;

namespace MovieGpt.Server.Tests.Data;

/// <summary>
/// PostgreSQL going away under the app, as seen by the app: its connections run through a <see cref="TcpGate"/> that
/// the test closes (connections reset, new ones refused) and opens again, while the shared server keeps running.
/// </summary>
[RequiresPostgres]
public sealed class DatabaseOutageTests(PostgresServerFixture server) : IClassFixture<PostgresServerFixture>
{
    [RequirementFact]
    public async Task AnUnreachableDatabaseAnswers503WithRetryAfterLogsOneWarningAndRecoversLosingNothing()
    {
        await using var gate = Gate();
        var log = new CapturingLoggerProvider();
        await using var app = server.CreateVariant(services => services.AddSingleton<ILoggerProvider>(log), Through(gate));
        var client = app.CreateClient();
        var movie = await client.CreateMovieAsync($"장애 {Guid.NewGuid():N}");
        var before = await client.CreateReviewAsync(movie.Id(), ReviewTexts.Positive);

        gate.Close();
        var during = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => (i % 3) switch
        {
            0 => client.GetAsync($"/api/reviews/movie/{movie.Id()}"),
            1 => client.GetAsync("/api/movies/?q=장애"),
            _ => client.PostAsJsonAsync("/api/reviews/", new { movie_id = movie.Id(), author = "관객", content = ReviewTexts.Negative }),
        }));

        foreach (var response in during)
        {
            var problem = await response.ReadProblemAsync(HttpStatusCode.ServiceUnavailable);
            Assert.Equal("Database unavailable", (string?)problem["title"]);
            Assert.Equal("5", response.Headers.GetValues("Retry-After").Single());
        }
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health")).StatusCode);
        // One warning for the outage, no stack trace for any request (the health check reports each probe itself).
        var warning = Assert.Single(log.Entries, e => e.Category == "MovieGpt.Server.Apis.DatabaseOutageHandler");
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.DoesNotContain(log.Entries, e => e.Level >= LogLevel.Warning && e.Exception is not null);

        gate.Open();
        var after = await RetryUntilCreatedAsync(client, movie.Id());
        var stored = await client.GetArrayAsync($"/api/reviews/movie/{movie.Id()}");
        Assert.Equal([after.Id(), before.Id()], stored.Select(r => r!.Id()));
    }

    [RequirementFact]
    public async Task StartUpWaitsForADatabaseThatComesUpWithinStartupRetrySeconds()
    {
        await using var gate = Gate();
        gate.Close();
        await using var app = server.CreateVariant(_ => { }, new Dictionary<string, string?>(Through(gate)) { ["Database:StartupRetrySeconds"] = "30" });

        _ = Task.Delay(TimeSpan.FromSeconds(2)).ContinueWith(_ => gate.Open(), TaskScheduler.Default);
        var client = app.CreateClient();   // starts the host, which migrates first

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }

    private TcpGate Gate()
    {
        var target = new NpgsqlConnectionStringBuilder(server.ConnectionString);
        return TcpGate.To(target.Host!, target.Port);
    }

    // The fixture's database, reached through the gate; short timeouts so refused connections fail fast.
    private Dictionary<string, string?> Through(TcpGate gate) => new()
    {
        ["Database:ConnectionString"] = new NpgsqlConnectionStringBuilder(server.ConnectionString)
        {
            Host = "127.0.0.1",
            Port = gate.Port,
            Timeout = 3,
        }.ConnectionString,
    };

    // The first POST after the gate opens may still meet a connection the outage broke; the app must answer 503, then 201.
    private static async Task<JsonObject> RetryUntilCreatedAsync(HttpClient client, int movieId)
    {
        for (var attempt = 0; ; attempt++)
        {
            var response = await client.PostAsJsonAsync("/api/reviews/", new { movie_id = movieId, author = "관객", content = ReviewTexts.Mixed[0] });
            if (response.StatusCode == HttpStatusCode.Created || attempt == 20)
            {
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                return await response.ReadObjectAsync();
            }
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            await Task.Delay(250);
        }
    }
}
