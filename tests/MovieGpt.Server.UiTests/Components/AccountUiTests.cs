using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MovieGpt.Server.Components.Account;
using MovieGpt.Server.Components.Forms;
using MovieGpt.Server.Components.Pages.Reviews;
using MovieGpt.Server.Components.Shared;
using MovieGpt.Server.Contracts;
using MovieGpt.Server.Services;

namespace MovieGpt.Server.UiTests.Components;

/// <summary>The account rules as the UI shows them: who sees 수정, 삭제 and 공감, and what a signed-in writer's form does.</summary>
public sealed class AccountUiTests : UiTestContext
{
    private const int Me = 7;
    private const int Other = 8;

    public AccountUiTests() => AuthSettings.AllowAnonymousWrites = false;

    [Fact]
    public void ASignedOutHeaderOffersLoginAndRegistrationBackToThisPage()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("movies/3");

        var cut = Render<LoginDisplay>();

        Assert.Equal("account/login?returnUrl=%2Fmovies%2F3", cut.Find("[data-testid=login-link]").GetAttribute("href"));
        Assert.Equal("account/register?returnUrl=%2Fmovies%2F3", cut.Find("[data-testid=register-link]").GetAttribute("href"));
        Assert.Empty(cut.FindAll("[data-testid=logout]"));
    }

    [Fact]
    public void ASignedInHeaderShowsTheNicknameAndALogoutFormPost()
    {
        SignIn(Me, "영화광");

        var cut = Render<LoginDisplay>();

        Assert.Equal("영화광", cut.Find("[data-testid=account-name]").TextContent);
        var form = cut.Find("[data-testid=logout]").Closest("form")!;
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal("account/logout", form.GetAttribute("action"));
        Assert.Empty(cut.FindAll("[data-testid=login-link]"));
    }

    [Theory]
    [InlineData("account/login?returnUrl=%2Fmovies%2F3", "/movies/3")]
    [InlineData(null, "/")]
    [InlineData("//evil.example/x", "/")]
    [InlineData("https://evil.example/x", "/")]
    [InlineData("/\\evil.example", "/")]
    public void OnlyALocalAddressIsGoneBackToAfterLoggingIn(string? returnUrl, string expected)
    {
        var local = returnUrl?.StartsWith("account/", StringComparison.Ordinal) == true
            ? Uri.UnescapeDataString(returnUrl[(returnUrl.IndexOf('=') + 1)..])
            : returnUrl;

        Assert.Equal(expected, AccountLinks.LocalOrHome(local));
    }

    [Fact]
    public void TheAuthorSeesEditAndDeleteOnTheirOwnReviewButNoHelpfulToggle()
    {
        SignIn(Me, "영화광");
        var review = Stored(Me, "영화광");

        var cut = RenderItem(review, new Caller(Me, "영화광", false, false));

        Assert.Equal($"reviews/{review.Id}/edit", cut.Find("[data-testid=review-edit]").GetAttribute("href"));
        Assert.NotNull(cut.Find("[data-testid=review-delete]"));
        Assert.Empty(cut.FindAll("[data-testid=review-helpful]"));
        Assert.Equal("0", cut.Find("[data-testid=review-helpful-count]").TextContent);
    }

    [Fact]
    public void AnotherUserSeesNoEditOrDeleteOnSomeoneElsesReview()
    {
        var review = Stored(Other, "다른사람");

        var cut = RenderItem(review, new Caller(Me, "영화광", false, false));

        Assert.Empty(cut.FindAll("[data-testid=review-edit]"));
        Assert.Empty(cut.FindAll("[data-testid=review-delete]"));
        Assert.NotNull(cut.Find("[data-testid=review-helpful]"));
    }

    [Fact]
    public void AnAdminSeesEditAndDeleteOnEveryReviewIncludingThoseWithoutAnOwner()
    {
        var review = Stored(null, "옛날관객");

        var cut = RenderItem(review, new Caller(1, "관리자", true, false));

        Assert.NotNull(cut.Find("[data-testid=review-edit]"));
        Assert.NotNull(cut.Find("[data-testid=review-delete]"));
    }

    [Fact]
    public void ASignedOutReaderSeesTheHelpfulCountOnly()
    {
        var review = Stored(Other, "다른사람", helpful: 3);

        var cut = RenderItem(review, new Caller(null, null, false, false));

        Assert.Empty(cut.FindAll("[data-testid=review-helpful]"));
        Assert.Empty(cut.FindAll("[data-testid=review-edit]"));
        Assert.Empty(cut.FindAll("[data-testid=review-delete]"));
        Assert.Equal("3", cut.Find("[data-testid=review-helpful-count]").TextContent);
        Assert.Equal("로그인하면 공감할 수 있어요", cut.Find("[data-testid=review-helpful-static]").GetAttribute("title"));
    }

    [Fact]
    public void MarkingHelpfulCountsOnceAndMarkingAgainTakesItBack()
    {
        var review = Stored(Other, "다른사람");
        var cut = RenderItem(review, new Caller(Me, "영화광", false, false));

        cut.Find("[data-testid=review-helpful]").Click();

        cut.WaitForAssertion(() => Assert.Equal("1", cut.Find("[data-testid=review-helpful-count]").TextContent));
        Assert.Equal("true", cut.Find("[data-testid=review-helpful]").GetAttribute("aria-pressed"));
        Assert.Contains((review.Id, Me), Reviews.Helpful);

        cut.Find("[data-testid=review-helpful]").Click();

        cut.WaitForAssertion(() => Assert.Equal("0", cut.Find("[data-testid=review-helpful-count]").TextContent));
        Assert.Equal("false", cut.Find("[data-testid=review-helpful]").GetAttribute("aria-pressed"));
        Assert.Empty(Reviews.Helpful);
    }

    [Fact]
    public void ASignedOutVisitorIsAskedToLogInInsteadOfGivenTheReviewForm()
    {
        var movie = Movies.Add("괴물");

        var cut = Render<ReviewForm>(p => p.Add(f => f.FixedMovieId, movie.Id));

        Assert.Empty(cut.FindAll("[data-testid=review-form]"));
        Assert.Equal($"account/login?returnUrl=%2Fmovies%2F{movie.Id}", cut.Find("[data-testid=review-login-required-login]").GetAttribute("href"));
    }

    [Fact]
    public void ASignedInWriterHasNoAuthorFieldAndWritesUnderTheirNickname()
    {
        SignIn(Me, "영화광");
        var movie = Movies.Add("괴물");
        var cut = Render<ReviewForm>(p => p.Add(f => f.FixedMovieId, movie.Id));

        Assert.Empty(cut.FindAll("[data-testid=review-author]"));
        cut.Find("[data-testid=review-content]").Input("배우들 연기가 최고였어요");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=review-result]")));
        var stored = Assert.Single(Reviews.Stored);
        Assert.Equal(("영화광", (int?)Me), (stored.Author, stored.UserId));
        // The one review per movie is now the one the form edits.
        Assert.Contains("내 리뷰 수정", cut.Find("[data-testid=review-editing]").TextContent);
    }

    [Fact]
    public void AMovieAlreadyReviewedOpensThatReviewForEditingAndSavingEditsIt()
    {
        SignIn(Me, "영화광");
        var movie = Movies.Add("괴물");
        var mine = Stored(Me, "영화광", movieId: movie.Id, content: "처음에 쓴 리뷰예요");
        var cut = Render<ReviewForm>(p => p.Add(f => f.FixedMovieId, movie.Id));

        Assert.Contains("내 리뷰 수정", cut.Find("[data-testid=review-editing]").TextContent);
        Assert.Equal("처음에 쓴 리뷰예요", cut.Find("[data-testid=review-content]").GetAttribute("value"));
        Assert.Equal("수정 저장", cut.Find("[data-testid=review-submit]").TextContent.Trim());

        cut.Find("[data-testid=review-content]").Input("다시 보니 더 좋았어요");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=review-result]")));
        var stored = Assert.Single(Reviews.Stored);
        Assert.Equal((mine.Id, "다시 보니 더 좋았어요"), (stored.Id, stored.Content));
        Assert.NotNull(stored.EditedAt);
    }

    [Fact]
    public void MyReviewsListsOnlyTheSignedInUsersReviews()
    {
        SignIn(Me, "영화광");
        Stored(Me, "영화광", content: "내가 쓴 첫 리뷰");
        Stored(Other, "다른사람", content: "남이 쓴 리뷰");
        Stored(Me, "영화광", content: "내가 쓴 둘째 리뷰");

        var cut = Render<MyReviews>();

        cut.WaitForAssertion(() => Assert.Equal("2", cut.Find("[data-testid=my-reviews-total]").TextContent));
        Assert.Equal(["내가 쓴 첫 리뷰", "내가 쓴 둘째 리뷰"], cut.FindAll("[data-testid=review-content-text]").Select(c => c.TextContent));
        Assert.Equal(2, cut.FindAll("[data-testid=review-edit]").Count);
    }

    [Fact]
    public void MyReviewsAsksASignedOutVisitorToLogIn()
    {
        Stored(Me, "영화광");

        var cut = Render<MyReviews>();

        Assert.NotNull(cut.Find("[data-testid=my-reviews-login]"));
        Assert.Empty(cut.FindAll("[data-testid=review-content-text]"));
    }

    [Fact]
    public void TheEditPageEditsTheOwnersReview()
    {
        SignIn(Me, "영화광");
        var movie = Movies.Add("괴물");
        var mine = Stored(Me, "영화광", movieId: movie.Id, content: "처음에 쓴 리뷰예요");

        var cut = Render<ReviewEdit>(p => p.Add(e => e.Id, mine.Id));

        cut.WaitForAssertion(() => Assert.Equal("처음에 쓴 리뷰예요", cut.Find("[data-testid=review-content]").GetAttribute("value")));
        cut.Find("[data-testid=review-content]").Input("고쳐 쓴 리뷰예요");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal("고쳐 쓴 리뷰예요", Assert.Single(Reviews.Stored).Content));
        Assert.EndsWith($"movies/{movie.Id}", Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public void TheEditPageRefusesSomeoneElsesReviewInKorean()
    {
        SignIn(Me, "영화광");
        var theirs = Stored(Other, "다른사람");

        var cut = Render<ReviewEdit>(p => p.Add(e => e.Id, theirs.Id));

        cut.WaitForAssertion(() => Assert.Equal("내가 쓴 글만 바꿀 수 있어요.", cut.Find("[data-testid=review-edit-refused]").TextContent.Trim()));
        Assert.Empty(cut.FindAll("[data-testid=review-form]"));
    }

    [Fact]
    public void AddingAMovieAsksASignedOutVisitorToLogIn()
    {
        var cut = Render<MovieGpt.Server.Components.Pages.Movies.MovieCreate>();

        Assert.Equal("account/login?returnUrl=%2Fmovies%2Fnew", cut.Find("[data-testid=movie-login-required-login]").GetAttribute("href"));
        Assert.Empty(cut.FindAll("[data-testid=movie-form]"));
    }

    [Theory]
    [InlineData(WriteOutcome.Unauthorized, "로그인이 필요해요")]
    [InlineData(WriteOutcome.Forbidden, "내가 쓴 글만")]
    [InlineData(WriteOutcome.Conflict, "이미 리뷰를 쓰셨어요")]
    [InlineData(WriteOutcome.NotFound, "찾을 수 없어요")]
    public void EachRefusalHasAKoreanSentence(WriteOutcome outcome, string expected) =>
        Assert.Contains(expected, Viewer.Refusal(outcome));

    private IRenderedComponent<ReviewItem> RenderItem(ReviewResponse review, Caller viewer) =>
        Render<ReviewItem>(p => p
            .Add(r => r.Review, review)
            .Add(r => r.Viewer, viewer)
            .Add(r => r.OnDelete, (ReviewResponse _) => { }));

    private ReviewResponse Stored(int? userId, string author, int movieId = 1, string content = "정말 재미있게 봤어요", int helpful = 0)
    {
        var result = Analyzer.Analyze(content);
        var review = new ReviewResponse(
            Reviews.Stored.Count + 1, movieId, "괴물", author, content, result.Label, result.Score, result.Probabilities, result.Rating,
            new DateTime(2026, 11, 24, 12, 0, 0, DateTimeKind.Utc), [], UserId: userId, HelpfulCount: helpful);
        Reviews.Stored.Add(review);
        return review;
    }
}
