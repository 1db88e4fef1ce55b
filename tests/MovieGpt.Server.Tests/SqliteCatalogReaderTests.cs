using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MovieGpt.Server.Data;
using MovieGpt.Server.Services;
using MovieGpt.Server.Tests.Infrastructure;

namespace MovieGpt.Server.Tests;

/// <summary>
/// On SQLite the busiest reads are hand-written statements (<see cref="SqliteCatalogReader"/>); on one database
/// they must answer exactly what EF's compiled queries answer (<see cref="EfCatalogReader"/>, PostgreSQL's path).
/// </summary>
public sealed class SqliteCatalogReaderTests(SqliteServerFixture server) : IClassFixture<SqliteServerFixture>
{
    private static readonly DateTime Noon = new(2026, 5, 5, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task HandWrittenReadsAnswerWhatEfAnswers()
    {
        var (movie, empty) = await SeedAsync();
        var sqlite = server.Services.GetRequiredService<ICatalogReader>();
        Assert.IsType<SqliteCatalogReader>(sqlite);
        await using var scope = server.Services.CreateAsyncScope();
        var ef = new EfCatalogReader(scope.ServiceProvider.GetRequiredService<MovieGptDbContext>(), server.Services.GetRequiredService<CatalogQueries>());
        var ct = CancellationToken.None;

        foreach (var (movieId, skip, limit) in new (int?, int, int)[] { (movie, 0, 100), (movie, 2, 3), (movie, 50, 10), (empty, 0, 10), (null, 0, 10), (null, 4, 7) })
        {
            var expected = await ef.ReviewPageAsync(movieId, skip, limit, ct);
            var actual = await sqlite.ReviewPageAsync(movieId, skip, limit, ct);
            Assert.Equal(expected, actual);
            Assert.All(actual, r => Assert.Equal(DateTimeKind.Utc, r.CreatedAt.Kind));
        }
        Assert.Equal(9, (await sqlite.ReviewPageAsync(movie, 0, 100, ct)).Count);

        foreach (int? movieId in new int?[] { movie, empty, null })
        {
            AssertSameGroups(await ef.ReviewGroupsAsync(movieId, ct), await sqlite.ReviewGroupsAsync(movieId, ct));
            Assert.Equal(await ef.ReviewSpanAsync(movieId, ct), await sqlite.ReviewSpanAsync(movieId, ct));
        }
        Assert.NotEmpty(await sqlite.ReviewGroupsAsync(movie, ct));
        Assert.Equal(new ReviewSpan(Noon.AddDays(-3), Noon), await sqlite.ReviewSpanAsync(movie, ct));

        foreach (var id in new[] { movie, empty, int.MaxValue })
        {
            Assert.Equal(await ef.MovieHeaderAsync(id, ct), await sqlite.MovieHeaderAsync(id, ct));
            Assert.Equal(await ef.MovieTitleAsync(id, ct), await sqlite.MovieTitleAsync(id, ct));
            Assert.Equal(await ef.MovieExistsAsync(id, ct), await sqlite.MovieExistsAsync(id, ct));
        }
        Assert.Null(await sqlite.MovieHeaderAsync(int.MaxValue, ct));
        var header = await sqlite.MovieHeaderAsync(empty, ct);
        Assert.NotNull(header);
        Assert.StartsWith("빈 영화", header.Title);
        Assert.Equal(new ReviewSpan(null, null), header.Reviews);
    }

    [Fact]
    public async Task ConcurrentReadersGetTheirOwnAnswers()
    {
        var (movie, empty) = await SeedAsync();
        var reader = server.Services.GetRequiredService<ICatalogReader>();
        var full = await reader.ReviewPageAsync(movie, 0, 100, CancellationToken.None);

        var pages = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(() =>
            reader.ReviewPageAsync(i % 2 == 0 ? movie : empty, i % 5, 3, CancellationToken.None))));

