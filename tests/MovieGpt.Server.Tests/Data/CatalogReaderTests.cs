using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MovieGpt.Sentiment.Aspects;
using MovieGpt.Server.Contracts;
using MovieGpt.Server.Data;
using MovieGpt.Server.Services;
using MovieGpt.Server.Tests.Infrastructure;
using MovieGpt.Server.Data.Postgres;
using MovieGpt.Server.Data.Sqlite;

namespace MovieGpt.Server.Tests.Data;

/// <summary>
/// The busiest reads are hand-written statements (<see cref="CatalogSql"/>, run by <see cref="SqliteCatalogReader"/> and
/// <see cref="PostgresCatalogReader"/>); on one database they must answer exactly what EF's compiled queries answer
/// (<see cref="EfCatalogReader"/>).
/// </summary>
public abstract class CatalogReaderTests(ServerFixture server)
{
    private static readonly DateTime Noon = new(2026, 5, 5, 12, 0, 0, DateTimeKind.Utc);

    [RequirementFact]
    public async Task HandWrittenReadsAnswerWhatEfAnswers()
    {
        var (movie, empty) = await SeedAsync(server);
        var handWritten = server.Services.GetRequiredService<ICatalogReader>();
        Assert.IsType(server.Provider == "Postgres" ? typeof(PostgresCatalogReader) : typeof(SqliteCatalogReader), handWritten);
        await using var scope = server.Services.CreateAsyncScope();
        var ef = new EfCatalogReader(scope.ServiceProvider.GetRequiredService<MovieGptDbContext>());
        var ct = CancellationToken.None;

        AspectFilter?[] filters = [null, new("연기", null), new("스토리", "negative"), new(null, "positive"), new("음악", "neutral")];
        foreach (var filter in filters)
        {
            foreach (var (movieId, skip, limit) in new (int?, int, int)[] { (movie, 0, 100), (movie, 2, 3), (movie, 50, 10), (empty, 0, 10), (null, 0, 10), (null, 4, 7) })
            {
                var expected = await ef.ReviewPageAsync(new ReviewQuery(movieId, filter), skip, limit, ct);
                var actual = await handWritten.ReviewPageAsync(new ReviewQuery(movieId, filter), skip, limit, ct);
                Assert.Equal(expected.Select(Comparable), actual.Select(Comparable));
                Assert.All(actual, r => Assert.Equal(DateTimeKind.Utc, r.CreatedAt.Kind));
            }
        }
        // The sentiment filter and the 별점 orders, with and without an aspect filter (ties on 별점 go newest first).
        foreach (var sort in Enum.GetValues<ReviewSort>())
        {
            foreach (var query in new ReviewQuery[] { new(movie, Sort: sort), new(movie, null, "negative", sort), new(null, new("연기", null), "positive", sort) })
            {
                var expected = await ef.ReviewPageAsync(query, 1, 6, ct);
                Assert.Equal(expected.Select(Comparable), (await handWritten.ReviewPageAsync(query, 1, 6, ct)).Select(Comparable));
            }
        }
        var byRating = await handWritten.ReviewPageAsync(new ReviewQuery(movie, Sort: ReviewSort.RatingDesc), 0, 100, ct);
        Assert.Equal(byRating.Select(r => r.UserRating ?? r.PredictedRating).OrderDescending(), byRating.Select(r => r.UserRating ?? r.PredictedRating));
        Assert.Equal(3, (await handWritten.ReviewPageAsync(new ReviewQuery(movie, null, "negative"), 0, 100, ct)).Count);

        var all = await handWritten.ReviewPageAsync(new ReviewQuery(movie), 0, 100, ct);
        Assert.Equal(9, all.Count);
        Assert.Equal(6, all.Count(r => r.Aspects.Count > 0));
        Assert.Equal(6, (await handWritten.ReviewPageAsync(new ReviewQuery(movie, new AspectFilter("연기", null)), 0, 100, ct)).Count);
        Assert.Equal(3, (await handWritten.ReviewPageAsync(new ReviewQuery(movie, new AspectFilter("스토리", "negative")), 0, 100, ct)).Count);

        foreach (int? movieId in new int?[] { movie, empty, null })
        {
            AssertSameGroups(await ef.ReviewGroupsAsync(movieId, ct), await handWritten.ReviewGroupsAsync(movieId, ct));
            Assert.Equal(await ef.ReviewSpanAsync(movieId, ct), await handWritten.ReviewSpanAsync(movieId, ct));
        }
        Assert.NotEmpty(await handWritten.ReviewGroupsAsync(movie, ct));
        Assert.Equal(new ReviewSpan(Noon.AddDays(-3), Noon), await handWritten.ReviewSpanAsync(movie, ct));

        foreach (var id in new[] { movie, empty, int.MaxValue })
        {
            var (expected, actual) = (await ef.MovieTalliesAsync(id, ct), await handWritten.MovieTalliesAsync(id, ct));
            Assert.Equal((expected?.Title, expected?.Reviews), (actual?.Title, actual?.Reviews));
            AssertSameGroups(expected?.Groups ?? [], actual?.Groups ?? []);
            Assert.Equal(expected?.Aspects.OrderBy(a => (a.Aspect, a.Label)), actual?.Aspects.OrderBy(a => (a.Aspect, a.Label)));
            Assert.Equal(await ef.MovieTitleAsync(id, ct), await handWritten.MovieTitleAsync(id, ct));
            Assert.Equal(await ef.MovieExistsAsync(id, ct), await handWritten.MovieExistsAsync(id, ct));
        }
        Assert.Null(await handWritten.MovieTalliesAsync(int.MaxValue, ct));
        var none = await handWritten.MovieTalliesAsync(empty, ct);
        Assert.NotNull(none);
        Assert.StartsWith("빈 영화", none.Title);
        Assert.Equal(new ReviewSpan(null, null), none.Reviews);
        Assert.Empty(none.Groups);
        var nine = await handWritten.MovieTalliesAsync(movie, ct);
        Assert.Equal(9, nine?.Groups.Sum(g => g.Count));
        Assert.Equal(new ReviewSpan(Noon.AddDays(-3), Noon), nine?.Reviews);
        Assert.Equal(6, nine?.Aspects.Where(a => a.Aspect == "연기").Sum(a => a.Mentions));
    }

