using Microsoft.Extensions.DependencyInjection;
using MovieGpt.Sentiment;
using MovieGpt.Server.Contracts;
using MovieGpt.Server.Services;
using MovieGpt.Server.Tests.Infrastructure;

namespace MovieGpt.Server.Tests.Accounts;

/// <summary>Who may write, edit, delete and mark 공감, through the real pipeline on each database, with accounts enforced.</summary>
public abstract class ReviewRulesTests(ServerFixture server)
{
    private readonly HttpClient _anonymous = server.CreateClient();

    private static async Task<int> NewMovieAsync(TestAccount account) => (await account.Client.CreateMovieAsync($"규칙 {Guid.NewGuid():N}")).Id();

    [RequirementFact]
    public async Task AnonymousWritesAre401ProblemDetails()
    {
        var account = await server.NewAccountAsync();
        var movie = await NewMovieAsync(account);

        var review = await _anonymous.PostAsJsonAsync("/api/reviews/", new { movie_id = movie, author = "익명", content = ReviewTexts.Positive });
        var newMovie = await _anonymous.PostAsJsonAsync("/api/movies/", new { title = "익명 영화" });
        var invalid = await _anonymous.PostAsJsonAsync("/api/reviews/", new { movie_id = 0, content = "" });

        await review.ReadProblemAsync(HttpStatusCode.Unauthorized);
        await newMovie.ReadProblemAsync(HttpStatusCode.Unauthorized);
        await invalid.ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("0", await server.TextAsync($"SELECT COUNT(*) FROM reviews WHERE movie_id = {movie}"));
    }

    [RequirementFact]
    public async Task AnyoneMayReadAndUseTheEngine()
    {
        var account = await server.NewAccountAsync();
        var movie = await NewMovieAsync(account);
        await account.Client.CreateReviewAsync(movie, ReviewTexts.Positive);

        Assert.Single(await _anonymous.GetArrayAsync($"/api/reviews/movie/{movie}"));
        Assert.Equal(HttpStatusCode.OK, (await _anonymous.PostAsJsonAsync("/api/sentiment", new { text = ReviewTexts.Positive })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _anonymous.PostAsJsonAsync("/api/sentiment/batch", new { texts = new[] { ReviewTexts.Negative } })).StatusCode);
    }

    [RequirementFact]
    public async Task ASignedInReviewIsUnderTheDisplayNameWhateverTheBodySays()
    {
        var account = await server.NewAccountAsync();
        var movie = await NewMovieAsync(account);

        var withAuthor = await account.Client.PostAsJsonAsync("/api/reviews/", new { movie_id = movie, author = "사칭", content = ReviewTexts.Positive });
        var review = await withAuthor.ReadObjectAsync();

        Assert.Equal(HttpStatusCode.Created, withAuthor.StatusCode);
        Assert.Equal(account.DisplayName, (string?)review["author"]);
        Assert.Equal(account.Id, (int)review["user_id"]!);
        Assert.Equal(0, (int)review["helpful_count"]!);
        Assert.Null(review["edited_at"]);
        Assert.Equal(account.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            await server.TextAsync($"SELECT user_id FROM reviews WHERE id = {review.Id()}"));
    }

