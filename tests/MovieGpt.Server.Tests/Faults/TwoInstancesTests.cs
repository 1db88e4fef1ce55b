using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using MovieGpt.Server.Data;
using MovieGpt.Server.Tests.Infrastructure;
using Npgsql;

namespace MovieGpt.Server.Tests.Faults;

/// <summary>
/// Two server processes on one PostgreSQL database, as behind the compose file's nginx: what is written through one is
/// read alike through both, an Idempotency-Key holds across them, the background jobs (the aspect and search-key
/// back-fills, the purge of expired keys) do each piece of work once, and two started at the same moment on an empty database migrate it once.
/// (That both read what the other data-protects is DataProtectionTests', two apps on one database.)
/// </summary>
[RequiresPostgres]
public sealed class TwoInstancesTests : IAsyncLifetime
{
    private PostgresTestDatabase? _database;

    public async Task InitializeAsync() => _database = Requirement.Postgres.IsMet ? await PostgresTestDatabase.CreateAsync() : null;

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [RequirementFact]
    public async Task TwoServersOnOneDatabaseAnswerAlikeShareIdempotencyKeysAndRunEachBackgroundJobOnce()
    {
        var (a, b) = await StartBothAsync(Settings(backfillBatch: 256));
        var movie = (await a.Client.CreateMovieAsync("두 대의 서버")).Id();

        var posted = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => (i % 2 == 0 ? a : b).Client.CreateReviewAsync(movie, ReviewTexts.Mixed[i % 5], $"관객{i}")));
        foreach (var url in new[] { $"/api/movies/{movie}/stats", $"/api/reviews/movie/{movie}?limit=100", $"/api/movies/{movie}", "/api/movies/?sort=reviews" })
        {
            Assert.Equal(await a.Client.GetStringAsync(url), await b.Client.GetStringAsync(url));
        }
        Assert.Equal(40, (int)(await b.Client.GetObjectAsync($"/api/movies/{movie}/stats"))["stats"]!["review_count"]!);

        var key = Guid.NewGuid().ToString();
        var first = await PostWithKeyAsync(a.Client, movie, key);
        var retried = await PostWithKeyAsync(b.Client, movie, key);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retried.Content.ReadAsStringAsync());
        Assert.Equal(41, await ScalarAsync($"SELECT COUNT(*) FROM reviews WHERE movie_id = {movie}"));

        // Both restart; the reviews lose their aspects, and the two back-fills share them out in small batches.
        var stopped = await Task.WhenAll(a.TerminateAsync(), b.TerminateAsync());
        Assert.Equal([0, 0], stopped);
        await Task.WhenAll(a.DisposeAsync().AsTask(), b.DisposeAsync().AsTask());
        Assert.Equal(41, await ScalarAsync("UPDATE reviews SET aspects = NULL"));
        // The movies lose their search keys, which the start-up back-fill (under the migration lock) gives back once.
        var unkeyed = await ScalarAsync("UPDATE movies SET search_key = NULL");
        Assert.True(unkeyed > 0);
        // And 30 stored answers have expired: both purge at start-up, and each is deleted by one of them.
        Assert.Equal(30, await ScalarAsync(
            "INSERT INTO idempotency_keys (scope, key, request_hash, status_code, response_body, location, created_at) "
            + "SELECT 'POST /api/reviews', 'expired-' || n, 'hash', 201, '{}', NULL, now() - interval '2 days' FROM generate_series(1, 30) n"));
        (a, b) = await StartBothAsync(Settings(backfillBatch: 4));
        await using (a)
        await using (b)
        {
            for (var waited = 0; await ScalarAsync("SELECT COUNT(*) FROM reviews WHERE aspects IS NULL") > 0; waited += 100)
            {
                Assert.True(waited < 30_000, "the back-fill did not finish in 30 s");
                await Task.Delay(100);
            }
            for (var waited = 0; await ScalarAsync("SELECT COUNT(*) FROM idempotency_keys WHERE key LIKE 'expired-%'") > 0; waited += 100)
            {
                Assert.True(waited < 30_000, "the expired keys were not purged in 30 s");
                await Task.Delay(100);
            }
            var restopped = await Task.WhenAll(a.TerminateAsync(), b.TerminateAsync());
            Assert.Equal([0, 0], restopped);

            // Every review claimed once, by one of the two: no batch was scored twice.
            var claimed = new[] { a, b }.SelectMany(s => s.LogEntries("MovieGpt.Server.Data.AspectBackfill"))
                .Where(e => e["Claimed"] is not null).Sum(e => (int)e["Claimed"]!);
            Assert.Equal(41, claimed);
            var purged = new[] { a, b }.SelectMany(s => s.LogEntries("MovieGpt.Server.Data.Idempotency.IdempotencyPurge"))
                .Where(e => e["Count"] is not null).Sum(e => (int)e["Count"]!);
            Assert.Equal(30, purged);
            var keyed = new[] { a, b }.SelectMany(s => s.LogEntries("MovieGpt.Database"))
                .Where(e => e["Count"] is not null).Sum(e => (int)e["Count"]!);
            Assert.Equal(unkeyed, keyed);
        }
        Assert.Equal(posted.Length + 1, await ScalarAsync($"SELECT COUNT(*) FROM reviews WHERE movie_id = {movie} AND aspects IS NOT NULL"));
    }

    [RequirementFact]
    public async Task TwoServersStartedTogetherOnAnEmptyDatabaseBothComeUpAndApplyEachMigrationOnce()
    {
        // StartAsync waits for /health/ready; a start-up that failed (a migration run twice) throws with the process's output.
        var both = await Task.WhenAll(RunningServer.StartAsync(Settings(256)), RunningServer.StartAsync(Settings(256)));
        await using var a = both[0];
        await using var b = both[1];

        var migrations = typeof(PostgresMovieGptDbContext).Assembly.GetTypes()
            .Count(t => t.GetCustomAttribute<MigrationAttribute>() is not null
                && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == typeof(PostgresMovieGptDbContext));
        Assert.Equal(migrations, await ScalarAsync("SELECT COUNT(*) FROM \"__EFMigrationsHistory\""));
        var movie = (await a.Client.CreateMovieAsync("동시에 시작")).Id();
        await b.Client.CreateReviewAsync(movie, ReviewTexts.Positive, "관객");
        Assert.Equal(1, (int)(await a.Client.GetObjectAsync($"/api/movies/{movie}/stats"))["stats"]!["review_count"]!);
    }

    private Dictionary<string, string> Settings(int backfillBatch) => new()
    {
        ["Database__Provider"] = "Postgres",
        ["Database__ConnectionString"] = new NpgsqlConnectionStringBuilder(_database!.ConnectionString) { MaxPoolSize = 10 }.ConnectionString,
        ["Aspects__BackfillBatchSize"] = backfillBatch.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static async Task<(RunningServer A, RunningServer B)> StartBothAsync(Dictionary<string, string> settings)
    {
        var both = await Task.WhenAll(RunningServer.StartAsync(settings), RunningServer.StartAsync(settings));
        return (both[0], both[1]);
    }

    private static Task<HttpResponseMessage> PostWithKeyAsync(HttpClient client, int movie, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/reviews/")
        {
            Content = JsonContent.Create(new { movie_id = movie, author = "재시도", content = ReviewTexts.Positive }),
        };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database!.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return sql.StartsWith("UPDATE", StringComparison.Ordinal) || sql.StartsWith("INSERT", StringComparison.Ordinal) ? await command.ExecuteNonQueryAsync() : Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
