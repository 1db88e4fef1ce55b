using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using MovieGpt.Server.Data;
using MovieGpt.Server.Tests.Infrastructure;

namespace MovieGpt.Server.Tests.Data;

/// <summary>
/// The review tallies that statistics read are kept by database triggers; on each provider they must equal a
/// grouping of the stored reviews computed here in C#, after inserts, deletes, raw SQL and the migration itself.
/// </summary>
public abstract class ReviewTallyTests(ServerFixture server)
{
    private const string BeforeTallies = "ReviewsByMovieAndTime";

    private readonly HttpClient _client = server.Client;

    [RequirementFact]
    public async Task TalliesFollowReviewsThroughInsertsAndDeletesByApiAndSql()
    {
        var movie = await _client.CreateMovieAsync($"집계 {Guid.NewGuid():N}");
        var posted = new List<JsonObject>();
        foreach (var text in ReviewTexts.Mixed.Concat([ReviewTexts.Positive, ReviewTexts.Negative, ReviewTexts.Positive]))
        {
            posted.Add(await _client.CreateReviewAsync(movie.Id(), text));
        }
        await AssertTalliesMatchReviewsAsync(movie.Id());

        Assert.Equal(HttpStatusCode.OK, (await _client.DeleteAsync($"/api/reviews/{posted[0].Id()}")).StatusCode);
        Assert.Equal(1, await server.ExecuteAsync($"DELETE FROM reviews WHERE id = {posted[5].Id()}"));
        await AssertTalliesMatchReviewsAsync(movie.Id());

        // Emptying a tally removes its row rather than leaving a zero behind.
        Assert.Equal(posted.Count - 2, await server.ExecuteAsync($"DELETE FROM reviews WHERE movie_id = {movie.Id()}"));
        Assert.Equal(0, await server.ScalarAsync($"SELECT COUNT(*) FROM review_tallies WHERE movie_id = {movie.Id()}"));
    }

    [RequirementFact]
    public async Task ReviewsAreTalliedByTheirDayInKoreaAndRoundedRating()
    {
        var movie = await _client.CreateMovieAsync($"집계 날짜 {Guid.NewGuid():N}");
        // Midnight in Seoul (UTC+9) on 1 March is 15:00 UTC on 28 February: one tick before it is still 28 February.
        var midnight = new DateTime(2026, 2, 28, 15, 0, 0, DateTimeKind.Utc);
        DateTime[] times = [midnight.AddTicks(-1), midnight, midnight.AddHours(8.9), midnight.AddDays(-40), midnight.AddDays(2)];
        double[] ratings = [1.0, 4.5, 4.4, 9.5, 10.0];
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MovieGptDbContext>();
            db.Reviews.AddRange(times.Select((time, i) => new Review
            {
                MovieId = movie.Id(), Author = "관객", Content = $"날짜 시험 {i}", SentimentLabel = i % 2 == 0 ? "positive" : "negative",
                ProbabilityPositive = 0.1 * i, ProbabilityNeutral = 0.05, ProbabilityNegative = 0.95 - 0.1 * i,
                PredictedRating = ratings[i], CreatedAt = time,
            }));
            await db.SaveChangesAsync();
        }