    [RequirementFact]
    public async Task AReviewWithoutAuthorIsAcceptedFromASignedInUser()
    {
        var account = await server.NewAccountAsync();
        var movie = await NewMovieAsync(account);

        var response = await account.Client.PostAsJsonAsync("/api/reviews/", new { movie_id = movie, content = ReviewTexts.Positive });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [RequirementFact]
    public async Task ASecondReviewOfTheSameMovieIs409NamingTheFirst()
    {
        var account = await server.NewAccountAsync();
        var movie = await NewMovieAsync(account);
        var first = await account.Client.CreateReviewAsync(movie, ReviewTexts.Positive);

        var second = await account.Client.PostAsJsonAsync("/api/reviews/", new { movie_id = movie, content = ReviewTexts.Negative });

        var problem = await second.ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(first.Id(), (int)problem["review_id"]!);
    }

    [RequirementFact]
    public async Task RacingReviewsOfOneAccountStoreOneAndAnswer409ForTheRest()
    {
        var account = await server.NewAccountAsync();
        var movie = await NewMovieAsync(account);

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            account.Client.PostAsJsonAsync("/api/reviews/", new { movie_id = movie, content = ReviewTexts.Mixed[i % ReviewTexts.Mixed.Length] })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(7, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal("1", await server.TextAsync($"SELECT COUNT(*) FROM reviews WHERE movie_id = {movie}"));
    }

    [RequirementFact]
    public async Task EditingRescoresTheReviewAndSetsEditedAt()
    {
        var account = await server.NewAccountAsync();
        var movie = await NewMovieAsync(account);
        var review = await account.Client.CreateReviewAsync(movie, ReviewTexts.Positive);
        var expected = server.Services.GetRequiredService<ISentimentAnalyzer>().Analyze(ReviewTexts.Negative);

        var response = await account.Client.PutAsJsonAsync($"/api/reviews/{review.Id()}", new { content = ReviewTexts.Negative });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var edited = await response.ReadObjectAsync();
        Assert.Equal(ReviewTexts.Negative, (string?)edited["content"]);
        Assert.Equal(expected.Label, (string?)edited["sentiment_label"]);
        Assert.Equal(expected.Score, (double)edited["sentiment_score"]!);
        Assert.NotNull(edited["edited_at"]);
        // The tallies follow the edit: the movie's statistics count the new verdict, not the old one.
        var stats = await _anonymous.GetObjectAsync($"/api/movies/{movie}/stats");
        Assert.Equal(1, (int)stats["stats"]!["review_count"]!);
        Assert.Equal(1, (int)stats["stats"]![$"{expected.Label}_count"]!);
    }

    [RequirementFact]
    public async Task EditingRecomputesTheAspects()
    {
        var account = await server.NewAccountAsync();
        var movie = await NewMovieAsync(account);
        var review = await account.Client.CreateReviewAsync(movie, "그냥 그랬어요 별 생각 없음");

        await account.Client.PutAsJsonAsync($"/api/reviews/{review.Id()}", new { content = "배우들 연기가 정말 훌륭했어요" });

        var filtered = await _anonymous.GetArrayAsync($"/api/reviews/movie/{movie}?aspect=연기");
        Assert.Equal(review.Id(), Assert.Single(filtered)!.Id());
    }

    [RequirementFact]
    public async Task OthersMayNotEditOrDeleteAReview403()
    {
        var author = await server.NewAccountAsync();
        var other = await server.NewAccountAsync();
        var movie = await NewMovieAsync(author);
        var review = await author.Client.CreateReviewAsync(movie, ReviewTexts.Positive);

        var edit = await other.Client.PutAsJsonAsync($"/api/reviews/{review.Id()}", new { content = ReviewTexts.Negative });
        var delete = await other.Client.DeleteAsync($"/api/reviews/{review.Id()}");
        var anonymousDelete = await _anonymous.DeleteAsync($"/api/reviews/{review.Id()}");
        var anonymousEdit = await _anonymous.PutAsJsonAsync($"/api/reviews/{review.Id()}", new { content = ReviewTexts.Negative });

        await edit.ReadProblemAsync(HttpStatusCode.Forbidden);
        await delete.ReadProblemAsync(HttpStatusCode.Forbidden);
        await anonymousDelete.ReadProblemAsync(HttpStatusCode.Unauthorized);
        await anonymousEdit.ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(ReviewTexts.Positive, (string?)(await _anonymous.GetObjectAsync($"/api/reviews/{review.Id()}"))["content"]);
    }

    [RequirementFact]
    public async Task TheAuthorMayDeleteTheirReview()
    {
        var author = await server.NewAccountAsync();
        var movie = await NewMovieAsync(author);
        var review = await author.Client.CreateReviewAsync(movie, ReviewTexts.Positive);

        var delete = await author.Client.DeleteAsync($"/api/reviews/{review.Id()}");

        Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        await (await _anonymous.GetAsync($"/api/reviews/{review.Id()}")).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [RequirementFact]
    public async Task AnAdminMayEditAndDeleteAnyReviewAndMovie()
    {
        var author = await server.NewAccountAsync();
        var admin = await server.AdminAsync();
        var movie = await NewMovieAsync(author);
        var review = await author.Client.CreateReviewAsync(movie, ReviewTexts.Positive);

        var edit = await admin.Client.PutAsJsonAsync($"/api/reviews/{review.Id()}", new { content = ReviewTexts.Negative });
        var deleteReview = await admin.Client.DeleteAsync($"/api/reviews/{review.Id()}");
        var deleteMovie = await admin.Client.DeleteAsync($"/api/movies/{movie}");

        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        Assert.Equal(author.DisplayName, (string?)(await edit.ReadObjectAsync())["author"]);
        Assert.Equal(HttpStatusCode.OK, deleteReview.StatusCode);
        Assert.Equal(HttpStatusCode.OK, deleteMovie.StatusCode);
    }

    [RequirementFact]
    public async Task OnlyAnAdminMayDeleteAMovie()
    {
        var user = await server.NewAccountAsync();
        var movie = await NewMovieAsync(user);

        await (await user.Client.DeleteAsync($"/api/movies/{movie}")).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await _anonymous.DeleteAsync($"/api/movies/{movie}")).ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await _anonymous.GetAsync($"/api/movies/{movie}")).StatusCode);
    }

