using Microsoft.Extensions.DependencyInjection;
using MovieGpt.Server.Data;
using MovieGpt.Server.Tests.Infrastructure;

namespace MovieGpt.Server.Tests.Movies;

/// <summary>/api/movies on each database; every test makes its own movies, tagged so that searches see only them.</summary>
public abstract class MoviesApiTests(ServerFixture server)
{
    private readonly HttpClient _client = server.Client;

    private static string NewTag() => Guid.NewGuid().ToString("N")[..10];

    [RequirementFact]
    public async Task PostingAMovieAnswers201WithTheStoredMovieInSnakeCase()
    {
        var response = await _client.PostAsJsonAsync("/api/movies/", new
        {
            title = "기생충",
            release_date = "2019-05-30",
            director = "봉준호",
            genre = "드라마",
            poster_url = "https://example.org/parasite.jpg",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var movie = await response.ReadObjectAsync();
        Assert.Equal($"/api/movies/{movie.Id()}", response.Headers.Location?.OriginalString);
        Assert.Equal("기생충", (string?)movie["title"]);
        Assert.Equal("2019-05-30", (string?)movie["release_date"]);
        Assert.Equal("봉준호", (string?)movie["director"]);
        Assert.Equal("드라마", (string?)movie["genre"]);
        Assert.Equal("https://example.org/parasite.jpg", (string?)movie["poster_url"]);
        Assert.EndsWith("Z", (string?)movie["created_at"]);
        Assert.Equal(0, (int)movie["review_count"]!);
        Assert.Equal(0.0, (double)movie["average_score"]!);

        var stored = await _client.GetObjectAsync($"/api/movies/{movie.Id()}");
        Assert.Equal("기생충", (string?)stored["title"]);
        Assert.Equal("봉준호", (string?)stored["director"]);
    }

    [RequirementFact]
    public async Task TheMovieListAnswersWithAndWithoutATrailingSlash()
    {
        var movie = await _client.CreateMovieAsync($"슬래시 {NewTag()}");

        var withSlash = await _client.GetArrayAsync("/api/movies/?limit=1000");
        var withoutSlash = await _client.GetArrayAsync("/api/movies?limit=1000");

        Assert.Contains(withSlash, m => m!.Id() == movie.Id());
        Assert.Contains(withoutSlash, m => m!.Id() == movie.Id());
    }

    [RequirementFact]
    public async Task TheMovieListIsNewestFirst()
    {
        var tag = NewTag();
        var first = await _client.CreateMovieAsync($"첫째 {tag}");
        var second = await _client.CreateMovieAsync($"둘째 {tag}");
        var third = await _client.CreateMovieAsync($"셋째 {tag}");

        var listed = await _client.GetArrayAsync($"/api/movies/?q={tag}");

        Assert.Equal([third.Id(), second.Id(), first.Id()], listed.Select(m => m!.Id()));
    }

    [RequirementFact]
    public async Task SkipAndLimitPageThroughTheList()
    {
        var tag = NewTag();
        var ids = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await _client.CreateMovieAsync($"페이지 {i} {tag}")).Id());
        }
        ids.Reverse();

        var page = await _client.GetArrayAsync($"/api/movies/?q={tag}&skip=1&limit=2");

