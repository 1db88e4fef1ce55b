using MovieGpt.Server.Tests.Infrastructure;

namespace MovieGpt.Server.Tests.Data;

/// <summary>
/// The review writer keeps one connection open for its prepared INSERT. When PostgreSQL drops it (a restart, an
/// administrator, a network cut), the review sent on it may fail (503), but the next batch goes out on a new connection, and
/// what was answered 201 is exactly what is stored.
/// </summary>
[RequiresPostgres]
public sealed class ReviewWriterReconnectTests(PostgresServerFixture server) : IClassFixture<PostgresServerFixture>
{
    // The writer's connection is the only one whose last statement was the INSERT over arrays.
    private const string DropWritersConnection = """
        SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE 'INSERT INTO reviews%unnest%'
        """;

    [RequirementFact]
    public async Task AfterItsConnectionIsDroppedTheWriterStoresTheNextReviewsOnANewOne()
    {
        var movie = await server.Client.CreateMovieAsync($"재연결 {Guid.NewGuid():N}");
        await server.Client.CreateReviewAsync(movie.Id(), ReviewTexts.Positive);

        Assert.Equal("1", await server.TextAsync(DropWritersConnection));
        var onTheDroppedConnection = await PostAsync(movie.Id(), ReviewTexts.Negative);
        var after = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => PostAsync(movie.Id(), ReviewTexts.Positive)));

        // A dropped connection is the database going away, for that one request: 503, worth a retry.
        Assert.Contains(onTheDroppedConnection.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.ServiceUnavailable });
        if (onTheDroppedConnection.StatusCode == HttpStatusCode.ServiceUnavailable)
        {
            await onTheDroppedConnection.ReadProblemAsync(HttpStatusCode.ServiceUnavailable);
        }
        Assert.All(after, response => Assert.Equal(HttpStatusCode.Created, response.StatusCode));
        var answered = after.Prepend(onTheDroppedConnection).Count(r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(1 + answered, (await server.Client.GetArrayAsync($"/api/reviews/movie/{movie.Id()}")).Count);
    }

    private Task<HttpResponseMessage> PostAsync(int movieId, string content) =>
        server.Client.PostAsJsonAsync("/api/reviews/", new { movie_id = movieId, author = "관객", content });
}