    [RequirementFact]
    public async Task AReviewFromBeforeAccountsKeepsItsAuthorAndOnlyAnAdminMayChangeIt()
    {
        var user = await server.NewAccountAsync();
        var admin = await server.AdminAsync();
        var movie = await NewMovieAsync(user);
        ReviewResponse old;
        await using (var scope = server.Services.CreateAsyncScope())
        {
            old = (await scope.ServiceProvider.GetRequiredService<IReviewService>()
                .CreateAsync(new CreateReviewRequest { MovieId = movie, Author = "옛날관객", Content = ReviewTexts.Positive }))!;
        }

        var byUser = await user.Client.DeleteAsync($"/api/reviews/{old.Id}");
        var stored = await _anonymous.GetObjectAsync($"/api/reviews/{old.Id}");
        var byAdmin = await admin.Client.PutAsJsonAsync($"/api/reviews/{old.Id}", new { content = ReviewTexts.Negative });

        await byUser.ReadProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("옛날관객", (string?)stored["author"]);
        Assert.Null(stored["user_id"]);
        Assert.Equal(HttpStatusCode.OK, byAdmin.StatusCode);
    }

    [RequirementFact]
    public async Task HelpfulIsOnePerUserAndIdempotent()
    {
        var author = await server.NewAccountAsync();
        var fan = await server.NewAccountAsync();
        var movie = await NewMovieAsync(author);
        var review = await author.Client.CreateReviewAsync(movie, ReviewTexts.Positive);

        var first = await (await fan.Client.PostAsync($"/api/reviews/{review.Id()}/helpful", null)).ReadObjectAsync();
        var again = await (await fan.Client.PostAsync($"/api/reviews/{review.Id()}/helpful", null)).ReadObjectAsync();
        var listed = await _anonymous.GetObjectAsync($"/api/reviews/{review.Id()}");
        var undone = await (await fan.Client.DeleteAsync($"/api/reviews/{review.Id()}/helpful")).ReadObjectAsync();
        var undoneAgain = await fan.Client.DeleteAsync($"/api/reviews/{review.Id()}/helpful");

        Assert.Equal(1, (int)first["helpful_count"]!);
        Assert.Equal(1, (int)again["helpful_count"]!);
        Assert.Equal(1, (int)listed["helpful_count"]!);
        Assert.Equal(0, (int)undone["helpful_count"]!);
        Assert.Equal(HttpStatusCode.OK, undoneAgain.StatusCode);
    }

    [RequirementFact]
    public async Task HelpfulNeedsAnAccountAndNotTheAuthors()
    {
        var author = await server.NewAccountAsync();
        var movie = await NewMovieAsync(author);
        var review = await author.Client.CreateReviewAsync(movie, ReviewTexts.Positive);

        await (await _anonymous.PostAsync($"/api/reviews/{review.Id()}/helpful", null)).ReadProblemAsync(HttpStatusCode.Unauthorized);
        await (await author.Client.PostAsync($"/api/reviews/{review.Id()}/helpful", null)).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await author.Client.PostAsync("/api/reviews/987654/helpful", null)).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [RequirementFact]
    public async Task ReviewsSortByHelpful()
    {
        var first = await server.NewAccountAsync();
        var second = await server.NewAccountAsync();
        var fan = await server.NewAccountAsync();
        var movie = await NewMovieAsync(first);
        var older = await first.Client.CreateReviewAsync(movie, ReviewTexts.Positive);
        var newer = await second.Client.CreateReviewAsync(movie, ReviewTexts.Negative);
        await fan.Client.PostAsync($"/api/reviews/{older.Id()}/helpful", null);

        var byHelpful = await _anonymous.GetArrayAsync($"/api/reviews/movie/{movie}?sort=helpful");
        var byNewest = await _anonymous.GetArrayAsync($"/api/reviews/movie/{movie}");
        var bad = await _anonymous.GetAsync($"/api/reviews/movie/{movie}?sort=loudest");

        Assert.Equal([older.Id(), newer.Id()], byHelpful.Select(r => r!.Id()));
        Assert.Equal([newer.Id(), older.Id()], byNewest.Select(r => r!.Id()));
        Assert.Equal(["sort"], await bad.ReadInvalidFieldsAsync());
    }
}

public sealed class SqliteReviewRulesTests(SqliteAccountsFixture server) : ReviewRulesTests(server), IClassFixture<SqliteAccountsFixture>;

[RequiresPostgres]
public sealed class PostgresReviewRulesTests(PostgresAccountsFixture server) : ReviewRulesTests(server), IClassFixture<PostgresAccountsFixture>;