        Assert.Equal(ids.Skip(1).Take(2), page.Select(m => m!.Id()));
    }

    [RequirementFact]
    public async Task GettingAnUnknownMovieAnswers404MovieNotFound()
    {
        var problem = await (await _client.GetAsync("/api/movies/987654")).ReadProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal("Movie not found", (string?)problem["detail"]);
    }

    [RequirementFact]
    public async Task PostingAnInvalidMovieAnswers422NamingEveryBadField()
    {
        var response = await _client.PostAsJsonAsync("/api/movies/", new
        {
            title = "",
            release_date = new string('1', 51),
            director = new string('감', 101),
            genre = new string('장', 101),
            poster_url = "https://example.org/" + new string('p', 490),
        });

        Assert.Equal(["director", "genre", "poster_url", "release_date", "title"], await response.ReadInvalidFieldsAsync());
    }

    [RequirementFact]
    public async Task ATitleOf201CharactersIsRejectedAndOf200Accepted()
    {
        var tooLong = await _client.PostAsJsonAsync("/api/movies/", new { title = new string('가', 201) });
        var longest = await _client.PostAsJsonAsync("/api/movies/", new { title = new string('가', 200) });

        Assert.Equal(["title"], await tooLong.ReadInvalidFieldsAsync());
        Assert.Equal(HttpStatusCode.Created, longest.StatusCode);
    }

    [RequirementTheory]
    [InlineData("ftp://example.org/poster.jpg")]
    [InlineData("javascript:alert(1)")]
    [InlineData("포스터 없음")]
    public async Task APosterUrlThatIsNotHttpOrHttpsAnswers422(string posterUrl)
    {
        var response = await _client.PostAsJsonAsync("/api/movies/", new { title = "포스터", poster_url = posterUrl });

        Assert.Equal(["poster_url"], await response.ReadInvalidFieldsAsync());
    }

    [RequirementFact]
    public async Task MalformedJsonAnswers400ProblemDetails()
    {
        var body = new StringContent("{\"title\": \"기생충\",", System.Text.Encoding.UTF8, "application/json");

        var response = await _client.PostAsync("/api/movies/", body);

        await response.ReadProblemAsync(HttpStatusCode.BadRequest);
    }

    [RequirementTheory]
    [InlineData("skip=-1", "skip")]
    [InlineData("limit=-5", "limit")]
    public async Task ANegativeSkipOrLimitAnswers422(string query, string field)
    {
        var response = await _client.GetAsync($"/api/movies/?{query}");

        Assert.Equal([field], await response.ReadInvalidFieldsAsync());
    }

    [RequirementFact]
    public async Task TheLimitIsCappedAtOneThousandMovies()
    {
        var tag = NewTag();
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MovieGptDbContext>();
            db.Movies.AddRange(Enumerable.Range(0, 1_005).Select(i => new Movie { Title = $"대량 {i} {tag}", CreatedAt = DateTime.UtcNow }));
            await db.SaveChangesAsync();
        }

        var listed = await _client.GetArrayAsync($"/api/movies/?q={tag}&limit=5000");

        Assert.Equal(1_000, listed.Count);
    }

    [RequirementFact]
    public async Task SearchMatchesTitleDirectorAndGenreIgnoringCaseAndInKorean()
    {
        var tag = NewTag();
        var movie = await _client.CreateMovieAsync($"기생충 Parasite-{tag}", director: $"봉준호-{tag}", genre: $"Dark Comedy-{tag}");
        await _client.CreateMovieAsync($"다른 영화 {NewTag()}", director: "박찬욱", genre: "스릴러");

        foreach (var q in new[] { $"PARASITE-{tag.ToUpperInvariant()}", $"기생충 parasite-{tag}", $"봉준호-{tag}", $"comedy-{tag}" })
        {
            var found = await _client.GetArrayAsync($"/api/movies/?q={Uri.EscapeDataString(q)}");
            Assert.Equal([movie.Id()], found.Select(m => m!.Id()));
        }
    }

    [RequirementFact]
    public async Task SortingByReviewsPutsTheMostReviewedFirst()
    {
        var tag = NewTag();
        var none = await _client.CreateMovieAsync($"리뷰 없음 {tag}");
        var two = await _client.CreateMovieAsync($"리뷰 둘 {tag}");
        var one = await _client.CreateMovieAsync($"리뷰 하나 {tag}");
        await _client.CreateReviewAsync(two.Id(), ReviewTexts.Positive);
        await _client.CreateReviewAsync(two.Id(), ReviewTexts.Negative);
        await _client.CreateReviewAsync(one.Id(), ReviewTexts.Positive);

        var sorted = await _client.GetArrayAsync($"/api/movies/?q={tag}&sort=reviews");

        Assert.Equal([two.Id(), one.Id(), none.Id()], sorted.Select(m => m!.Id()));
        Assert.Equal([2, 1, 0], sorted.Select(m => (int)m!["review_count"]!));
    }

    [RequirementFact]
    public async Task SortingByScorePutsTheMostPositiveFirst()
    {
        var tag = NewTag();
        var loved = await _client.CreateMovieAsync($"호평 {tag}");
        var unreviewed = await _client.CreateMovieAsync($"미개봉 {tag}");
        var hated = await _client.CreateMovieAsync($"혹평 {tag}");
        await _client.CreateReviewAsync(loved.Id(), ReviewTexts.Positive);
        await _client.CreateReviewAsync(hated.Id(), ReviewTexts.Negative);

        var sorted = await _client.GetArrayAsync($"/api/movies/?q={tag}&sort=score");

        Assert.Equal([loved.Id(), hated.Id(), unreviewed.Id()], sorted.Select(m => m!.Id()));
        var scores = sorted.Select(m => (double)m!["average_score"]!).ToList();
        Assert.True(scores[0] > scores[1] && scores[1] > scores[2], string.Join(", ", scores));
    }

    [RequirementFact]
    public async Task AnUnknownSortAnswers422()
    {
        var response = await _client.GetAsync("/api/movies/?sort=popularity");

        Assert.Equal(["sort"], await response.ReadInvalidFieldsAsync());
    }

    [RequirementFact]
    public async Task DeletingAMovieAnswersItsMessageAndItsReviewsGoWithIt()
    {
        var movie = await _client.CreateMovieAsync($"삭제 {NewTag()}");
        var review = await _client.CreateReviewAsync(movie.Id(), ReviewTexts.Positive);

        var response = await _client.DeleteAsync($"/api/movies/{movie.Id()}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Movie deleted successfully", (string?)(await response.ReadObjectAsync())["message"]);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/movies/{movie.Id()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.DeleteAsync($"/api/reviews/{review.Id()}")).StatusCode);
        Assert.Equal(0, await server.ScalarAsync($"SELECT COUNT(*) FROM reviews WHERE movie_id = {movie.Id()}"));
    }

    [RequirementFact]
    public async Task DeletingAnUnknownMovieAnswers404MovieNotFound()
    {
        var problem = await (await _client.DeleteAsync("/api/movies/987654")).ReadProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal("Movie not found", (string?)problem["detail"]);
    }

    internal static double Positivity(JsonObject review) =>
        (double)review["sentiment_probabilities"]!["positive"]! + (double)review["sentiment_probabilities"]!["neutral"]! / 2;
}

public sealed class SqliteMoviesApiTests(SqliteServerFixture server) : MoviesApiTests(server), IClassFixture<SqliteServerFixture>;

[RequiresPostgres]
public sealed class PostgresMoviesApiTests(PostgresServerFixture server) : MoviesApiTests(server), IClassFixture<PostgresServerFixture>;