    // Records compare lists by reference: the aspects are compared by their items.
    private static (ReviewResponse Review, string Aspects) Comparable(ReviewResponse review) =>
        (review with { Aspects = null! }, string.Join(" | ", review.Aspects));

    [RequirementFact]
    public async Task ConcurrentReadersGetTheirOwnAnswers()
    {
        var (movie, empty) = await SeedAsync(server);
        var reader = server.Services.GetRequiredService<ICatalogReader>();
        var full = await reader.ReviewPageAsync(new ReviewQuery(movie), 0, 100, CancellationToken.None);

        var pages = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(() =>
            reader.ReviewPageAsync(new ReviewQuery(i % 2 == 0 ? movie : empty), i % 5, 3, CancellationToken.None))));

        for (var i = 0; i < pages.Length; i++)
        {
            Assert.Equal((i % 2 == 0 ? full.Skip(i % 5).Take(3) : []).Select(Comparable), pages[i].Select(Comparable));
        }
    }

    // A movie with nine reviews (two pairs at the same instant, so the id breaks ties; days apart, ratings spread; every
    // other one with the writer's 별점, one marked as a spoiler) and one with none.
    // Every third review has no aspects yet (as before the back-fill); the others say 연기 and 스토리, the polarities alternating.
    internal static async Task<(int Movie, int Empty)> SeedAsync(ServerFixture server)
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
            PredictedRating = 1 + i * 1.1, CreatedAt = time, UserRating = i % 2 == 0 ? 10 - i : null, Spoiler = i == 4,
            Aspects = i % 3 == 0 ? null : AspectJson.Serialize(
            [
                new AspectMention("연기", i % 2 == 0 ? "positive" : "negative", 0.9, "연기는", 0, 3),
                new AspectMention("스토리", i % 2 == 0 ? "neutral" : "negative", 0.6, "스토리가", 4, 4),
            ]),
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
            Assert.Equal((e.UserRatings, e.UserRatingSum), (a.UserRatings, a.UserRatingSum));
        }
    }
}

public sealed class SqliteCatalogReaderTests(SqliteServerFixture server) : CatalogReaderTests(server), IClassFixture<SqliteServerFixture>;

[RequiresPostgres]
public sealed class PostgresCatalogReaderTests(PostgresServerFixture server) : CatalogReaderTests(server), IClassFixture<PostgresServerFixture>;
