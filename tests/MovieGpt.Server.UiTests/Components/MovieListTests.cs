using MovieGpt.Server.Components.Pages.Movies;

namespace MovieGpt.Server.UiTests.Components;

public sealed class MovieListTests : UiTestContext
{
    [Fact]
    public void DeletingAMovieAsksFirstAndSaysItsReviewsGoToo()
    {
        Movies.Add("괴물");
        var cut = Render<MovieList>();

        cut.Find("[data-testid=movie-delete]").Click();

        Assert.Contains("‘괴물’과 이 영화의 리뷰 0개가 모두 삭제돼요", cut.Find("[data-testid=confirm-message]").TextContent);
        Assert.Single(cut.FindAll("[data-testid=movie-card]"));
    }

    [Fact]
    public void TheDeleteQuestionOpensAsAModalAndClosesAgain()
    {
        var dialog = JSInterop.SetupModule("./js/dialog.js");
        dialog.SetupVoid("open", _ => true).SetVoidResult();
        dialog.SetupVoid("close", _ => true).SetVoidResult();
        Movies.Add("택시운전사");
        var cut = Render<MovieList>();

        cut.Find("[data-testid=movie-delete]").Click();
        Assert.Contains("‘택시운전사’와 이 영화의", cut.Find("[data-testid=confirm-message]").TextContent);
        cut.WaitForAssertion(() => dialog.VerifyInvoke("open"));
        cut.Find("[data-testid=confirm-cancel]").Click();

        cut.WaitForAssertion(() => dialog.VerifyInvoke("close"));
    }

    [Fact]
    public void ConfirmingTheDeleteRemovesTheMovieFromTheList()
    {
        Movies.Add("괴물");
        var cut = Render<MovieList>();

        cut.Find("[data-testid=movie-delete]").Click();
        cut.Find("[data-testid=confirm-ok]").Click();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=movies-empty]")));
        Assert.Empty(cut.FindAll("[data-testid=confirm-message]"));
    }

    [Fact]
    public void CancellingTheDeleteKeepsTheMovie()
    {
        Movies.Add("괴물");
        var cut = Render<MovieList>();

        cut.Find("[data-testid=movie-delete]").Click();
        cut.Find("[data-testid=confirm-cancel]").Click();

        Assert.Empty(cut.FindAll("[data-testid=confirm-message]"));
        Assert.Single(cut.FindAll("[data-testid=movie-card]"));
    }
}