        await AssertTalliesMatchReviewsAsync(movie.Id());
        var stats = (await _client.GetObjectAsync($"/api/movies/{movie.Id()}/stats"))["stats"]!;
        // 15:00 and 23:54 UTC on 28 February are both 1 March in Seoul.
        Assert.Equal(["2026-01-20", "2026-02-28", "2026-03-01", "2026-03-03"],
            stats["timeline"]!.AsArray().Select(d => (string)d!["date"]!));
        Assert.Equal([1, 1, 2, 1], stats["timeline"]!.AsArray().Select(d => (int)d!["review_count"]!));
        Assert.Equal([1, 0, 0, 1, 1, 0, 0, 0, 0, 2], stats["rating_histogram"]!.AsArray().Select(n => (int)n!));
        Assert.Equal(midnight.AddDays(-40), DateTime.Parse((string)stats["first_review_at"]!).ToUniversalTime());
        Assert.Equal(midnight.AddDays(2), DateTime.Parse((string)stats["last_review_at"]!).ToUniversalTime());
    }

    [RequirementFact]
    public async Task DeletingAMovieWithSqlDeletesItsTallies()
    {
        var movie = await _client.CreateMovieAsync($"집계 삭제 {Guid.NewGuid():N}");
        await _client.CreateReviewAsync(movie.Id(), ReviewTexts.Positive);
        await _client.CreateReviewAsync(movie.Id(), ReviewTexts.Negative);
        Assert.True(await server.ScalarAsync($"SELECT COUNT(*) FROM review_tallies WHERE movie_id = {movie.Id()}") > 0);

        Assert.Equal(1, await server.ExecuteAsync($"DELETE FROM movies WHERE id = {movie.Id()}"));

        Assert.Equal(0, await server.ScalarAsync($"SELECT COUNT(*) FROM review_tallies WHERE movie_id = {movie.Id()}"));
    }

    [RequirementFact]
    public async Task EditingAScoredColumnMovesTheTally()
    {
        var movie = await _client.CreateMovieAsync($"집계 수정 {Guid.NewGuid():N}");
        var review = await _client.CreateReviewAsync(movie.Id(), ReviewTexts.Positive);
        await _client.CreateReviewAsync(movie.Id(), ReviewTexts.Positive);

        Assert.Equal(1, await server.ExecuteAsync(
            $"UPDATE reviews SET sentiment_label = 'negative', predicted_rating = 1, probability_positive = 0.01, probability_neutral = 0.01 WHERE id = {review.Id()}"));

        await AssertTalliesMatchReviewsAsync(movie.Id());
    }

    [RequirementFact]
    public async Task EditingAReviewMovesItsUserRatingWithItsTally()
    {
        var movie = await _client.CreateMovieAsync($"집계 별점 {Guid.NewGuid():N}");
        var rated = await (await _client.PostAsJsonAsync("/api/reviews/", new { movie_id = movie.Id(), author = "관객", content = ReviewTexts.Positive, user_rating = 8 })).ReadObjectAsync();
        await _client.PostAsJsonAsync("/api/reviews/", new { movie_id = movie.Id(), author = "관객", content = ReviewTexts.Positive, user_rating = 10 });

        // Rescored into another tally and re-rated; then the 별점 taken away.
        Assert.Equal(1, await server.ExecuteAsync(
            $"UPDATE reviews SET sentiment_label = 'negative', predicted_rating = 1, probability_positive = 0.01, probability_neutral = 0.01, user_rating = 3 WHERE id = {rated.Id()}"));
        await AssertUserRatingsTalliedAsync(movie.Id(), count: 2, sum: 13);
        Assert.Equal(1, await server.ExecuteAsync($"UPDATE reviews SET user_rating = NULL WHERE id = {rated.Id()}"));
        await AssertUserRatingsTalliedAsync(movie.Id(), count: 1, sum: 10);
        await AssertTalliesMatchReviewsAsync(movie.Id());
    }

    private async Task AssertUserRatingsTalliedAsync(int movieId, int count, int sum)
    {
        Assert.Equal(count, await server.ScalarAsync($"SELECT COUNT(user_rating) FROM reviews WHERE movie_id = {movieId}"));
        Assert.Equal(count, await server.ScalarAsync($"SELECT COALESCE(SUM(user_rating_count), 0) FROM review_tallies WHERE movie_id = {movieId}"));
        Assert.Equal(sum, await server.ScalarAsync($"SELECT COALESCE(SUM(user_rating_sum), 0) FROM review_tallies WHERE movie_id = {movieId}"));
    }

    [RequirementFact]
    public async Task MovingAReviewToAnotherMovieOrTimeIsRefusedByTheDatabase()
    {
        var movie = await _client.CreateMovieAsync($"집계 이동 {Guid.NewGuid():N}");
        var other = await _client.CreateMovieAsync($"집계 이동 {Guid.NewGuid():N}");
        var review = await _client.CreateReviewAsync(movie.Id(), ReviewTexts.Positive);

        var moved = await Assert.ThrowsAnyAsync<DbException>(() =>
            server.ExecuteAsync($"UPDATE reviews SET movie_id = {other.Id()} WHERE id = {review.Id()}"));

        Assert.Contains("a review keeps its movie and its time", moved.Message);
        Assert.Equal(1, await server.ExecuteAsync($"UPDATE reviews SET author = '다른 관객' WHERE id = {review.Id()}"));
        await AssertTalliesMatchReviewsAsync(movie.Id());
    }

    [RequirementFact]
    public async Task TheMigrationTalliesReviewsStoredBeforeIt()
    {
        await using var database = server.Provider == "Postgres" ? await PostgresTestDatabase.CreateAsync() : (TestDatabase)new SqliteTestDatabase();
        await using var db = OpenContext(database);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(BeforeTallies);
        var movie = new { Id = await InsertMovieAsync(db, "이전 리뷰") };
        // Raw SQL with the columns of that time: the model's reviews has columns added by later migrations.
        foreach (var (text, i) in ReviewTexts.Mixed.Select((text, i) => (text, i)))
        {
            string label = i % 2 == 0 ? "positive" : "neutral";
            double positive = 0.2 * i, rating = 2 * i + 1;
            var createdAt = DateTime.UtcNow.AddDays(-i);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO reviews (movie_id, author, content, sentiment_label, sentiment_score, probability_negative,
                                     probability_neutral, probability_positive, predicted_rating, created_at)
                VALUES ({movie.Id}, '관객', {text}, {label}, 0, 0, 0.1, {positive}, {rating}, {createdAt})
                """);
        }

        await migrator.MigrateAsync();

        await AssertTalliesMatchReviewsAsync(db, movie.Id);
    }

    private async Task AssertTalliesMatchReviewsAsync(int movieId)
    {
        await using var scope = server.Services.CreateAsyncScope();
        await AssertTalliesMatchReviewsAsync(scope.ServiceProvider.GetRequiredService<MovieGptDbContext>(), movieId);
    }

    /// <summary>Korea's offset from UTC (no daylight saving since 1988): tallies count reviews by their day there.</summary>
    private static readonly TimeSpan s_kst = TimeSpan.FromHours(9);

    /// <summary>The tallies equal a grouping of the reviews by label, rounded rating and day (in Korea, or in UTC before the migration that moved them).</summary>
    protected static async Task AssertTalliesMatchReviewsAsync(MovieGptDbContext db, int movieId, bool kstDays = true)
    {
        // Only the tallied columns: the database may be at a migration older than the model.
        var reviews = await db.Reviews.AsNoTracking().Where(r => r.MovieId == movieId)
            .Select(r => new { r.SentimentLabel, r.PredictedRating, r.CreatedAt, r.ProbabilityPositive, r.ProbabilityNeutral })
            .ToListAsync();
        var expected = reviews
            .GroupBy(r => (r.SentimentLabel, Bin: (int)Math.Floor(r.PredictedRating + 0.5), Day: DateOnly.FromDateTime(r.CreatedAt.ToUniversalTime() + (kstDays ? s_kst : TimeSpan.Zero))))
            .Select(g => (g.Key, Count: g.Count(), Positivity: g.Sum(r => r.ProbabilityPositive + r.ProbabilityNeutral / 2), Rating: g.Sum(r => r.PredictedRating)))
            .OrderBy(t => t.Key)
            .ToList();
        var tallies = (await db.ReviewTallies.AsNoTracking().Where(t => t.MovieId == movieId)
                .Select(t => new { t.SentimentLabel, t.RatingBin, t.Day, t.ReviewCount, t.PositivitySum, t.RatingSum }).ToListAsync())
            .Select(t => (Key: (t.SentimentLabel, Bin: t.RatingBin, t.Day), Count: t.ReviewCount, Positivity: t.PositivitySum, Rating: t.RatingSum))
            .OrderBy(t => t.Key)
            .ToList();

        Assert.Equal(expected.Select(e => (e.Key, e.Count)), tallies.Select(t => (t.Key, t.Count)));
        Assert.All(expected.Zip(tallies), pair =>
        {
            Assert.Equal(pair.First.Positivity, pair.Second.Positivity, 9);
            Assert.Equal(pair.First.Rating, pair.Second.Rating, 9);
        });
    }

    /// <summary>A movie with the columns of the first migration (the model's movies has columns added later); its id.</summary>
    public static async Task<int> InsertMovieAsync(MovieGptDbContext db, string title)
    {
        var createdAt = DateTime.UtcNow;
        await db.Database.ExecuteSqlAsync($"INSERT INTO movies (title, created_at) VALUES ({title}, {createdAt})");
        return await db.Database.SqlQueryRaw<int>("SELECT MAX(id) AS \"Value\" FROM movies").SingleAsync();
    }

    public static MovieGptDbContext OpenContext(TestDatabase database)
    {
        if (database.Provider == "Postgres")
        {
            return new PostgresMovieGptDbContext(new DbContextOptionsBuilder<PostgresMovieGptDbContext>().UseNpgsql(database.ConnectionString).Options);
        }
        // The app creates the SQLite folder at start-up; this context runs without the app.
        Directory.CreateDirectory(Path.GetDirectoryName(new SqliteConnectionStringBuilder(database.ConnectionString).DataSource)!);
        return new SqliteMovieGptDbContext(new DbContextOptionsBuilder<SqliteMovieGptDbContext>().UseSqlite(database.ConnectionString).Options);
    }
}

public sealed class SqliteReviewTallyTests(SqliteServerFixture server) : ReviewTallyTests(server), IClassFixture<SqliteServerFixture>;

[RequiresPostgres]
public sealed class PostgresReviewTallyTests(PostgresServerFixture server) : ReviewTallyTests(server), IClassFixture<PostgresServerFixture>
{
    private const string RowTriggers = "ReviewTallies";

    /// <summary>Tallies kept by the row triggers stay right when the statement-level triggers take over, and back.</summary>
    [RequirementFact]
    public async Task TalliesStayRightAcrossTheMoveToStatementTriggersAndBack()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var db = OpenContext(database);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(RowTriggers);
        var movie = new { Id = await InsertMovieAsync(db, "트리거 교체") };
        await AddReviewsAsync(db, movie.Id, 0);

        await migrator.MigrateAsync();
        await AddReviewsAsync(db, movie.Id, 1);
        // One statement deleting reviews of both eras (contents ending in 1) that share their tallies with reviews it keeps.
        await db.Reviews.Where(r => r.MovieId == movie.Id && r.Content.EndsWith("1")).ExecuteDeleteAsync();
        await AssertTalliesMatchReviewsAsync(db, movie.Id);

        await migrator.MigrateAsync(RowTriggers);
        await AddReviewsAsync(db, movie.Id, 2);
        await db.Reviews.Where(r => r.MovieId == movie.Id && r.Content.StartsWith("트리거 시험 2")).ExecuteDeleteAsync();
        await AssertTalliesMatchReviewsAsync(db, movie.Id, kstDays: false);
    }

    // Twelve reviews in one statement, several to a tally, as the review writer inserts a batch; EF's SaveChanges would
    // send one INSERT per review, and a statement trigger would only ever see one row.
    private static Task AddReviewsAsync(MovieGptDbContext db, int movieId, int round) =>
        db.Database.ExecuteSqlAsync($"""
            INSERT INTO reviews (movie_id, author, content, sentiment_label, sentiment_score, probability_negative,
                                 probability_neutral, probability_positive, predicted_rating, created_at)
            SELECT {movieId}, '관객', {$"트리거 시험 {round}-"} || i, CASE WHEN i % 3 = 0 THEN 'negative' ELSE 'positive' END, 0.5,
                   0, 0.1, 0.05 * i, 1 + i % 4, now() - (i % 2) * interval '1 day'
            FROM generate_series(0, 11) AS i
            """);
}