        for (var i = 0; i < pages.Length; i++)
        {
            Assert.Equal(i % 2 == 0 ? full.Skip(i % 5).Take(3) : [], pages[i]);
        }
    }

    [Fact]
    public async Task SessionsCannotWriteAndAClosedPoolRefusesReadsAndLeavesEfWritable()
    {
        var (movie, _) = await SeedAsync();
        using var pool = new SqliteReadPool(new SqliteDatabase(ConnectionString()));

        Assert.Throws<SqliteException>(() => pool.Read(s => s.Command("DELETE FROM reviews WHERE movie_id = $movie_id", movie).ExecuteNonQuery()));
        Assert.Equal(9, pool.Read(s => Convert.ToInt32(s.Command("SELECT COUNT(*) FROM reviews WHERE movie_id = $movie_id", movie).ExecuteScalar())));
        Assert.Throws<ArgumentException>(() => pool.Read(s => s.Command("SELECT $a + $b", 1)));

        pool.Dispose();
        Assert.Throws<ObjectDisposedException>(() => pool.Read(s => s.Command("SELECT 1").ExecuteScalar()));
        // Its closed connections never reach the pool that EF's connections come from, read-only as they were.
        for (var i = 0; i < 5; i++)
        {
            await server.Client.CreateMovieAsync($"쓰기 {i} {Guid.NewGuid():N}");
        }
    }

    [Fact]
    public void APoolKeepsAtMostItsLimitOfIdleSessions()
    {
        using var pool = new SqliteReadPool(new SqliteDatabase(ConnectionString()));
        var depth = SqliteReadPool.MaxIdle + 8;

        // Reads nested in reads hold that many sessions at once; each answers on its own connection.
        int Nested(int level) => pool.Read(s =>
            Convert.ToInt32(s.Command("SELECT $level", level).ExecuteScalar()) + (level < depth ? Nested(level + 1) : 0));

        Assert.Equal(depth * (depth + 1) / 2, Nested(1));
        Assert.Equal(SqliteReadPool.MaxIdle, pool.Idle);
        Assert.Equal(7, pool.Read(s => Convert.ToInt32(s.Command("SELECT $level", 7).ExecuteScalar())));
        Assert.Equal(SqliteReadPool.MaxIdle, pool.Idle);
    }

    private string ConnectionString()
    {
        using var scope = server.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<MovieGptDbContext>().Database.GetConnectionString()!;
    }

    // A movie with nine reviews (two pairs at the same instant, so the id breaks ties; days apart, ratings spread) and one with none.
    private async Task<(int Movie, int Empty)> SeedAsync()
    {
        var movie = (await server.Client.CreateMovieAsync($"읽기 {Guid.NewGuid():N}")).Id();
        var empty = (await server.Client.CreateMovieAsync($"빈 영화 {Guid.NewGuid():N}")).Id();
        DateTime[] times = [Noon, Noon, Noon.AddHours(-1), Noon.AddDays(-1), Noon.AddDays(-1), Noon.AddDays(-2), Noon.AddDays(-2).AddTicks(10), Noon.AddDays(-3), Noon.AddMinutes(-5)];
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MovieGptDbContext>();
        db.Reviews.AddRange(times.Select((time, i) => new Review
        {
            MovieId = movie, Author = $"관객 {i}", Content = $"읽기 시험 {i}", SentimentLabel = (i % 3) switch { 0 => "positive", 1 => "neutral", _ => "negative" },
            SentimentScore = 0.5 + 0.05 * i, ProbabilityPositive = 0.1 * i, ProbabilityNeutral = 0.05, ProbabilityNegative = 0.95 - 0.1 * i,
            PredictedRating = 1 + i * 1.1, CreatedAt = time,
        }));
        await db.SaveChangesAsync();
        return (movie, empty);
    }

    private static void AssertSameGroups(IReadOnlyList<ReviewGroup> expected, IReadOnlyList<ReviewGroup> actual)
    {
        static IEnumerable<ReviewGroup> Ordered(IEnumerable<ReviewGroup> groups) => groups.OrderBy(g => g.Label).ThenBy(g => g.Bin).ThenBy(g => g.Day);
        Assert.Equal(expected.Count, actual.Count);
        foreach (var (e, a) in Ordered(expected).Zip(Ordered(actual)))
        {
            Assert.Equal((e.Label, e.Bin, e.Day, e.Count), (a.Label, a.Bin, a.Day, a.Count));
            Assert.Equal(e.Positivity, a.Positivity, 9);
            Assert.Equal(e.Rating, a.Rating, 9);
        }
    }
}
