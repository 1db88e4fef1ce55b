using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MovieGpt.Server.Data;
using MovieGpt.Server.Services;
using MovieGpt.Server.Tests.Infrastructure;
using MovieGpt.Server.Tests.Movies;

namespace MovieGpt.Server.Tests.Data;

/// <summary>What the database itself guarantees: the provider in use, the cascade, the indexes, concurrent writers.</summary>
public abstract class DatabaseTests(ServerFixture server)
{
    private readonly HttpClient _client = server.Client;

    [RequirementFact]
    public async Task TheAppRunsOnTheConfiguredProvider()
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MovieGptDbContext>();

        Assert.EndsWith(server.Provider == "Postgres" ? "PostgreSQL" : "Sqlite", db.Database.ProviderName);
    }

    [RequirementFact]
    public async Task DeletingAMovieWithSqlDeletesItsReviewsInTheDatabase()
    {
        var movie = await _client.CreateMovieAsync($"연쇄 삭제 {Guid.NewGuid():N}");
        await _client.CreateReviewAsync(movie.Id(), ReviewTexts.Positive);
        await _client.CreateReviewAsync(movie.Id(), ReviewTexts.Negative);
        Assert.Equal(2, await server.ScalarAsync($"SELECT COUNT(*) FROM reviews WHERE movie_id = {movie.Id()}"));

        var deleted = await server.ExecuteAsync($"DELETE FROM movies WHERE id = {movie.Id()}");

        Assert.Equal(1, deleted);
        Assert.Equal(0, await server.ScalarAsync($"SELECT COUNT(*) FROM reviews WHERE movie_id = {movie.Id()}"));
    }

    [RequirementFact]
    public async Task AReviewForAMovieDeletedWithSqlIsRefusedThoughItsTitleWasCached()
    {
        var movie = await _client.CreateMovieAsync($"캐시 삭제 {Guid.NewGuid():N}");
        await _client.CreateReviewAsync(movie.Id(), ReviewTexts.Positive);
        Assert.Equal(1, await server.ExecuteAsync($"DELETE FROM movies WHERE id = {movie.Id()}"));

        var problem = await (await _client.PostAsJsonAsync("/api/reviews/", new { movie_id = movie.Id(), author = "관객", content = ReviewTexts.Negative }))
            .ReadProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal("Movie not found", (string?)problem["detail"]);
        Assert.Equal(0, await server.ScalarAsync($"SELECT COUNT(*) FROM reviews WHERE movie_id = {movie.Id()}"));
    }

    [RequirementFact]
    public async Task TheSchemaIndexesReviewsByMovieAndTimeAndMoviesByTime()
    {
        var catalog = server.Provider == "Postgres"
            ? "SELECT COUNT(*) FROM pg_indexes WHERE indexname IN ('ix_reviews_movie_id_created_at', 'ix_reviews_created_at', 'ix_movies_created_at')"
            : "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name IN ('ix_reviews_movie_id_created_at', 'ix_reviews_created_at', 'ix_movies_created_at')";

        Assert.Equal(3, await server.ScalarAsync(catalog));
    }

    [RequirementFact]
    public async Task AHundredConcurrentReviewsOfOneMovieAreAllStoredAndTheStatsAgree()
    {
        var movie = await _client.CreateMovieAsync($"동시 리뷰 {Guid.NewGuid():N}");

        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => _client.PostAsJsonAsync("/api/reviews/",
            new { movie_id = movie.Id(), author = $"관객{i}", content = $"{ReviewTexts.Mixed[i % ReviewTexts.Mixed.Length]} #{i}" })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var posted = await Task.WhenAll(responses.Select(r => r.ReadObjectAsync()));
        Assert.Equal(100, posted.Select(r => r.Id()).Distinct().Count());
        Assert.Equal(100, await server.ScalarAsync($"SELECT COUNT(*) FROM reviews WHERE movie_id = {movie.Id()}"));
        var stats = (await _client.GetObjectAsync($"/api/movies/{movie.Id()}/stats"))["stats"]!;
        Assert.Equal(100, (int)stats["review_count"]!);
        Assert.Equal(posted.Count(r => (string?)r["sentiment_label"] == "positive"), (int)stats["positive_count"]!);
        Assert.Equal(posted.Count(r => (string?)r["sentiment_label"] == "negative"), (int)stats["negative_count"]!);
        Assert.Equal(posted.Average(MoviesApiTests.Positivity), (double)stats["average_score"]!, 3);
        var rating = await _client.GetObjectAsync($"/api/reviews/movie/{movie.Id()}/rating");
        Assert.Equal(100, (int)rating["review_count"]!);
        Assert.Equal((double)stats["average_score"]!, (double)rating["average_score"]!, 4);
    }

    [RequirementFact]
    public async Task AReviewWhoseMovieIsGoneOrWhoseTextIsUnreadableFailsAloneAndTheRestOfItsBatchIsStored()
    {
        var movie = await _client.CreateMovieAsync($"일괄 저장 {Guid.NewGuid():N}");
        await using var scope = server.Services.CreateAsyncScope();
        var writer = Assert.IsType<ReviewWriter>(scope.ServiceProvider.GetRequiredService<IReviewStore>());
        NewReview Draft(int movieId, int i) => new(movieId, $"관객{i}", i == 30 ? "\u200b\u200b\u200b\u200b\u200b" : $"일괄 저장 리뷰 {i}", DateTime.UtcNow);

        // Queued together, so the missing movie's review shares a commit with others and forces the one-by-one retry,
        // and the unreadable text (zero-width spaces only) shares an engine call with them.
        var drafts = Enumerable.Range(0, 40).Select(i => Draft(i == 20 ? 987654 : movie.Id(), i)).ToArray();
        var outcomes = await Task.WhenAll(drafts.Select(Outcome(writer.StoreAsync)));

        Assert.Null(outcomes[20]);
        Assert.Equal("text", Assert.IsType<ArgumentException>(outcomes[30]).ParamName);
        var stored = outcomes.Where((_, i) => i is not (20 or 30)).Select(o => Assert.IsType<Review>(o)).ToList();
        Assert.Equal(38, stored.Select(r => r.Id).Distinct().Count(id => id > 0));
        Assert.All(stored, r => Assert.Contains(r.SentimentLabel, new[] { "negative", "neutral", "positive" }));
        Assert.Equal(38, await server.ScalarAsync($"SELECT COUNT(*) FROM reviews WHERE movie_id = {movie.Id()}"));
        Assert.Equal(0, await server.ScalarAsync("SELECT COUNT(*) FROM reviews WHERE movie_id = 987654"));
        // Each answer carries the id its own row got (a batch's ids come back from one statement).
        var db = scope.ServiceProvider.GetRequiredService<MovieGptDbContext>();
        var contents = await db.Reviews.AsNoTracking().Where(r => r.MovieId == movie.Id()).ToDictionaryAsync(r => r.Id, r => r.Content);
        Assert.All(stored, r => Assert.Equal(r.Content, contents[r.Id]));
    }

    [RequirementFact]
    public async Task ABatchOfReviewsGetsTheIdsOfTheirOwnRows()
    {
        var movie = await _client.CreateMovieAsync($"일괄 번호 {Guid.NewGuid():N}");
        await using var scope = server.Services.CreateAsyncScope();
        var writer = Assert.IsType<ReviewWriter>(scope.ServiceProvider.GetRequiredService<IReviewStore>());

        var stored = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            writer.StoreAsync(new NewReview(movie.Id(), $"관객{i}", $"리뷰 번호 {i:D3} {ReviewTexts.Positive}", DateTime.UtcNow))));

        var db = scope.ServiceProvider.GetRequiredService<MovieGptDbContext>();
        var rows = await db.Reviews.AsNoTracking().Where(r => r.MovieId == movie.Id()).ToDictionaryAsync(r => r.Id);
        Assert.Equal(200, rows.Count);
        Assert.All(stored, review =>
        {
            Assert.NotNull(review);
            Assert.Equal((review.Author, review.Content, review.SentimentScore), (rows[review.Id].Author, rows[review.Id].Content, rows[review.Id].SentimentScore));
        });
    }

    // The stored review, or the exception the store threw for it.
    private static Func<NewReview, Task<object?>> Outcome(Func<NewReview, Task<Review?>> store) => async draft =>
    {
        try
        {
            return await store(draft);
        }
        catch (ArgumentException e)
        {
            return e;
        }
    };

    [RequirementFact]
    public async Task TimesReadBackFromTheDatabaseAreUtc()
    {
        var movie = await _client.CreateMovieAsync($"시간 {Guid.NewGuid():N}");
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MovieGptDbContext>();

        var stored = await db.Movies.AsNoTracking().SingleAsync(m => m.Id == movie.Id());

        Assert.Equal(DateTimeKind.Utc, stored.CreatedAt.Kind);
        Assert.Equal(DateTime.Parse((string)movie["created_at"]!).ToUniversalTime(), stored.CreatedAt);
    }
}

public sealed class SqliteDatabaseTests(SqliteServerFixture server) : DatabaseTests(server), IClassFixture<SqliteServerFixture>;

[RequiresPostgres]
public sealed class PostgresDatabaseTests(PostgresServerFixture server) : DatabaseTests(server), IClassFixture<PostgresServerFixture>;
