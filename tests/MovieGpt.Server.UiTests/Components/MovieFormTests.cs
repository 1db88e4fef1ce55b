using MovieGpt.Server.Components.Forms;
using MovieGpt.Server.Contracts;

namespace MovieGpt.Server.UiTests.Components;

public sealed class MovieFormTests : UiTestContext
{
    [Fact]
    public void SubmittingWithoutATitleShowsTheMessageBesideTheTitleAndStoresNothing()
    {
        var cut = Render<MovieForm>();

        cut.Find("form").Submit();

        Assert.Equal("제목은 필수입니다.", cut.Find("[data-testid=movie-title-error]").TextContent);
        Assert.Contains("invalid", cut.Find("[data-testid=movie-title]").ClassList);
        Assert.Empty(Movies.Created);
    }

    [Fact]
    public void APosterAddressThatIsNotHttpIsRejectedWhileTyping()
    {
        var cut = Render<MovieForm>();

        cut.Find("[data-testid=movie-poster-url]").Input("ftp://example.com/poster.jpg");

        Assert.Equal("포스터 URL은 http 또는 https 주소여야 합니다.", cut.Find("[data-testid=movie-poster-url-error]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=poster-image]"));
    }

    [Fact]
    public void AnHttpsPosterAddressIsPreviewedBesideTheForm()
    {
        var cut = Render<MovieForm>();

        cut.Find("[data-testid=movie-poster-url]").Input("https://example.com/poster.jpg");

        Assert.Equal("https://example.com/poster.jpg", cut.Find("[data-testid=poster-preview] img").GetAttribute("src"));
        Assert.Empty(cut.FindAll("[data-testid=movie-poster-url-error]"));
    }

    [Fact]
    public void AValidMovieIsStoredAndHandedToTheCaller()
    {
        MovieResponse? created = null;
        var cut = Render<MovieForm>(p => p.Add(f => f.OnCreated, (MovieResponse m) => created = m));

        cut.Find("[data-testid=movie-title]").Change("  헤어질 결심 ");
        cut.Find("[data-testid=movie-director]").Change("박찬욱");
        cut.Find("[data-testid=movie-genre]").Change("로맨스");
        cut.Find("[data-testid=movie-release-date]").Change("2022-06-29");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Single(Movies.Created), TimeSpan.FromSeconds(10));
        var request = Movies.Created[0];
        Assert.Equal("박찬욱", request.Director);
        Assert.Equal("2022-06-29", request.ReleaseDate);
        Assert.Equal("헤어질 결심", created?.Title);
        Assert.Empty(cut.FindAll(".validation-message"));
    }

    [Fact]
    public void TheSubmitButtonWaitsForTheDuplicateLookupAndASubmitMeanwhileStillStopsAtTheWarning()
    {
        Movies.Add("기생충", "2019-05-30", "봉준호");
        Movies.HoldLookups = new TaskCompletionSource();
        var cut = Render<MovieForm>();

        cut.Find("[data-testid=movie-title]").Change("기생충");

        Assert.True(cut.Find("[data-testid=movie-submit]").HasAttribute("disabled"));
        // An Enter in the title field submits the form even with its button disabled.
        cut.Find("form").Submit();
        cut.Find("form").Submit();
        Movies.HoldLookups.SetResult();

        cut.WaitForAssertion(() => Assert.False(cut.Find("[data-testid=movie-submit]").HasAttribute("disabled")));
        cut.Find("[data-testid=movie-duplicate-warning]");
        Assert.Empty(Movies.Created);
    }

    [Fact]
    public void ConfirmingTheWarningAddsTheMovieOnce()
    {
        Movies.Add("기생충", "2019-05-30", "봉준호");
        var cut = Render<MovieForm>();
        cut.Find("[data-testid=movie-title]").Change("기생충");

        cut.Find("[data-testid=movie-duplicate-confirm]").Click();

        var request = Assert.Single(Movies.Created);
        Assert.Equal("기생충", request.Title);
        Assert.True(cut.Find("[data-testid=movie-duplicate-confirm]").HasAttribute("disabled"));
    }

    [Fact]
    public void EachInvalidFieldIsMarkedAndDescribedByItsMessage()
    {
        var cut = Render<MovieForm>();

        cut.Find("[data-testid=movie-poster-url]").Input("ftp://example.com/poster.jpg");
        cut.Find("form").Submit();

        AssertInvalidAndDescribed(cut, "movie-title", "제목은 필수입니다.");
        AssertInvalidAndDescribed(cut, "movie-poster-url", "포스터 URL은 http 또는 https 주소여야 합니다.");
    }
}
